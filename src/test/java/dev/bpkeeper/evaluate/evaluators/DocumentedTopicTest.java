package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Confidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.snapshot.Need;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared mechanics of "is topic X documented?", shown through the roadmap question. */
class DocumentedTopicTest {

    static Stream<Arguments> headings() {
        return Stream.of(
                Arguments.of("Markdown heading", "# Widget\n\n## Roadmap\n\nNext year we...", true),
                Arguments.of("Markdown heading with more words", "### Our roadmap for 2027\n", true),
                Arguments.of("AsciiDoc heading", "= Widget\n\n== Roadmap\n", true),
                Arguments.of("reStructuredText heading", "Widget\n======\n\nRoadmap\n-------\n\nText", true),
                Arguments.of("setext heading", "Future plans\n============\n", true),
                Arguments.of("HTML heading", "<h2 align=\"center\">Roadmap</h2>", true),
                Arguments.of("bold line standing alone", "**Roadmap:**\n- faster widgets", true),
                Arguments.of("the word in a sentence is not a heading", "We have no roadmap yet.\n", false),
                Arguments.of("the word inside another word", "## Roadmaps are overrated\n## Roadmapper", false),
                Arguments.of("a table row above a rule is not a heading", "| roadmap | x |\n|---|---|\n", false),
                Arguments.of("a link in a table of contents", "- [Roadmap](#roadmap)\n", false));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("headings")
    void recognisesHeadingsInEveryMarkup(String scenario, String text, boolean isHeading) {
        assertThat(DocumentedTopic.heading("road ?map|future plans").matcher(text).find()).isEqualTo(isHeading);
    }

    @Test
    void aDedicatedFileIsDecisiveAndAHeadingIsAProposal() {
        Finding file = new HasRoadmap().evaluate(Repo.onGitHub().withFile("ROADMAP.md").snapshot());
        Finding heading = new HasRoadmap().evaluate(Repo.onGitHub().withFile("README.md", "## Roadmap\n").snapshot());

        assertThat(file.confidence()).isEqualTo(Confidence.DECISIVE);
        assertThat(heading.confidence()).isEqualTo(Confidence.PROPOSAL);
        assertThat(heading.justification()).isEqualTo(
                "README.md describes the project's roadmap in the section \"Roadmap\" (line 1).");
        assertThat(heading.evidence()).singleElement().satisfies(e -> assertThat(e.link())
                .isEqualTo(Repo.WEB_URL + "/blob/" + Repo.SHA + "/README.md"));
    }

    @Test
    void theReadmeWinsOverDocsAndAFileInAnotherPlaceDoesNotCount() {
        Finding finding = new HasRoadmap().evaluate(Repo.onGitHub()
                .withFile("docs/plans.md", "## Roadmap\n")
                .withFile("README.md", "# W\n\n## What's next\n")
                .withFile("tools/ROADMAP.md").snapshot());

        assertThat(finding.justification()).startsWith("README.md describes");
    }

    @Test
    void notFoundIsAProposalBecauseWeDoNotReadEveryPage() {
        Finding finding = new HasRoadmap().evaluate(Repo.onGitHub().withFile("README.md", "# Widget\n").snapshot());

        assertThat(finding.status()).isEqualTo(Status.UNMET);
        assertThat(finding.confidence()).isEqualTo(Confidence.PROPOSAL);
        assertThat(finding.justification()).contains("searched the README, the community files and docs/");
    }

    @Test
    void anUnreadReadmeCannotProveAbsence() {
        Finding finding = new HasRoadmap().evaluate(Repo.onGitHub().withFile("README.md").snapshot());

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.justification()).contains("text of README.md was not read");
    }

    @Test
    void aMakefileIsNotDocumentation() {
        Finding finding = new DocumentsTestPolicy().evaluate(Repo.onGitHub()
                .withFile("README.md", "# W\n")
                .withFile("Makefile", "# Contributors must add tests for new code\ntest:\n\tgo test ./...\n")
                .snapshot());

        assertThat(finding.status()).isEqualTo(Status.UNMET);
    }

    @Test
    void declaresWhatItReads() {
        assertThat(new HasRoadmap().wantedFiles()).contains(Wanted.README, Wanted.COMMUNITY, Wanted.DOCS);
        assertThat(new HasRoadmap().needs()).isEmpty();
        assertThat(new DocumentsGovernance().needs()).containsExactly(Need.ORG_COMMUNITY_FILES);
    }
}
