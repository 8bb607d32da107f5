package dev.bpkeeper.act.fixup;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The words of a fix-up pull request: title, body (with the hidden marker that identifies it) and comments. */
public final class PullRequestText {
    /** Identifies the app's pull request among others on the same branch name; invisible on GitHub. */
    public static final String MARKER = "<!-- openssf-best-practices-keeper:fixup -->";
    public static final String TITLE = "Add missing project files for the OpenSSF Best Practices badge";
    public static final String CONFIG_FILE = ".github/openssf-best-practices.yml";

    private PullRequestText() {
    }

    public static String body(String fullName, List<ProposedFile> files, Function<String, FixupFiles.Note> notes) {
        StringBuilder body = new StringBuilder(MARKER).append('\n');
        body.append("This pull request adds ").append(files.size() == 1 ? "a file" : files.size() + " files")
                .append(" that the [OpenSSF Best Practices](https://www.bestpractices.dev) criteria ask for and that ")
                .append(Inert.markdown(fullName)).append(" does not have yet. Everything is in one commit; "
                        + "edit the files on this branch as you like before merging.\n\n");
        body.append("| File | Satisfies | Why it matters |\n|---|---|---|\n");
        for (ProposedFile file : files) {
            String criteria = file.reasons().isEmpty() ? "(pre-fills your answers)"
                    : file.reasons().stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "));
            body.append("| `").append(file.path()).append("` | ").append(criteria).append(" | ")
                    .append(notes.apply(file.template()).why()).append(" |\n");
        }
        body.append("\n### Before merging\n\n");
        for (ProposedFile file : files) {
            body.append("- `").append(file.path()).append("`: ").append(notes.apply(file.template()).review())
                    .append('\n');
        }
        body.append("\nPlaceholders are marked `TODO(maintainers)`, so `git grep TODO(maintainers)` finds them all.\n");
        body.append("""

                ### Not wanted?

                Close this pull request without merging: the app will not propose these files again (unless a \
                criterion they satisfy becomes unmet for a new reason). To stop fix-up pull requests for this \
                repository altogether, add to `%s`:

                ```yaml
                fixup_pull_requests:
                  enabled: false
                ```

                The app only ever pushes to this branch, and stops updating it as soon as someone else pushes to it.
                """.formatted(CONFIG_FILE));
        return body.toString();
    }

    /** The last line of every commit the app makes on its branch; how it recognises one whose answer was lost. */
    public static final String COMMIT_SIGNATURE =
            "Proposed by the OpenSSF Best Practices keeper for the criteria these files satisfy.";

    public static String commitMessage(List<ProposedFile> files) {
        return "Add " + files.stream().map(ProposedFile::path).collect(Collectors.joining(", ")) + "\n\n"
                + COMMIT_SIGNATURE;
    }

    public static String closingComment() {
        return "Everything this pull request proposed is now in place, so it is no longer needed. Closing it "
                + "and deleting its branch. Thank you!";
    }
}
