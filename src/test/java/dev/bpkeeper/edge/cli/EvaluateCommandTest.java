package dev.bpkeeper.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluate command as a user runs it. No DynamoDB is started for these tests: the command must not need one.
 */
@QuarkusMainTest
@TestProfile(EvaluateCommandTest.WithoutStorage.class)
class EvaluateCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** evaluate runs with no database and no tables. */
    public static class WithoutStorage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bpkeeper.store.create-tables", "false");
        }
    }

    @TempDir
    Path dir;

    @Test
    void anEmptyDirectoryGetsAFullReportOfUnmetAndUnknownAnswers(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("evaluate", dir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("PASSING", "SILVER", "GOLD", "BASELINE-1", "BASELINE-3")
                .contains("✘ Unmet").contains("license_location").contains("Badge: in progress");
    }

    @Test
    void theCheckoutsConfigurationAppliesAndItsProblemsGoToStderr(QuarkusMainLauncher launcher) throws Exception {
        Files.createDirectories(dir.resolve(".github"));
        Files.writeString(dir.resolve(".github/openssf-best-practices.yml"), """
                criteria:
                  crypto_weaknesses:
                    status: N/A
                    justification: The project does no cryptography.
                  no_such_criterion:
                    status: Met
                    justification: We do it.
                """);

        LaunchResult result = launcher.launch("evaluate", dir.toString(), "--format", "json");

        assertThat(result.exitCode()).isZero();
        JsonNode crypto = null;
        for (JsonNode criterion : JSON.readTree(result.getOutput()).path("criteria")) {
            if (criterion.path("id").asText().equals("crypto_weaknesses")) {
                crypto = criterion;
            }
        }
        assertThat(crypto).isNotNull();
        assertThat(crypto.path("status").asText()).isEqualTo("N/A");
        assertThat(crypto.path("source").asText()).isEqualTo("maintainer");
        assertThat(result.getErrorOutput()).contains("configuration: .github/openssf-best-practices.yml, line 5,"
                + " `criteria.no_such_criterion`: is not a criterion id");
    }

    @Test
    void givenRepositoryTextWithTerminalControlSequences_whenPrinted_thenTheyAreShownEscapedNotObeyed(
            QuarkusMainLauncher launcher) throws Exception {
        Files.createDirectories(dir.resolve(".github"));
        // YAML's double-quoted \e, \a, \0, \x9b and \u202E are the bytes a hostile repository would commit.
        Files.writeString(dir.resolve(".github/openssf-best-practices.yml"), """
                criteria:
                  crypto_weaknesses:
                    status: N/A
                    justification: "No crypto.\\e[2J\\e]0;owned\\a\\e]8;;https://evil.example\\e\\\\x\\0y\\x9b31m\\u202Etxt"
                  "no_such\\e[31m":
                    status: Met
                    justification: We do it.
                """);

        LaunchResult result = launcher.launch("evaluate", dir.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("No crypto.\\u001b[2J\\u001b]0;owned\\u0007")
                .contains("\\u0000y\\u009b31m\\u202etxt");
        assertThat(result.getErrorOutput()).contains("no_such\\u001b[31m");
        for (String printed : new String[] {result.getOutput(), result.getErrorOutput()}) {
            assertThat(printed).doesNotContain("\u001b", "\u0007", "\u0000", "\u009b", "\u202e");
        }
    }

    @Test
    void aProjectWithItsCommunityFilesGetsThemCountedWithEvidence(QuarkusMainLauncher launcher) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "https://github.com/acme/widget.git");
            git.getRepository().getConfig().save();
            Files.writeString(dir.resolve("SECURITY.md"), "# Security\nReport vulnerabilities to security@acme.example.\n");
            Files.writeString(dir.resolve("CONTRIBUTING.md"), "# Contributing\nOpen a pull request. Add tests.\n");
            Files.writeString(dir.resolve("LICENSE"), dev.bpkeeper.testing.LicenseTexts.MIT);
            git.add().addFilepattern(".").call();
            String sha = git.commit().setMessage("init").setSign(false).call().getName();

            LaunchResult result = launcher.launch("evaluate", dir.toString(), "--format", "json");

            assertThat(result.exitCode()).isZero();
            JsonNode report = JSON.readTree(result.getOutput());
            assertThat(report.path("commit").asText()).isEqualTo(sha);
            JsonNode policy = criterion(report, "vulnerability_report_process");
            assertThat(policy.path("status").asText()).isEqualTo("Met");
            assertThat(policy.path("evidence").get(0).path("link").asText())
                    .isEqualTo("https://github.com/acme/widget/blob/" + sha + "/SECURITY.md");
            assertThat(criterion(report, "floss_license").path("status").asText()).isEqualTo("Met");
            assertThat(criterion(report, "repo_public").path("status").asText()).as("only GitHub can tell").isEqualTo("?");
        }
    }

    @Test
    void theBestPracticesJsonFormatIsWhatTheSiteReads(QuarkusMainLauncher launcher) throws Exception {
        Files.writeString(dir.resolve("SECURITY.md"), "Report privately.");

        LaunchResult result = launcher.launch("evaluate", dir.toString(), "--format", "bestpractices-json");

        assertThat(result.exitCode()).isZero();
        JsonNode fields = JSON.readTree(result.getOutput());
        assertThat(fields.path("vulnerability_report_process_status").asText()).isEqualTo("Met");
        assertThat(fields.path("vulnerability_report_process_justification").asText()).contains("SECURITY.md");
        assertThat(fields.path("osps_ac_03_01_status").asText()).isEqualTo("?");
        assertThat(fields.has("osps_ac_03_01_justification")).as("nothing to pre-fill for an unknown").isFalse();
        java.util.Set<String> ids = new java.util.HashSet<>();
        dev.bpkeeper.catalogue.CatalogueLoader.fromClasspath().all().forEach(c -> ids.add(c.id()));
        assertThat(fields.size()).isGreaterThanOrEqualTo(ids.size());
        fields.fieldNames().forEachRemaining(name -> assertThat(ids)
                .contains(name.replaceFirst("_(status|justification)$", "")));
    }

    @Test
    void aMissingPathIsAUsageErrorWithAClearMessageAndNoStackTrace(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("evaluate", dir.resolve("no-such-dir").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownFormatOrCommandIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult badFormat = launcher.launch("evaluate", dir.toString(), "--format", "xml");
        LaunchResult badCommand = launcher.launch("evaluat");

        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.getErrorOutput()).contains("'xml' is not a format");
        assertThat(badCommand.exitCode()).isEqualTo(2);
        assertThat(badCommand.getErrorOutput()).contains("Unknown command 'evaluat'").contains("Usage:");
    }

    @Test
    void givenAMonorepoCheckoutWithPaths_whenEvaluatedAsJson_thenThereIsOneResultPerPathAsCommitted(
            QuarkusMainLauncher launcher) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            monorepo();
            git.add().addFilepattern(".").call();
            git.commit().setMessage("init").setSign(false).call();
            Files.writeString(dir.resolve("services/web/SECURITY.md"), "Not committed: a push would not see it.\n");

            LaunchResult result = launcher.launch("evaluate", dir.toString(), "--format", "json");

            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            JsonNode projects = JSON.readTree(result.getOutput());
            assertThat(projects.fieldNames()).toIterable().containsExactly("services/api", "services/web");
            JsonNode api = projects.path("services/api");
            JsonNode web = projects.path("services/web");
            assertThat(api.path("name").asText()).endsWith("/services/api");
            assertThat(criterion(api, "vulnerability_report_process").path("status").asText()).isEqualTo("Met");
            // Without the file, a checkout cannot tell whether the owner's .github repository has a default policy.
            assertThat(criterion(web, "vulnerability_report_process").path("status").asText()).isEqualTo("?");
            assertThat(criterion(web, "floss_license").path("status").asText()).as("the root licence shows through")
                    .isEqualTo("Met");
            assertThat(criterion(web, "crypto_weaknesses").path("source").asText()).as("web's own file")
                    .isEqualTo("maintainer");
            assertThat(criterion(api, "crypto_weaknesses").path("source").asText()).isNotEqualTo("maintainer");
        }
    }

    @Test
    void givenAMonorepoWithPaths_whenEvaluatedAsText_thenEachProjectHasItsOwnSection(QuarkusMainLauncher launcher)
            throws Exception {
        monorepo();

        LaunchResult result = launcher.launch("evaluate", dir.toString());

        assertThat(result.exitCode()).isZero();
        String text = result.getOutput();
        assertThat(text.lines().filter(l -> l.startsWith("OpenSSF Best Practices: "))).hasSize(2);
        assertThat(text.lines().filter(l -> l.startsWith("Badge: "))).hasSize(2);
        assertThat(text.indexOf("/services/api\n")).isNotNegative()
                .isLessThan(text.indexOf("/services/web\n"));
        assertThat(result.getErrorOutput()).contains("`services/gone` is not a directory of the repository");
    }

    @Test
    void givenAMonorepoWithPaths_whenOnePathIsChosen_thenOnlyItsResultIsPrintedInEveryFormat(
            QuarkusMainLauncher launcher) throws Exception {
        monorepo();

        LaunchResult json = launcher.launch("evaluate", dir.toString(), "--format", "json", "--path", "./services/api/");
        LaunchResult fields = launcher.launch("evaluate", dir.toString(), "--format", "bestpractices-json",
                "--path", "services/web");

        assertThat(json.exitCode()).isZero();
        assertThat(JSON.readTree(json.getOutput()).path("name").asText()).endsWith("/services/api");
        assertThat(fields.exitCode()).isZero();
        assertThat(JSON.readTree(fields.getOutput()).path("vulnerability_report_process_status").asText())
                .as("no policy file, and a checkout cannot see the owner's defaults").isEqualTo("?");
        assertThat(JSON.readTree(fields.getOutput()).path("crypto_weaknesses_status").asText()).isEqualTo("N/A");
    }

    @Test
    void givenAMonorepoWithPaths_whenBestPracticesJsonIsAskedWithoutAPath_thenItIsAUsageErrorNamingThePaths(
            QuarkusMainLauncher launcher) throws Exception {
        monorepo();

        LaunchResult result = launcher.launch("evaluate", dir.toString(), "--format", "bestpractices-json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getOutput()).isEmpty();
        assertThat(result.getErrorOutput()).contains("configures several projects (services/api, services/web)")
                .contains("--path");
    }

    @Test
    void givenAPathThatIsNotAConfiguredProject_whenChosen_thenItIsAUsageErrorListingTheProjects(
            QuarkusMainLauncher launcher) throws Exception {
        monorepo();
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/index.md"), "# Docs\n");

        LaunchResult notListed = launcher.launch("evaluate", dir.toString(), "--path", "docs");
        LaunchResult withoutPaths = launcher.launch("evaluate", dir.resolve("services/api").toString(), "--path",
                "services/web");
        LaunchResult rootWithoutPaths = launcher.launch("evaluate", dir.resolve("services/api").toString(), "--path",
                ".");

        assertThat(notListed.exitCode()).isEqualTo(2);
        assertThat(notListed.getErrorOutput()).contains("--path docs is not a project")
                .contains("its projects: services/api, services/web")
                .contains("configuration: .github/openssf-best-practices.yml, line 1, `paths`: `services/gone`");
        assertThat(notListed.getOutput()).isEmpty();
        assertThat(withoutPaths.exitCode()).isEqualTo(2);
        assertThat(withoutPaths.getErrorOutput()).contains("its projects: .");
        assertThat(rootWithoutPaths.exitCode()).as("without paths the root is the one project").isZero();
    }

    /** services/api with its own security policy, services/web with its own configuration, a licence at the root. */
    private void monorepo() throws Exception {
        Files.createDirectories(dir.resolve(".github"));
        Files.createDirectories(dir.resolve("services/api"));
        Files.createDirectories(dir.resolve("services/web/.github"));
        Files.writeString(dir.resolve("LICENSE"), dev.bpkeeper.testing.LicenseTexts.MIT);
        Files.writeString(dir.resolve("README.md"), "# Monorepo\n");
        Files.writeString(dir.resolve(".github/openssf-best-practices.yml"),
                "paths: [services/api, services/web, services/gone]\n");
        Files.writeString(dir.resolve("services/api/README.md"), "# API\n");
        Files.writeString(dir.resolve("services/api/SECURITY.md"), "Report vulnerabilities privately to "
                + "security@acme.example; we answer within 14 days.\n");
        Files.writeString(dir.resolve("services/web/README.md"), "# Web\n");
        Files.writeString(dir.resolve("services/web/.github/openssf-best-practices.yml"), """
                criteria:
                  crypto_weaknesses:
                    status: N/A
                    justification: The web front end does no cryptography.
                """);
    }

    @Test
    void thisProjectsOwnCheckoutGetsASensibleReport(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("evaluate", ".", "--format", "json");

        assertThat(result.exitCode()).isZero();
        JsonNode report = JSON.readTree(result.getOutput());
        assertThat(criterion(report, "build").path("status").asText()).isEqualTo("Met");
        assertThat(criterion(report, "external_dependencies").path("status").asText()).isEqualTo("Met");
    }

    private static JsonNode criterion(JsonNode report, String id) {
        for (JsonNode c : report.path("criteria")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + id);
    }
}
