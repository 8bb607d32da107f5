package dev.bpkeeper.act.fixup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PullRequestTextTest {
    private static final List<ProposedFile> FILES = List.of(
            new ProposedFile("SECURITY.md", "SECURITY.md", Set.of("vulnerability_report_process", "OSPS-VM-02.01")),
            new ProposedFile(".bestpractices.json", ".bestpractices.json", Set.of()));

    @Test
    void bodyExplainsEveryFileAndHowToStopThePullRequests() {
        String body = PullRequestText.body("acme/widget", FILES, t -> new FixupFiles.Note("why " + t, "review " + t));

        assertThat(body).startsWith(PullRequestText.MARKER)
                .contains("| `SECURITY.md` | `OSPS-VM-02.01`, `vulnerability_report_process` | why SECURITY.md |")
                .contains("| `.bestpractices.json` | (pre-fills your answers) | why .bestpractices.json |")
                .contains("- `SECURITY.md`: review SECURITY.md")
                .contains("Close this pull request without merging")
                .contains(".github/openssf-best-practices.yml").contains("enabled: false");
    }

    @Test
    void aHostileNameCannotInjectMarkdownIntoTheBody() {
        String body = PullRequestText.body("acme/<script>alert(1)</script>[x](https://evil.example)", FILES,
                t -> new FixupFiles.Note("w", "r"));

        assertThat(body).doesNotContain("<script>").doesNotContain("](https://evil");
    }

    @Test
    void commitMessageListsTheFiles() {
        assertThat(PullRequestText.commitMessage(FILES)).startsWith("Add SECURITY.md, .bestpractices.json\n\n");
    }
}
