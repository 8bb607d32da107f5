package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.CommunityFiles;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ways of looking at a snapshot that many evaluators share. */
final class Look {
    /** File endings a document may have ("SECURITY", "SECURITY.md", "SECURITY.rst" ...). */
    static final String DOC_ENDING = CommunityFiles.DOC_ENDING;
    private static final Pattern README = Pattern.compile("readme" + DOC_ENDING);

    private Look() {
    }

    /** A community health file where GitHub looks for it (see {@link CommunityFiles}). */
    static Optional<String> communityFile(RepositorySnapshot snapshot, String baseNameRegex) {
        return CommunityFiles.inRepository(snapshot, baseNameRegex);
    }

    /** The same file in the organisation's .github repository, which GitHub shows for every repository. */
    static Optional<String> orgCommunityFile(RepositorySnapshot snapshot, String baseNameRegex) {
        return CommunityFiles.inOrganisationDefaults(snapshot, baseNameRegex);
    }

    /**
     * Where the repository itself speaks on a topic that an owner's default community file (baseNameRegex, such as
     * "contributing|contribute") could otherwise cover: its own such file, a README section named for it, or, for
     * contributing, a pull-request template. Without any of these the owner's default is what GitHub shows.
     */
    static Optional<String> ownGuidance(RepositorySnapshot snapshot, String baseNameRegex) {
        Optional<String> file = communityFile(snapshot, baseNameRegex);
        if (file.isPresent()) {
            return file;
        }
        if ("contributing|contribute".equals(baseNameRegex)) {
            Optional<String> template = communityFile(snapshot, "pull_request_template");
            if (template.isPresent()) {
                return template;
            }
        }
        return findLine(snapshot, readme(snapshot).stream().toList(),
                words("^#{1,4}\\s*(how to )?(" + baseNameRegex + ")")).map(Hit::path);
    }

    /** The root README, if any. */
    static Optional<String> readme(RepositorySnapshot snapshot) {
        return snapshot.tree().filesIn("").stream()
                .filter(p -> README.matcher(p.toLowerCase(Locale.ROOT)).matches()).findFirst()
                .or(() -> communityFile(snapshot, "readme"));
    }

    /**
     * True only when the repository is known to be on github.com itself, where GitHub's own guarantees (2FA for
     * contributors, site hardening) hold; GitHub Enterprise hosts are run by someone else.
     */
    static boolean onGitHubCom(RepositorySnapshot snapshot) {
        return snapshot.metadata().isOnGitHub() && snapshot.metadata().webUrl().value().startsWith("https://github.com/");
    }

    static Evidence evidence(RepositorySnapshot snapshot, String path) {
        return Evidence.file(path, snapshot.linkTo(path));
    }

    /**
     * The repository's web page at the suffix ("/tags"), as evidence to pass to a finding: none when the
     * repository has no known web address (a local directory).
     */
    static Evidence[] page(RepositorySnapshot snapshot, String suffix, String label) {
        return snapshot.webLink(suffix).map(l -> Evidence.page(label, l)).stream().toArray(Evidence[]::new);
    }

    /**
     * "Not found": Unmet when the tree is complete, Unknown when it was truncated and the file might be in the
     * part we did not see.
     */
    static Finding absent(RepositorySnapshot snapshot, String sentence) {
        if (snapshot.tree().isTruncated()) {
            return Finding.unknown(sentence + " The file list is truncated, so it may exist where we did not see.");
        }
        return Finding.unmet(sentence);
    }

    /** A line of text that matched, and where. */
    record Hit(String path, int line, String text) {
    }

    /** The first line matching the pattern in the fetched texts of the given paths, in their order. */
    static Optional<Hit> findLine(RepositorySnapshot snapshot, List<String> paths, Pattern pattern) {
        for (String path : paths) {
            Optional<String> text = snapshot.text(path);
            if (text.isEmpty()) {
                continue;
            }
            Matcher matcher = pattern.matcher(text.get());
            if (matcher.find()) {
                String before = text.get().substring(0, matcher.start());
                int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
                int start = before.lastIndexOf('\n') + 1;
                int end = text.get().indexOf('\n', matcher.end());
                String lineText = text.get().substring(start, end < 0 ? text.get().length() : end).strip();
                return Optional.of(new Hit(path, line, lineText.length() > 160
                        ? lineText.substring(0, 157) + "..." : lineText));
            }
        }
        return Optional.empty();
    }

    /**
     * The project's own documents whose text we fetched: README, community files, docs/, in that order, so
     * that a hit in the README wins over one deep in docs/.
     */
    static List<String> documents(RepositorySnapshot snapshot) {
        List<String> docs = new ArrayList<>();
        readme(snapshot).ifPresent(docs::add);
        snapshot.contents().keySet().stream().sorted()
                .filter(p -> isDocument(p) && !docs.contains(p))
                .forEach(docs::add);
        return docs;
    }

    /**
     * {@link #documents} without the build files that also have no ending (Makefile, Gemfile, CODEOWNERS ...),
     * so that prose searches do not mistake a Makefile's "go test" for documentation.
     */
    static List<String> prose(RepositorySnapshot snapshot) {
        return documents(snapshot).stream()
                .filter(p -> !FileTree.baseName(p).toLowerCase(Locale.ROOT).matches("(gnu)?makefile|gemfile|rakefile"
                        + "|jenkinsfile|justfile|dockerfile|containerfile|vagrantfile|procfile|brewfile|pipfile"
                        + "|codeowners|owners|cmakelists\\.txt|requirements[^/]*\\.txt|constraints[^/]*\\.txt"))
                .toList();
    }

    /**
     * {@link #prose} without the project's history (CHANGELOG, HISTORY, NEWS, release notes): a changelog's links to
     * issue #123 record what happened, they do not invite anyone to report anything.
     */
    private static final java.util.regex.Pattern HISTORY_FILE = java.util.regex.Pattern.compile(
            "(change[_-]?log|changes|history|news|releases?|release[_-]?notes)(\\.[a-z]+)?");

    static List<String> currentProse(RepositorySnapshot snapshot) {
        return prose(snapshot).stream()
                .filter(p -> !HISTORY_FILE.matcher(FileTree.baseName(p).toLowerCase(Locale.ROOT)).matches())
                .toList();
    }

    private static boolean isDocument(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.matches("([^/]+|\\.github/[^/]+|docs?/.+)\\.(md|markdown|rst|txt|adoc|asciidoc)")
                || lower.matches("(\\.github/)?[a-z_-]+");
    }

    /** Case-insensitive pattern, multi-line, for searching prose. */
    static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    }

    /** "a, b and c" */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
