package dev.bpkeeper.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bpkeeper.criteria.Automation;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.criteria.Category;
import dev.bpkeeper.criteria.Criterion;
import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.criteria.Remediation;
import dev.bpkeeper.criteria.Requirement;
import dev.bpkeeper.criteria.Series;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the criteria catalogue (criteria/catalogue.yml and one file per criterion) from the classpath, where
 * the build puts the repository's criteria/ folder. Any malformed file fails loudly with its name and key.
 */
public final class CatalogueLoader {
    private static final String ROOT = "criteria/";
    private static final YAMLMapper YAML = new YAMLMapper();

    private CatalogueLoader() {
    }

    public static Catalogue fromClasspath() {
        JsonNode index = read(ROOT + "catalogue.yml");
        Map<Level, List<String>> order = new EnumMap<>(Level.class);
        Map<String, Criterion> byId = new LinkedHashMap<>();
        JsonNode levels = require(index, "levels", "catalogue.yml");
        for (Iterator<Map.Entry<String, JsonNode>> it = levels.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Level level = Level.fromKey(entry.getKey()).orElseThrow(() -> new CatalogueException(
                    "catalogue.yml: unknown level '" + entry.getKey() + "'"));
            List<String> ids = new ArrayList<>();
            for (JsonNode id : entry.getValue()) {
                ids.add(id.asText());
                byId.computeIfAbsent(id.asText(), i -> readCriterion(level.series(), i));
            }
            order.put(level, ids);
        }
        return new Catalogue(byId, order);
    }

    static Criterion readCriterion(Series series, String id) {
        String file = series.name().toLowerCase(Locale.ROOT) + "/" + id + ".yml";
        JsonNode node = read(ROOT + file);
        String declaredId = text(node, "id", file);
        if (!declaredId.equals(id)) {
            throw new CatalogueException(file + ": id is '" + declaredId + "', expected '" + id + "'");
        }
        List<Requirement> requirements = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = require(node, "levels", file).properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Level level = Level.fromKey(entry.getKey()).orElseThrow(() -> new CatalogueException(
                    file + ": unknown level '" + entry.getKey() + "'"));
            JsonNode flags = entry.getValue();
            requirements.add(new Requirement(level, enumValue(Category.class, text(flags, "category", file), file),
                    flag(flags, "na_allowed"), flag(flags, "na_justification_required"),
                    flag(flags, "met_url_required"), flag(flags, "met_justification_required")));
        }
        JsonNode remediation = require(node, "remediation", file);
        return new Criterion(id,
                enumValue(Series.class, text(node, "series", file), file),
                optionalText(node, "osps_id"),
                text(node, "section", file),
                text(node, "description", file),
                text(node, "url", file),
                requirements,
                enumValue(Automation.class, text(node, "automation", file), file),
                optionalText(node, "evaluator"),
                new Remediation(text(remediation, "text", file), optionalText(remediation, "template"),
                        optionalText(remediation, "path")));
    }

    private static JsonNode read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : CatalogueLoader.class.getClassLoader())
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogueException("Missing catalogue file " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode require(JsonNode node, String key, String file) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new CatalogueException(file + ": missing key '" + key + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String file) {
        return require(node, key, file).asText();
    }

    private static Optional<String> optionalText(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static boolean flag(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.asBoolean(false);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String file) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(file + ": '" + value + "' is not a valid " + type.getSimpleName());
        }
    }

    /** The catalogue shipped with the app is broken; a test keeps this from reaching users. */
    public static final class CatalogueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CatalogueException(String message) {
            super(message);
        }
    }
}
