package dev.bpkeeper.edge;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import dev.bpkeeper.snapshot.PatternExtensions;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The few framework-managed objects the pure core needs: the catalogue-backed assessor and the clock. */
public class AppBeans {
    /** The evaluators' path patterns, analysed at build time (see PatternExtensions#table). */
    static final String PATTERN_TABLE = "/dev/bpkeeper/snapshot/pattern-analyses.tsv";

    @Produces
    @Singleton
    Assessor assessor() {
        PatternExtensions.seed(resource(PATTERN_TABLE));
        return new Assessor(CatalogueLoader.fromClasspath(), Evaluators.ALL);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A resource of the app's own jar as text; empty when missing (every analysis is then done when needed). */
    static String resource(String path) {
        try (InputStream in = AppBeans.class.getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from the app's jar", e);
        }
    }
}
