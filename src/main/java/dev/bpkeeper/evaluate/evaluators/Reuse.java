package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-file copyright and licence declarations through REUSE (https://reuse.software): a REUSE.toml or .reuse/dep5
 * entry that covers every file declares them for files without a header. We do not read every source file, so
 * without such an entry the answer stays Unknown rather than a guess.
 */
final class Reuse {
    private static final Pattern TOML_ALL_FILES = Pattern.compile(
            "(?m)^\\s*path\\s*=\\s*(?:\"\\*\\*\"|\\[[^\\]]*\"\\*\\*\"[^\\]]*\\])");
    private static final Pattern DEP5_ALL_FILES = Pattern.compile("(?m)^Files:\\s*\\*\\s*$");

    private Reuse() {
    }

    /**
     * @param tomlKey the REUSE.toml key that declares it ("SPDX-FileCopyrightText")
     * @param dep5Field the dep5 field ("Copyright")
     * @param what "a copyright" or "a licence", for the sentences
     */
    static Finding everyFileDeclares(RepositorySnapshot snapshot, String tomlKey, String dep5Field, String what) {
        Optional<String> toml = snapshot.tree().find("REUSE.toml");
        Optional<String> dep5 = snapshot.tree().find(".reuse/dep5");
        Optional<String> config = toml.or(() -> dep5);
        if (config.isEmpty()) {
            return Finding.unknown("No REUSE.toml or .reuse/dep5 declares " + what + " for every file, and source"
                    + " files' headers are not read here; `reuse lint` or a person should check each file.");
        }
        Optional<String> text = snapshot.text(config.get());
        if (text.isEmpty()) {
            return Finding.unknown("The text of " + config.get() + " was not read, so what it covers is not known.");
        }
        boolean all = toml.isPresent()
                ? blockCoveringAll(text.get(), "(?m)^\\s*\\[\\[annotations\\]\\]", TOML_ALL_FILES, tomlKey + "\\s*=")
                : blockCoveringAll(text.get(), "\\n\\s*\\n", DEP5_ALL_FILES, "(?m)^" + dep5Field + ":");
        if (all) {
            return Finding.met(config.get() + " declares " + what + " for every file (all paths), so each file has"
                    + " one even without a header.", Look.evidence(snapshot, config.get())).proposed();
        }
        return Finding.unknown(config.get() + " declares " + what + " for some paths only; whether the other source"
                + " files carry a header is not checked here (`reuse lint` would tell).");
    }

    /** Whether one block (annotation or dep5 stanza) applies to all files and sets the declaration. */
    private static boolean blockCoveringAll(String text, String separator, Pattern allFiles, String declaration) {
        Pattern declares = Pattern.compile(declaration);
        for (String block : text.split(separator)) {
            if (allFiles.matcher(block).find() && declares.matcher(block).find()) {
                return true;
            }
        }
        return false;
    }
}
