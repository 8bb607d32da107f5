package dev.bpkeeper.act.fixup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import dev.bpkeeper.evaluate.evaluators.Repo;
import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.RepoMetadata;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FixupPlannerTest {
    private static final Catalogue CATALOGUE = CatalogueLoader.fromClasspath();
    private static final Assessor ASSESSOR = new Assessor(CATALOGUE, Evaluators.ALL);
    private static final String COC = "CODE_OF_CONDUCT.md";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a repository lacking every community file gets all of them, and the answers",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile("README.md", "# Widget\n"),
                        List.of("SECURITY.md", "CONTRIBUTING.md", COC, ".bestpractices.json")),
                Arguments.of("a security policy in .github/ counts, as GitHub shows it",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile(".github/SECURITY.md", "Mail sec@acme.example")
                                .withFiles("CONTRIBUTING.md", COC),
                        List.of()),
                Arguments.of("a security policy in docs/ with another ending and case counts",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile("docs/security.rst", "Mail sec@acme.example")
                                .withFiles("CONTRIBUTING.md", COC),
                        List.of()),
                Arguments.of("the organisation's default files count",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile("README.md", "# Widget\n")
                                .orgCommunityFiles("SECURITY.md", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md"),
                        List.of()),
                Arguments.of("an existing file that lacks content is never replaced",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile("SECURITY.md", "Nothing useful.\n")
                                .withFiles("CONTRIBUTING.md", COC),
                        List.of()),
                Arguments.of("dependabot.yml is proposed for a detected ecosystem",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFiles("pom.xml", "SECURITY.md", "CONTRIBUTING.md",
                                COC),
                        List.of(".github/dependabot.yml", ".bestpractices.json")),
                Arguments.of("dependabot.yaml (the other ending) counts as present",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFiles("pom.xml", ".github/dependabot.yaml",
                                "SECURITY.md", "CONTRIBUTING.md", COC),
                        List.of()),
                Arguments.of("without any ecosystem dependabot.yml would be empty, so it is not proposed",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFiles("README.md", "SECURITY.md", "CONTRIBUTING.md",
                                COC),
                        List.of()),
                Arguments.of("an existing .bestpractices.json is left alone",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFiles("README.md", ".bestpractices.json"),
                        List.of("SECURITY.md", "CONTRIBUTING.md", COC)),
                Arguments.of("an archived repository gets nothing",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile("README.md").archived(), List.of()),
                Arguments.of("a fork gets nothing",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile("README.md").metadata(forked()), List.of()),
                Arguments.of("an empty repository gets nothing", (Supplier<Repo>) Repo::onGitHub, List.of()),
                Arguments.of("a truncated tree cannot show a file is missing, so nothing is proposed",
                        (Supplier<Repo>) () -> Repo.onGitHub().withFile("README.md").truncated(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void proposesOnlyFilesThatAreMissingEverywhereGitHubLooks(String name, Supplier<Repo> repo, List<String> expected) {
        RepositorySnapshot snapshot = repo.get().snapshot();

        List<ProposedFile> plan = FixupPlanner.plan(CATALOGUE, ASSESSOR.assess(snapshot), snapshot,
                TemplateFacts.of(snapshot));

        assertThat(plan).extracting(ProposedFile::path).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void eachFileNamesTheUnmetCriteriaItSatisfies() {
        RepositorySnapshot snapshot = Repo.onGitHub().withFile("README.md", "# Widget\n").snapshot();

        Map<String, ProposedFile> plan = byPath(FixupPlanner.plan(CATALOGUE, ASSESSOR.assess(snapshot), snapshot,
                TemplateFacts.of(snapshot)));

        assertThat(plan.get("SECURITY.md").reasons()).contains("vulnerability_report_process", "OSPS-VM-02.01");
        assertThat(plan.get("CONTRIBUTING.md").reasons()).contains("contribution");
        assertThat(plan.get(COC).reasons()).containsExactly("code_of_conduct");
        assertThat(plan.get(".bestpractices.json").reasons()).isEmpty();
    }

    private static Map<String, ProposedFile> byPath(List<ProposedFile> files) {
        return files.stream().collect(java.util.stream.Collectors.toMap(ProposedFile::path, f -> f));
    }

    private static RepoMetadata forked() {
        RepoMetadata m = Repo.onGitHub().snapshot().metadata();
        return new RepoMetadata(m.fullName(), m.webUrl(), m.description(), m.homepage(), m.isPrivate(), m.archived(),
                Fact.known(true), m.hasIssues(), m.hasDiscussions(), m.defaultBranch(), m.webCommitSignoffRequired(),
                m.pushedAt(), m.languages());
    }
}
