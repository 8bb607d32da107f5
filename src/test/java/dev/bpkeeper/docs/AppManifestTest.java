package dev.bpkeeper.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bpkeeper.github.AppPermissions;
import dev.bpkeeper.intake.EventRouter;
import dev.bpkeeper.intake.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * app-manifest.yml asks for exactly what the code uses (AppPermissions) and subscribes to exactly the events the
 * router handles; the README's permission table says the same, with a reason for each.
 */
class AppManifestTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode MANIFEST = read(Path.of("app-manifest.yml"));

    @Test
    void givenTheManifest_whenItsPermissionsAreRead_thenTheyAreExactlyTheOnesTheCodeDeclares() {
        Map<String, String> requested = new LinkedHashMap<>();
        MANIFEST.path("default_permissions").properties().forEach(f -> requested.put(f.getKey(),
                f.getValue().asText()));

        assertThat(requested).containsExactlyInAnyOrderEntriesOf(AppPermissions.REQUESTED);
    }

    @Test
    void givenTheManifest_whenItsEventsAreRead_thenTheyAreExactlyTheOnesTheRouterSubscribesTo() {
        List<String> events = new ArrayList<>();
        MANIFEST.path("default_events").forEach(e -> events.add(e.asText()));

        assertThat(events).containsExactlyInAnyOrderElementsOf(EventRouter.SUBSCRIBED_EVENTS);
    }

    @Test
    void givenEverySubscribedEvent_whenGitHubsOwnExamplesAreRouted_thenAtLeastOneBecomesWork() throws IOException {
        for (String event : EventRouter.SUBSCRIBED_EVENTS) {
            List<Route> routes = new ArrayList<>();
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/webhooks", event))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    JsonNode payload = new ObjectMapper().readTree(file.toFile());
                    ((com.fasterxml.jackson.databind.node.ObjectNode) payload).putObject("installation").put("id", 7);
                    routes.add(EventRouter.route(event, payload, "delivery"));
                }
            }
            assertThat(routes).as("examples of %s", event).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.ignored() ? r.ignoredBecause() : "")
                            .doesNotContain("is not used"))
                    .anySatisfy(r -> assertThat(r.ignored()).isFalse());
        }
    }

    @Test
    void givenAnEventOutsideTheSubscription_whenRouted_thenItIsIgnoredAsNotUsed() throws IOException {
        JsonNode payload = new ObjectMapper().readTree("{\"action\": \"opened\", \"installation\": {\"id\": 7}}");

        assertThat(EventRouter.route("issues", payload, "delivery").ignoredBecause()).contains("is not used");
        assertThat(EventRouter.SUBSCRIBED_EVENTS).doesNotContain("issues");
    }

    @Test
    void givenTheReadme_whenItsPermissionTableIsRead_thenItListsEveryRequestedPermissionWithAReason()
            throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Permissions the App asks for");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 3));
        Map<String, String> listed = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| ([A-Za-z ]+): (read|write) \\| (.+) \\|$").matcher(section);
        while (row.find()) {
            assertThat(row.group(3).strip()).as("reason for %s", row.group(1)).hasSizeGreaterThan(20);
            listed.put(row.group(1).strip().toLowerCase(Locale.ROOT).replace(' ', '_'), row.group(2));
        }

        assertThat(listed).containsExactlyInAnyOrderEntriesOf(AppPermissions.REQUESTED);
        EventRouter.SUBSCRIBED_EVENTS.forEach(e -> assertThat(section).contains("`" + e + "`"));
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
