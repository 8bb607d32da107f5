package dev.bpkeeper.snapshot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where GitHub looks for community health files (SECURITY, CONTRIBUTING, CODE_OF_CONDUCT ...): the root, .github/
 * and docs/ of the repository, whatever the case and document ending, then the organisation's .github repository.
 * Evaluators use it to find them, fix-up pull requests to avoid proposing one that GitHub already shows.
 */
public final class CommunityFiles {
    /** File endings a document may have ("SECURITY", "SECURITY.md", "SECURITY.rst" ...). */
    public static final String DOC_ENDING = "(\\.(md|markdown|rst|txt|adoc|asciidoc|org|html))?";
    /** The three places GitHub looks, in its own order. */
    public static final List<String> DIRECTORIES = List.of("", ".github", "docs");

    private CommunityFiles() {
    }

    /** @param baseNameRegex the lower-case name without ending, e.g. "security" or "code[_-]of[_-]conduct" */
    public static Optional<String> inRepository(RepositorySnapshot snapshot, String baseNameRegex) {
        Pattern name = named(baseNameRegex);
        for (String directory : DIRECTORIES) {
            for (String path : snapshot.tree().filesIn(directory)) {
                if (name.matcher(FileTree.baseName(path).toLowerCase(Locale.ROOT)).matches()) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    /** The same file in the organisation's .github repository, which GitHub shows for every repository. */
    public static Optional<String> inOrganisationDefaults(RepositorySnapshot snapshot, String baseNameRegex) {
        if (!snapshot.orgCommunityFiles().isKnown()) {
            return Optional.empty();
        }
        Pattern name = named(baseNameRegex);
        return snapshot.orgCommunityFiles().value().stream()
                .filter(p -> name.matcher(FileTree.baseName(p).toLowerCase(Locale.ROOT)).matches())
                .sorted().findFirst();
    }

    private static Pattern named(String baseNameRegex) {
        return Pattern.compile("(?:" + baseNameRegex + ")" + DOC_ENDING);
    }
}
