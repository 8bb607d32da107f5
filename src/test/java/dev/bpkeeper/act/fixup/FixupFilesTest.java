package dev.bpkeeper.act.fixup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bpkeeper.evaluate.evaluators.Repo;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import io.quarkus.qute.Engine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The files as a maintainer will read them, rendered from criteria/templates/ with a real Qute engine. */
class FixupFilesTest {
    private static final String HOSTILE = "<img src=x onerror=alert(1)>[click](https://evil.example) **@admins** | x";

    private final FixupFiles files = new FixupFiles();

    {
        files.engine = Engine.builder().addDefaults().build();
    }

    @Test
    void securityPolicyLinksToPrivateReportingWhenItIsOn() {
        String security = render("SECURITY.md", Repo.onGitHub().withFile("README.md").privateVulnerabilityReporting(true)
                .tags(Repo.annotatedTag("v2.3.1", false), Repo.annotatedTag("v1.9.0", false)).snapshot());

        assertThat(security).startsWith("# Security policy for widget\n")
                .contains("https://github.com/acme/widget/security/advisories/new")
                .doesNotContain("TODO(maintainers): add a private security contact")
                .contains("| 2.x | Yes |").doesNotContain("{");
    }

    @Test
    void securityPolicyAsksForAContactWhenPrivateReportingIsOff() {
        String security = render("SECURITY.md", Repo.onGitHub().withFile("README.md").snapshot());

        assertThat(security).contains("TODO(maintainers): add a private security contact (e-mail or form)")
                .contains("TODO(maintainers): list the versions that receive security fixes")
                .doesNotContain("advisories/new");
    }

    @Test
    void contributingGuideGivesTheDetectedBuildAndTestCommands() {
        String guide = render("CONTRIBUTING.md", Repo.onGitHub().withFiles("pom.xml", "mvnw").snapshot());

        assertThat(guide).contains("This project is built with Maven.").contains("./mvnw -B package")
                .contains("./mvnw -B test").contains("New functionality must come with automated tests");
    }

    @Test
    void dependabotConfigurationIsValidYamlWithOneEntryPerEcosystem() throws Exception {
        String yaml = render("dependabot.yml", Repo.onGitHub().withFiles("pom.xml", "web/package.json")
                .withWorkflow(".github/workflows/ci.yml", Set.of("push"), "run: make").snapshot());

        var tree = new YAMLMapper().readTree(yaml);
        assertThat(tree.path("version").asInt()).isEqualTo(2);
        assertThat(tree.path("updates").findValuesAsText("package-ecosystem"))
                .containsExactly("maven", "npm", "github-actions");
        assertThat(tree.path("updates").findValuesAsText("directory")).containsExactly("/", "/web", "/");
    }

    @Test
    void hostileTagNamesStayInertInMarkdown() {
        String security = render("SECURITY.md", Repo.onGitHub().withFile("README.md")
                .tags(Repo.annotatedTag("v1.0.0", false)).snapshot());
        assertThat(security).contains("| 1.x | Yes |");

        String inert = Inert.markdown(HOSTILE);
        assertThat(inert).doesNotContain("<").doesNotContain(">").doesNotContain("](").doesNotContain("**")
                .doesNotContain(" | x").contains("&lt;img").contains("\\@admins");
    }

    @Test
    void hostileRepositoryNamesAreEscapedAndNeverBecomeLinks() {
        TemplateFacts facts = new TemplateFacts("acme/" + HOSTILE, false, List.of("<b>9.x</b>"), "", "", "",
                List.of(new TemplateFacts.DependabotEcosystem("npm\"\nevil: true", "/\"x")));

        String security = files.render(List.of(file("SECURITY.md")), facts, Map.of()).get("SECURITY.md");
        String contributing = files.render(List.of(file("CONTRIBUTING.md")), facts, Map.of()).get("CONTRIBUTING.md");

        assertThat(facts.hasGitHubName()).isFalse();
        assertThat(security + contributing).doesNotContain("<img").doesNotContain("<b>").doesNotContain("](https://evil")
                .doesNotContain("https://github.com/acme/");
    }

    @Test
    void hostileValuesCannotAddYamlKeys() throws Exception {
        TemplateFacts facts = new TemplateFacts("acme/widget", false, List.of(), "", "", "",
                List.of(new TemplateFacts.DependabotEcosystem("npm\"\nevil: true", "/\"x")));

        String yaml = files.render(List.of(new ProposedFile(".github/dependabot.yml", "dependabot.yml", Set.of())),
                facts, Map.of()).get(".github/dependabot.yml");

        var tree = new YAMLMapper().readTree(yaml);
        assertThat(tree.has("evil")).isFalse();
        assertThat(tree.path("updates").get(0).path("package-ecosystem").asText()).isEqualTo("npm\" evil: true");
    }

    @Test
    void theAnswersFileIsTheAppsCurrentProposalsAsJson() {
        String json = files.render(List.of(new ProposedFile(".bestpractices.json", ".bestpractices.json", Set.of())),
                TemplateFacts.of(Repo.onGitHub().snapshot()), Map.of("contribution_status", "Met"))
                .get(".bestpractices.json");

        assertThat(json).isEqualTo("{\n  \"contribution_status\" : \"Met\"\n}\n");
    }

    @Test
    void supportedVersionsFollowTheNewestReleaseLine() {
        assertThat(TemplateFacts.supportedVersions(List.of())).isEmpty();
        assertThat(TemplateFacts.supportedVersions(List.of(Repo.annotatedTag("nightly", false)))).isEmpty();
        assertThat(TemplateFacts.supportedVersions(List.of(Repo.annotatedTag("0.4.2", false),
                Repo.annotatedTag("0.10.0", false)))).containsExactly("0.10.x");
        assertThat(TemplateFacts.supportedVersions(List.of(Repo.annotatedTag("v3.0.0-rc1", false),
                Repo.annotatedTag("v2.11", false)))).containsExactly("2.x");
    }

    @Test
    void everyTemplateHasWhatThePullRequestSaysAboutIt() {
        for (String template : List.of("SECURITY.md", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "dependabot.yml",
                ".bestpractices.json")) {
            assertThat(files.note(template).why()).as(template).isNotBlank();
            assertThat(files.note(template).review()).as(template).isNotBlank();
        }
    }

    private String render(String template, RepositorySnapshot snapshot) {
        return files.render(List.of(file(template)), TemplateFacts.of(snapshot), Map.of()).get(template);
    }

    private static ProposedFile file(String template) {
        return new ProposedFile(template, template, Set.of());
    }
}
