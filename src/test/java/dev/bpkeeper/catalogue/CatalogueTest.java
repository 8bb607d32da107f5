package dev.bpkeeper.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.criteria.Series;
import dev.bpkeeper.evaluate.Assessor;
import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.evaluators.Evaluators;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue shipped in criteria/ against upstream's own criteria files (copied into test resources with
 * their notice): same ids at the same levels, same flags; every evaluator and template it names exists.
 */
class CatalogueTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Catalogue catalogue;
    /** level → id → upstream flags. */
    private static Map<Level, Map<String, JsonNode>> upstream;

    @BeforeAll
    static void load() throws IOException {
        catalogue = CatalogueLoader.fromClasspath();
        upstream = new LinkedHashMap<>();
        JsonNode metal = read("upstream/bestpractices-badge/criteria.yml");
        String[] metalKeys = {"0", "1", "2"};
        Level[] metalLevels = {Level.PASSING, Level.SILVER, Level.GOLD};
        for (int i = 0; i < 3; i++) {
            Map<String, JsonNode> ids = new LinkedHashMap<>();
            collectMetal(omapGet(metal, metalKeys[i]), ids);
            upstream.put(metalLevels[i], ids);
        }
        JsonNode baseline = read("upstream/bestpractices-badge/baseline_criteria.yml");
        for (Level level : Level.of(Series.BASELINE)) {
            Map<String, JsonNode> ids = new LinkedHashMap<>();
            baseline.path(level.key()).path("General").path("Controls").properties()
                    .forEach(e -> ids.put(e.getKey(), e.getValue()));
            upstream.put(level, ids);
        }
    }

    @Test
    void everyLevelListsExactlyUpstreamsIdsInUpstreamsOrder() {
        for (Level level : Level.values()) {
            List<String> ours = catalogue.at(level).stream().map(Criterion::id).toList();
            assertThat(ours).as(level.key()).containsExactlyElementsOf(upstream.get(level).keySet());
        }
        assertThat(catalogue.at(Level.PASSING)).hasSize(67);
        assertThat(catalogue.at(Level.SILVER)).hasSize(55);
        assertThat(catalogue.at(Level.GOLD)).hasSize(23);
        assertThat(catalogue.at(Level.BASELINE_1)).hasSize(24);
        assertThat(catalogue.at(Level.BASELINE_2)).hasSize(19);
        assertThat(catalogue.at(Level.BASELINE_3)).hasSize(21);
        assertThat(catalogue.all()).hasSize(129 + 64);
    }

    @Test
    void everyRequirementHasUpstreamsCategoryAndFlags() {
        List<String> mismatches = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            for (Requirement r : criterion.requirements()) {
                JsonNode flags = upstream.get(r.level()).get(criterion.id());
                if (flags == null) {
                    mismatches.add(criterion.id() + " is not at " + r.level().key() + " upstream");
                    continue;
                }
                compare(mismatches, criterion.id(), r.level(), "category", flags.path("category").asText(),
                        r.category().name());
                compare(mismatches, criterion.id(), r.level(), "na_allowed", flag(flags, "na_allowed"), r.naAllowed());
                compare(mismatches, criterion.id(), r.level(), "na_justification_required",
                        flag(flags, "na_justification_required"), r.naJustificationRequired());
                compare(mismatches, criterion.id(), r.level(), "met_url_required", flag(flags, "met_url_required"),
                        r.metUrlRequired());
                compare(mismatches, criterion.id(), r.level(), "met_justification_required",
                        flag(flags, "met_justification_required"), r.metJustificationRequired());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyFileInTheCatalogueFolderIsListedAndNamedAfterItsId() throws IOException {
        Set<String> files = new TreeSet<>();
        for (String series : List.of("metal", "baseline")) {
            try (Stream<Path> list = Files.list(Path.of("criteria", series))) {
                list.forEach(p -> files.add(p.getFileName().toString().replaceFirst("\\.yml$", "")));
            }
        }
        Set<String> listed = catalogue.all().stream().map(Criterion::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(files).isEqualTo(listed);
    }

    @Test
    void everyNamedEvaluatorExistsAndEveryEvaluatorIsUsed() {
        Set<String> available = Evaluators.ALL.stream().map(Evaluator::name).collect(Collectors.toSet());
        Set<String> named = catalogue.all().stream().flatMap(c -> c.evaluator().stream()).collect(Collectors.toSet());
        assertThat(available).containsAll(named);
        assertThat(named).as("evaluators no criterion uses").containsAll(available);
        // The assessor refuses a catalogue naming a missing evaluator; building one proves the wiring.
        assertThat(new Assessor(catalogue, Evaluators.ALL).catalogue()).isSameAs(catalogue);
    }

    @Test
    void automationAgreesWithTheEvaluator() {
        for (Criterion criterion : catalogue.all()) {
            boolean answeredByCode = criterion.automation() == Automation.DECISIVE
                    || criterion.automation() == Automation.PROPOSAL;
            assertThat(criterion.evaluator().isPresent()).as(criterion.id()).isEqualTo(answeredByCode);
        }
        assertThat(catalogue.all().stream().filter(c -> c.automation() == Automation.COMPUTED).map(Criterion::id))
                .containsExactlyInAnyOrder("achieve_passing", "achieve_silver");
    }

    @Test
    void everyTemplateExistsAndEveryCriterionLinksToItsOfficialText() {
        for (Criterion criterion : catalogue.all()) {
            criterion.remediation().template().ifPresent(t ->
                    assertThat(Path.of("criteria", "templates", t)).as(criterion.id()).isRegularFile());
            assertThat(criterion.remediation().template().isPresent())
                    .as(criterion.id() + ": a template needs a path").isEqualTo(criterion.remediation().path().isPresent());
            assertThat(criterion.url()).as(criterion.id()).startsWith("https://www.bestpractices.dev/en/criteria/")
                    .endsWith(criterion.id());
            assertThat(criterion.description()).as(criterion.id()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(criterion.remediation().text()).as(criterion.id()).isNotBlank();
        }
    }

    @Test
    void baselineControlsCarryTheirOspsIds() {
        for (Criterion criterion : catalogue.all()) {
            if (criterion.series() == Series.BASELINE) {
                JsonNode flags = upstream.values().stream().map(m -> m.get(criterion.id()))
                        .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
                assertThat(criterion.ospsId()).as(criterion.id()).contains(flags.path("original_id").asText());
            } else {
                assertThat(criterion.ospsId()).as(criterion.id()).isEmpty();
            }
        }
    }

    private static void compare(List<String> mismatches, String id, Level level, String key, Object expected,
                                Object actual) {
        if (!expected.equals(actual)) {
            mismatches.add(id + " at " + level.key() + ": " + key + " is " + actual + ", upstream " + expected);
        }
    }

    private static boolean flag(JsonNode flags, String key) {
        return flags.path(key).asBoolean(false);
    }

    /** Upstream uses YAML !!omap: a list of one-key maps, nested level → group → group → id. */
    private static JsonNode omapGet(JsonNode omap, String key) {
        for (JsonNode entry : omap) {
            if (entry.has(key)) {
                return entry.get(key);
            }
        }
        throw new AssertionError("upstream criteria.yml has no key " + key);
    }

    private static void collectMetal(JsonNode majorGroups, Map<String, JsonNode> ids) {
        for (JsonNode major : majorGroups) {
            major.properties().forEach(m -> {
                for (JsonNode minor : m.getValue()) {
                    minor.properties().forEach(n -> {
                        for (JsonNode criterion : n.getValue()) {
                            criterion.properties().forEach(c -> ids.put(c.getKey(), c.getValue()));
                        }
                    });
                }
            });
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = CatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return YAML.readTree(in);
        }
    }
}
