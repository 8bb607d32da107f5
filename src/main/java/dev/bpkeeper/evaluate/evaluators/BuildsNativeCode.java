package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Does the build of native code honour CC, CFLAGS, LDFLAGS and keep debugging information? Only N/A can be
 * told from the files; with native code present a person has to read the build.
 */
public final class BuildsNativeCode implements Evaluator {
    private static final Pattern CLOBBERED_FLAGS = Look.words("^\\s*(CC|CXX|CFLAGS|CXXFLAGS|LDFLAGS)\\s*:?=");
    private static final Pattern STRIPS = Look.words("\\binstall\\b[^\\n]*\\s-s\\b|^\\s*\\t?\\s*strip\\b|-Wl,-s\\b");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.ROOT_BUILD);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Code.Native code = Code.nativeCode(snapshot);
        Optional<Finding> notNative = Code.withoutNativeCode(code, "so no native binaries are built");
        if (notNative.isPresent()) {
            return notNative.get();
        }
        List<String> hints = new ArrayList<>();
        for (Ecosystem.Detected tool : Code.buildTools(snapshot.tree())) {
            String name = tool.ecosystem().name();
            if (name.equals("CMake") || name.equals("Meson") || name.equals("Autotools")) {
                hints.add(name + " honours these variables and keeps debugging information unless the project"
                        + " overrides them");
            }
        }
        List<String> makefiles = Code.rootMakefiles(snapshot.tree());
        Look.findLine(snapshot, makefiles, CLOBBERED_FLAGS).ifPresent(hit -> hints.add(hit.path() + " line "
                + hit.line() + " (\"" + hit.text() + "\") sets a flag variable with = rather than ?= or +="));
        Look.findLine(snapshot, makefiles, STRIPS).ifPresent(hit -> hints.add(hit.path() + " line " + hit.line()
                + " (\"" + hit.text() + "\") may strip debugging information"));
        return Finding.unknown(code.description() + ": a person must check that the build honours CC, CFLAGS,"
                + " CXXFLAGS and LDFLAGS from the environment and does not strip debugging information"
                + " unconditionally." + (hints.isEmpty() ? "" : " Hints: " + String.join("; ", hints) + "."));
    }
}
