package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GitHub's own OpenAPI subset (see NOTICE.md next to it). It is both the contract the fake is checked against and the
 * source of response templates: building bodies from GitHub-authored examples keeps every required field we do not
 * model ourselves.
 */
final class SpecDocument {
    static final String RESOURCE = "/github-openapi/api.github.com.subset.json";
    private static final SpecDocument INSTANCE = load();

    private final String text;
    private final JsonNode tree;

    private SpecDocument(String text) {
        this.text = text;
        this.tree = Json.parse(text);
    }

    static SpecDocument get() {
        return INSTANCE;
    }

    String text() {
        return text;
    }

    /** A fresh copy of {@code components.examples[name].value}, safe to modify. */
    JsonNode example(String name) {
        JsonNode value = tree.path("components").path("examples").path(name).path("value");
        if (value.isMissingNode()) {
            throw new IllegalArgumentException("no example named " + name + " in " + RESOURCE);
        }
        return value.deepCopy();
    }

    /** The first element of an array example, for list endpoints whose items we build one by one. */
    ObjectNode firstItem(String name) {
        return (ObjectNode) example(name).get(0);
    }

    ObjectNode object(String name) {
        return (ObjectNode) example(name);
    }

    private static SpecDocument load() {
        try (InputStream in = SpecDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return new SpecDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
