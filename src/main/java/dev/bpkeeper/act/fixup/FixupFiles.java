package dev.bpkeeper.act.fixup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Renders the files of a fix-up pull request from criteria/templates/, and knows what the pull request should
 * say about each (criteria/templates/files.yml).
 */
@Singleton
public class FixupFiles {
    private static final String ROOT = "criteria/templates/";

    @Inject
    Engine engine;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final JsonNode notes = readNotes();

    /** What the pull request body says about one file. */
    public record Note(String why, String review) {
    }

    /**
     * @param bestPracticesJson the app's current answers, written as .bestpractices.json when that file is proposed
     * @return path → content, in the order of {@code files}
     */
    public Map<String, String> render(List<ProposedFile> files, TemplateFacts facts,
                                      Map<String, String> bestPracticesJson) {
        Map<String, String> contents = new LinkedHashMap<>();
        for (ProposedFile file : files) {
            contents.put(file.path(), file.template().equals(FixupPlanner.BEST_PRACTICES_JSON)
                    ? pretty(bestPracticesJson)
                    : template(file.template()).data(facts.data(inertFor(file.template()))).render());
        }
        return contents;
    }

    public Note note(String template) {
        JsonNode note = notes.path(template);
        if (note.isMissingNode()) {
            throw new IllegalStateException("criteria/templates/files.yml has no entry for " + template);
        }
        return new Note(note.path("why").asText(), note.path("review").asText());
    }

    private static UnaryOperator<String> inertFor(String template) {
        return template.endsWith(".yml") || template.endsWith(".yaml") ? Inert::yamlQuoted : Inert::markdown;
    }

    private Template template(String name) {
        return templates.computeIfAbsent(name, n -> engine.parse(read(ROOT + n)));
    }

    private String pretty(Map<String, String> fields) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(fields) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write .bestpractices.json", e);
        }
    }

    private static JsonNode readNotes() {
        try {
            return new YAMLMapper().readTree(read(ROOT + "files.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException("criteria/templates/files.yml is not valid YAML", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = FixupFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
