package dev.bpkeeper.bench;

import dev.bpkeeper.gather.LicenseIdentifier;
import dev.bpkeeper.gather.LicenseIdentifierTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Time to identify each licence fixture of LicenseIdentifierTest (and each text that is not a licence): the first
 * identification in this JVM (it loads the SPDX list and reads the common licences), then the median and the
 * maximum of 20 more per fixture. Prints; asserts nothing.
 */
@Tag("benchmark")
class LicenseIdentificationBenchmarkTest {

    @Test
    @SuppressWarnings("unchecked")
    void timeToIdentifyEachFixture() throws Exception {
        long start = System.nanoTime();
        LicenseIdentifier identifier = LicenseIdentifier.get();
        identifier.identifyText("MIT License\n");
        System.out.printf("LICENSE FIGURE first use (SPDX list loaded, common licences read): %.0f ms%n",
                (System.nanoTime() - start) / 1e6);
        List<Object[]> cases = new ArrayList<>();
        for (Arguments a : LicenseIdentifierTest.dressedLicences().toList()) {
            Object[] x = a.get();
            cases.add(new Object[] {x[0], ((UnaryOperator<String>) x[2]).apply(LicenseIdentifierTest.spdxText(
                    (String) x[1]))});
        }
        for (Arguments a : LicenseIdentifierTest.notALicence().toList()) {
            cases.add(new Object[] {a.get()[0], a.get()[1]});
        }
        double worst = 0;
        for (Object[] c : cases) {
            String text = (String) c[1];
            long t0 = System.nanoTime();
            String found = identifier.identifyText(text).orElse("(none)");
            double first = (System.nanoTime() - t0) / 1e6;
            List<Double> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                identifier.identifyText(text);
                runs.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(runs);
            worst = Math.max(worst, Math.max(first, runs.get(runs.size() - 1)));
            System.out.printf("LICENSE FIGURE | %s | %,d chars | %s | first %.1f ms | median %.1f ms | max %.1f ms |%n",
                    c[0], text.length(), found, first, runs.get(runs.size() / 2), runs.get(runs.size() - 1));
        }
        System.out.printf("LICENSE FIGURE worst single identification: %.1f ms%n", worst);
    }
}
