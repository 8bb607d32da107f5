package dev.bpkeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.evaluate.Verdict;
import dev.bpkeeper.gather.ConfigParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BestPracticesConfigTest {
    static final Catalogue CATALOGUE = CatalogueLoader.fromClasspath();
    static final String ORG = "acme/.github: openssf-best-practices.yml";
    static final String REPO = ".github/openssf-best-practices.yml";

    @Test
    void givenNoFileAnywhereThenTheDefaultsApply() {
        BestPracticesConfig config = BestPracticesConfig.merge(CATALOGUE, Optional.empty(), List.of());

        assertThat(config).isEqualTo(BestPracticesConfig.DEFAULT);
        assertThat(config.target()).isEqualTo(Level.PASSING);
        assertThat(config.checkRun()).isEqualTo(CheckRunMode.NEUTRAL);
        assertThat(config.paths()).containsExactly("");
        assertThat(config.fixupPullRequests().allows("SECURITY.md")).isTrue();
    }

    @Test
    void givenAnOrganisationDefaultAndARepositoryFileThenTheRepositoryWinsKeyByKey() {
        BestPracticesConfig config = merge("""
                target_level: silver
                check_run: gate
                criteria:
                  crypto_weaknesses: {status: N/A, justification: The organisation ships no cryptography.}
                  build: {status: N/A, justification: Nothing is built anywhere here.}
                """, """
                check_run: neutral
                criteria:
                  build: {status: Met, justification: Built with make.}
                """);

        assertThat(config.target()).as("kept from the organisation").isEqualTo(Level.SILVER);
        assertThat(config.checkRun()).as("overridden by the repository").isEqualTo(CheckRunMode.NEUTRAL);
        assertThat(config.declarations()).containsOnlyKeys("crypto_weaknesses", "build");
        assertThat(config.declarations().get("build").status()).isEqualTo(Status.MET);
        assertThat(config.declarations().get("crypto_weaknesses").file()).isEqualTo(ORG);
        assertThat(config.files()).containsExactly(ORG, REPO);
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void givenAnOrganisationThatLocksAKeyThenTheRepositoryCannotChangeItAndIsToldWhy() {
        BestPracticesConfig config = merge("check_run: gate\nlocked: [check_run, criteria]\n", """
                target_level: gold
                check_run: off
                criteria:
                  build: {status: N/A, justification: Nothing to build.}
                """);

        assertThat(config.checkRun()).isEqualTo(CheckRunMode.GATE);
        assertThat(config.target()).isEqualTo(Level.GOLD);
        assertThat(config.declarations()).isEmpty();
        assertThat(config.problems()).extracting(ConfigProblem::describe).containsExactly(
                REPO + ", line 2, `check_run`: is locked by " + ORG + "; its value there applies",
                REPO + ", line 3, `criteria`: is locked by " + ORG + "; its value there applies");
    }

    @Test
    void givenALockInARepositoryFileThenItIsIgnoredAndReported() {
        BestPracticesConfig config = merge(null, "locked: [check_run]\n");

        assertThat(config.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("locked");
            assertThat(p.message()).contains("is read only in the organisation's file");
        });
    }

    @Test
    void givenPathsInTheOrganisationFileThenTheyAreIgnoredAndReported() {
        BestPracticesConfig config = merge("paths: [services/api]\n", "");

        assertThat(config.paths()).containsExactly("");
        assertThat(config.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo(ORG));
    }

    @Test
    void givenDeclarationsTheCatalogueRejectsThenEachIsReportedAndLeftOut() {
        BestPracticesConfig config = merge(null, """
                criteria:
                  no_such_criterion: {status: Met, justification: We do it.}
                  vulnerability_report_process: {status: N/A, justification: We have no users.}
                  achieve_passing: {status: Met, justification: We think so.}
                  OSPS-AC-01.01: {status: Met, justification: The organisation enforces 2FA.}
                """);

        assertThat(config.declarations()).containsOnlyKeys("osps_ac_01_01");
        assertThat(config.problems()).extracting(ConfigProblem::describe).containsExactly(
                REPO + ", line 2, `criteria.no_such_criterion`: is not a criterion id; use an id from"
                        + " https://www.bestpractices.dev/en/criteria (e.g. `crypto_weaknesses`, `OSPS-AC-01.01`);"
                        + " ignored",
                REPO + ", line 3, `criteria.vulnerability_report_process.status`: N/A is not allowed for this"
                        + " criterion (bestpractices.dev accepts only Met or Unmet for it); ignored",
                REPO + ", line 4, `criteria.achieve_passing`: is computed from the level below and cannot be"
                        + " declared; ignored");
    }

    @Test
    void givenADeclarationBestPracticesWouldNotCountThenItIsKeptAndExplained() {
        BestPracticesConfig config = merge(null, """
                criteria:
                  vulnerability_report_process: {status: Met, justification: Mail the maintainers.}
                """);

        assertThat(config.declarations()).containsOnlyKeys("vulnerability_report_process");
        assertThat(config.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("does not count at passing: bestpractices.dev needs a URL (https://...) in the"
                        + " justification for Met here"));
    }

    @Test
    void maintainersAnswersBecomeVerdictsFromTheMaintainers() {
        BestPracticesConfig config = merge(null, "criteria:\n  build: {status: N/A, justification: Pure docs.}\n");

        Verdict verdict = config.maintainerVerdicts().get("build");

        assertThat(verdict.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(verdict.justification()).isEqualTo("Pure docs.");
        assertThat(verdict.source()).isEqualTo(Verdict.Source.MAINTAINER);
    }

    @Test
    void givenABadgeIdOrAProjectUrlThenEitherNamesTheProject() {
        assertThat(merge(null, "badge_id: 42\n").badgeId()).contains(42L);
        assertThat(merge(null, "project_url: https://www.bestpractices.dev/projects/43\n").badgeId()).contains(43L);
        assertThat(merge("project_url: https://bestpractices.dev/fr/projects/44/\n", "").badgeId()).contains(44L);
    }

    @Test
    void givenABadgeIdAndAProjectUrlThatDisagreeThenTheBadgeIdWinsAndTheConflictIsReported() {
        BestPracticesConfig config = merge(null,
                "project_url: https://www.bestpractices.dev/projects/43\nbadge_id: 42\n");

        assertThat(config.badgeId()).contains(42L);
        assertThat(config.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("name different projects");
        });
    }

    @Test
    void fixupPullRequestsAllowOnlyTheListedFilesAndNothingWhenSwitchedOff() {
        FixupPullRequests listed = merge(null, "fixup_pull_requests:\n  files: [SECURITY.md]\n")
                .fixupPullRequests();
        FixupPullRequests off = merge("fixup_pull_requests: false\n", "").fixupPullRequests();

        assertThat(listed.enabled()).isTrue();
        assertThat(listed.allows("security.md")).isTrue();
        assertThat(listed.allows("CODE_OF_CONDUCT.md")).isFalse();
        assertThat(off.allows("SECURITY.md")).isFalse();
    }

    @Test
    void aSubProjectsOwnFileOverridesTheRepositoryButCannotSetPaths() {
        BestPracticesConfig config = BestPracticesConfig.merge(CATALOGUE, Optional.empty(), List.of(
                ConfigParser.parse(REPO, "paths: [api]\ncheck_run: gate\n"),
                ConfigParser.parse("api/" + REPO, "paths: [x]\ncheck_run: off\n")));

        assertThat(config.checkRun()).isEqualTo(CheckRunMode.OFF);
        assertThat(config.paths()).containsExactly("api");
        assertThat(config.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo("api/" + REPO));
    }

    private static BestPracticesConfig merge(String organisation, String repository) {
        return BestPracticesConfig.merge(CATALOGUE,
                Optional.ofNullable(organisation).map(text -> ConfigParser.parse(ORG, text)),
                List.of(ConfigParser.parse(REPO, repository)));
    }
}
