package dev.bpkeeper.act.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import dev.bpkeeper.evaluate.evaluators.Repo;
import dev.bpkeeper.gather.ConfigParser;
import dev.bpkeeper.policy.BestPracticesConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckRunContentTest {
    static Catalogue catalogue;
    static Assessor assessor;

    @BeforeAll
    static void load() {
        catalogue = CatalogueLoader.fromClasspath();
        assessor = new Assessor(catalogue, Evaluators.ALL);
    }

    @Test
    void aRepositoryWithoutASecurityPolicyIsToldSoWithAWarningItCanAct() {
        Assessment assessment = assessor.assess(Repo.onGitHub().withFile("README.md", "# Widget\n").snapshot());

        CheckRunContent content = CheckRunContent.of(catalogue, assessment, Repo.WEB_URL, Optional.empty());

        assertThat(content.title()).startsWith("in progress ").contains("baseline-1");
        assertThat(content.summary()).contains("| passing |").contains("`vulnerability_report_process`");
        assertThat(content.text()).contains("❌ | [`vulnerability_report_process`]");
    }

    @Test
    void filesThatAreEvidenceAreAnnotatedOnThatFile() {
        Assessment assessment = assessor.assess(Repo.onGitHub().withFile("SECURITY.md", "Report to x@y.z").snapshot());

        CheckRunContent content = CheckRunContent.of(catalogue, assessment, Repo.WEB_URL, Optional.empty());

        assertThat(content.annotations()).anySatisfy(a -> {
            assertThat(a.path()).isEqualTo("SECURITY.md");
            assertThat(a.level()).isEqualTo("notice");
            assertThat(a.title()).isEqualTo("vulnerability_report_process: Met");
        });
    }

    @Test
    void theSummaryLinksToPreFilledAnswersForEachSection() {
        Assessment assessment = assessor.assess(Repo.onGitHub().withFile("SECURITY.md", "Report to x@y.z").snapshot());

        String summary = CheckRunContent.of(catalogue, assessment, Repo.WEB_URL, Optional.of("https://bp.example/report/acme/widget"))
                .summary();

        assertThat(summary).contains("https://www.bestpractices.dev/en/projects?as=edit&url=https%3A%2F%2Fgithub.com%2Facme%2Fwidget&section=passing")
                .contains("vulnerability_report_process_status=Met")
                .contains("Full report: https://bp.example/report/acme/widget");
    }

    @Test
    void givenAConfigurationThenTheTargetItsProblemsAndTheMaintainersAnswersComeFirst() {
        BestPracticesConfig config = BestPracticesConfig.merge(catalogue, Optional.empty(), List.of(ConfigParser.parse(
                ".github/openssf-best-practices.yml", """
                        target_level: silver
                        check_run: gate
                        badge_id: 1234
                        criteria:
                          crypto_weaknesses: {status: N/A, justification: No cryptography at all.}
                          typo_criterion: {status: Met, justification: Sure.}
                        """)));
        Assessment assessment = assessor.assess(Repo.onGitHub().snapshot(), config.maintainerVerdicts());

        CheckRunContent content = CheckRunContent.of(catalogue, assessment, Repo.WEB_URL, Optional.empty(), config);

        assertThat(content.title()).startsWith("target silver ").contains(" MUST unmet · in progress ");
        assertThat(content.summary()).startsWith("**⚠️ Configuration problems**")
                .contains("line 6, `criteria.typo_criterion`: is not a criterion id")
                .contains("**Target level:** silver").contains("the gate fails")
                .contains("**Declared by maintainers:** 1 answer in `.github/openssf-best-practices.yml`")
                .contains("https://www.bestpractices.dev/en/projects/1234/silver/edit?")
                .contains("crypto_weaknesses_status=N%2FA&crypto_weaknesses_justification=No+cryptography+at+all.")
                .doesNotContain("as=edit");
        assertThat(content.text()).contains("No cryptography at all. _(declared by maintainers)_");
    }

    @Test
    void withoutAConfigurationTheTitleAndSummaryAreAsBefore() {
        Assessment assessment = assessor.assess(Repo.onGitHub().snapshot());

        CheckRunContent plain = CheckRunContent.of(catalogue, assessment, Repo.WEB_URL, Optional.empty());

        assertThat(plain.title()).startsWith("in progress ");
        assertThat(plain.summary()).startsWith("**OpenSSF Best Practices:**");
    }

    @Test
    void textBeyondGitHubsLimitIsCutWithAPointerToTheFullReport() {
        String cut = CheckRunContent.limit("x".repeat(CheckRunContent.MAX_CHARS + 10), Optional.of("https://r"));

        assertThat(cut).hasSize(CheckRunContent.MAX_CHARS).endsWith("the full report is at https://r.\n");
        assertThat(CheckRunContent.limit("short", Optional.empty())).isEqualTo("short");
    }

    @Test
    void aTypicalReportFitsWithinGitHubsLimits() {
        Assessment assessment = assessor.assess(Repo.onGitHub().withFile("SECURITY.md", "Report to x@y.z").snapshot());

        CheckRunContent content = CheckRunContent.of(catalogue, assessment, Repo.WEB_URL, Optional.empty());

        assertThat(content.summary().length()).isLessThanOrEqualTo(CheckRunContent.MAX_CHARS);
        assertThat(content.text().length()).isLessThanOrEqualTo(CheckRunContent.MAX_CHARS);
        assertThat(content.text()).doesNotContain("cut to fit").as("nothing is lost for a typical repository");
    }

    @Test
    void pipesInJustificationsCannotBreakTheTable() {
        assertThat(CheckRunContent.cell("a | b\nc")).isEqualTo("a \\| b c");
    }
}
