package dev.bpkeeper.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.report.AssessmentView;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.testing.DynamoDbLocalResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report page in a real browser: headless Chromium (Debian package "chromium"; the build installs it when
 * missing) loads the page from the running app, and the DOM it built says the level and shows the criteria rows. A screenshot is
 * kept as target/report-page.png for people to look at.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = dev.bpkeeper.testing.FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReportBrowserTest {
    private static final Pattern ROW = Pattern.compile(
            "<tr class=\"criterion\" data-level=\"([^\"]+)\" data-id=\"([^\"]+)\" data-status=\"([^\"]+)\">");

    @Inject
    EvaluationStore evaluations;

    @Inject
    Assessor assessor;

    @TestHTTPResource("/")
    URL root;

    @Test
    void givenAStoredResult_whenChromiumOpensTheReport_thenTheLevelAndTheCriteriaRowsAreOnThePage() throws Exception {
        AssessmentView project = StoredResults.smallProject(assessor);
        String repo = StoredResults.unique("acme/browser");
        evaluations.save(StoredResults.stored(repo, 1L, false, project));
        String url = root.toString().replaceAll("/$", "") + "/report/" + repo;

        String dom = chromium("--dump-dom", url);
        Path screenshot = Path.of("target", "report-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, "--window-size=1280,2000", url);

        assertThat(text(dom, "<strong id=\"level\">([^<]*)</strong>")).isEqualTo(project.badge().label());
        assertThat(text(dom, "<h1 id=\"repository\">([^<]*)</h1>")).isEqualTo(repo);
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        assertThat(rows).contains("passing license_location Met", "passing floss_license Met",
                "baseline-1 OSPS-LE-03.01 Met");
        assertThat(rows).as("every criterion at each of its levels")
                .hasSize((int) project.criteria().stream().mapToLong(c -> c.levels().size()).sum());
        assertThat(Files.size(screenshot)).as("a screenshot of the page").isGreaterThan(10_000);
    }

    private static String text(String dom, String regex) {
        Matcher m = Pattern.compile(regex).matcher(dom);
        assertThat(m.find()).as("the page has " + regex).isTrue();
        return m.group(1);
    }

    /** Runs headless Chromium once; fails (never skips) when it is missing, as CI installs it. */
    private static String chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("bpkeeper-chromium");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("Chromium is needed for this test (Debian package \"chromium\"; the build"
                    + " installs it with src/tools/ensure-chromium.sh): " + e.getMessage(), e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as("chromium's exit code").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
