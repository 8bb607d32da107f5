package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentsCodeReviewTest {

    static Stream<Arguments> repositories() {
        return Stream.of(
                Arguments.of("REVIEWING.md", Repo.onGitHub().withFile("REVIEWING.md"), Status.MET,
                        "REVIEWING.md describes how code review works."),
                Arguments.of("Code review section in CONTRIBUTING", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "# Contributing\n## Code review\nReviewers check tests."), Status.MET,
                        "section \"Code review\""),
                Arguments.of("approval rule in CONTRIBUTING", Repo.onGitHub().withFile("CONTRIBUTING.md",
                        "Every pull request must be approved by a maintainer."), Status.MET, "CONTRIBUTING.md covers"),
                Arguments.of("two approvals", Repo.onGitHub().withFile("docs/process.md",
                        "Merging needs at least two approving reviews."), Status.MET, "docs/process.md"),
                Arguments.of("only CODEOWNERS", Repo.onGitHub().withFile("README.md", "# W")
                        .withFile(".github/CODEOWNERS", "* @ada"), Status.MET, "assigns reviewers"),
                Arguments.of("a Reviews section in the README is about the product", Repo.onGitHub()
                        .withFile("README.md", "# Shop\n## Reviews\nCustomers rate products."), Status.UNMET,
                        "No contribution guide or review document"),
                Arguments.of("empty repository", Repo.onGitHub(), Status.UNMET,
                        "No contribution guide or review document"),
                Arguments.of("empty local directory", Repo.localDirectory(), Status.UNMET,
                        "No contribution guide or review document"),
                Arguments.of("nothing seen in a truncated tree", Repo.onGitHub().truncated(), Status.UNKNOWN,
                        "truncated"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("repositories")
    void answersFromReviewDocuments(String scenario, Repo repo, Status expected, String justificationPart) {
        Finding finding = new DocumentsCodeReview().evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
