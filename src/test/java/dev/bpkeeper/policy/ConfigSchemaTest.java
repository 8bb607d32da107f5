package dev.bpkeeper.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bpkeeper.gather.ConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema (schema/openssf-best-practices.schema.json) and the parser agree: on the keys, on the
 * allowed values, and on which example files are valid; and every example in the README is valid for both.
 */
class ConfigSchemaTest {
    static final Path SCHEMA_FILE = Path.of("schema/openssf-best-practices.schema.json");
    static final YAMLMapper YAML = new YAMLMapper();

    static JsonNode schemaJson() throws Exception {
        return new ObjectMapper().readTree(Files.readString(SCHEMA_FILE));
    }

    static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson());
    }

    @Test
    void theSchemasKeysAndValuesAreTheParsers() throws Exception {
        JsonNode properties = schemaJson().path("properties");
        JsonNode criterion = properties.path("criteria").path("additionalProperties");
        JsonNode fixup = properties.path("fixup_pull_requests").path("oneOf").get(1);

        assertThat(names(properties)).containsExactlyElementsOf(ConfigKeys.TOP_LEVEL);
        assertThat(names(criterion.path("properties"))).containsExactlyElementsOf(ConfigKeys.CRITERION_KEYS);
        assertThat(names(fixup.path("properties"))).containsExactlyElementsOf(ConfigKeys.FIXUP_KEYS);
        assertThat(texts(properties.path("target_level").path("enum")))
                .containsExactlyElementsOf(ConfigKeys.targetLevels());
        assertThat(texts(properties.path("check_run").path("enum"))).containsExactlyElementsOf(ConfigKeys.checkRunModes());
        assertThat(texts(criterion.path("properties").path("status").path("enum")))
                .containsExactlyElementsOf(ConfigKeys.STATUSES);
        assertThat(texts(properties.path("locked").path("items").path("enum")))
                .containsExactlyElementsOf(ConfigKeys.LOCKABLE);
        assertThat(properties.path("paths").path("maxItems").asInt()).isEqualTo(ConfigKeys.MAX_PATHS);
        assertThat(properties.path("project_url").path("pattern").asText())
                .isEqualTo("^" + ConfigKeys.PROJECT_URL_PATTERN.pattern().replace("(?:", "(") + "$");
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("every key", true, """
                        target_level: silver
                        criteria:
                          crypto_weaknesses: {status: N/A, justification: No cryptography.}
                          OSPS-AC-01.01: {status: Met, justification: 2FA is enforced.}
                        check_run: gate
                        fixup_pull_requests: {enabled: true, files: [SECURITY.md]}
                        paths: [services/api, .]
                        project_url: https://www.bestpractices.dev/projects/1234
                        badge_id: 1234
                        locked: [check_run]
                        """),
                Arguments.of("fixup as a boolean", true, "fixup_pull_requests: false\n"),
                Arguments.of("a quiet repository", true, "check_run: 'off'\n"),
                Arguments.of("an unknown key", false, "checkrun: gate\n"),
                Arguments.of("an unknown level", false, "target_level: platinum\n"),
                Arguments.of("an unknown mode", false, "check_run: gating\n"),
                Arguments.of("no justification", false, "criteria:\n  build: {status: N/A}\n"),
                Arguments.of("an unknown status", false, "criteria:\n  build: {status: Done, justification: x}\n"),
                Arguments.of("an unknown answer key", false,
                        "criteria:\n  build: {status: N/A, justification: x, why: y}\n"),
                Arguments.of("an absolute path", false, "paths: [/api]\n"),
                Arguments.of("a path out of the repository", false, "paths: [api/../../x]\n"),
                Arguments.of("a project elsewhere", false, "project_url: https://example.org/projects/1\n"),
                Arguments.of("a badge id of zero", false, "badge_id: 0\n"),
                Arguments.of("locking the lock", false, "locked: [locked]\n"),
                Arguments.of("fixup files not a list", false, "fixup_pull_requests: {files: LICENSE}\n"));
    }

    @ParameterizedTest(name = "{0}: valid = {1}")
    @MethodSource("examples")
    void theSchemaAndTheParserAgreeOnWhatIsValid(String scenario, boolean valid, String yaml) throws Exception {
        Set<ValidationMessage> schemaErrors = schema().validate(YAML.readTree(yaml));
        List<ConfigProblem> parserProblems = ConfigParser.parse("f.yml", yaml).problems();

        assertThat(schemaErrors.isEmpty()).as("schema: %s", schemaErrors).isEqualTo(valid);
        assertThat(parserProblems.isEmpty()).as("parser: %s", parserProblems).isEqualTo(valid);
    }

    @Test
    void everyExampleInTheReadmeIsValidAndEveryKeyHasOne() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher blocks = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> examples = new ArrayList<>();
        while (blocks.find()) {
            examples.add(blocks.group(1));
        }

        assertThat(examples).isNotEmpty();
        for (String example : examples) {
            assertThat(schema().validate(YAML.readTree(example))).as(example).isEmpty();
            assertThat(ConfigParser.parse("README", example).problems()).as(example).isEmpty();
        }
        for (String key : ConfigKeys.TOP_LEVEL) {
            assertThat(examples).as("an example of " + key).anyMatch(e -> e.contains(key + ":"));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
