package dev.bpkeeper.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.catalogue.CatalogueLoader;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's criteria table is generated from the catalogue; this test keeps it true. */
class ReadmeCriteriaTableTest {
    private static final String BEGIN = "<!-- criteria-table:begin -->\n";
    private static final String END = "<!-- criteria-table:end -->";

    @Test
    void theReadmeListsEveryCriterionAsTheCatalogueDecidesIt() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README has the table markers").isPositive();
        String expected = table(CatalogueLoader.fromClasspath());
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + expected + text.substring(end));
            return;
        }
        assertThat(text.substring(begin + BEGIN.length(), end))
                .as("README criteria table; regenerate with -Dreadme.update=true").isEqualTo(expected);
    }

    static String table(Catalogue catalogue) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        catalogue.all().forEach(c -> counts.merge(c.automation().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        StringBuilder md = new StringBuilder("Automation over all ").append(catalogue.all().size())
                .append(" criteria: ").append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))).append(".\n");
        Map<Level, Integer> decided = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            md.append("\n### ").append(level.key()).append(" (").append(catalogue.at(level).size())
                    .append(" criteria)\n\n| criterion | category | automation | evaluator | what it asks |\n|---|---|---|---|---|\n");
            for (Criterion c : catalogue.at(level)) {
                Requirement r = c.at(level).orElseThrow();
                md.append("| [").append(c.displayId()).append("](").append(c.url()).append(") | ")
                        .append(r.category()).append(" | ").append(c.automation().name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(c.evaluator().map(e -> "`" + e + "`").orElse("—")).append(" | ")
                        .append(c.description().replace("|", "\\|")).append(" |\n");
                decided.merge(level, 1, Integer::sum);
            }
        }
        return md.toString();
    }
}
