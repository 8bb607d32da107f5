package dev.bpkeeper.edge.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * app-manifest.yml (shipped in the artifact) as the JSON GitHub's manifest flow takes, with this deployment's
 * webhook and redirect URLs filled in. The file stays the single statement of permissions and events.
 */
public final class ManifestDocument {
    static final String RESOURCE = "/app-manifest.yml";

    private ManifestDocument() {
    }

    /** @param baseUrl where GitHub and people reach this app, without a trailing slash */
    public static String forBaseUrl(String baseUrl) {
        ObjectNode manifest = (ObjectNode) template().deepCopy();
        ((ObjectNode) manifest.path("hook_attributes")).put("url", baseUrl + "/webhook");
        manifest.put("redirect_url", baseUrl + "/setup/callback");
        return manifest.toString();
    }

    static JsonNode template() {
        try (InputStream in = ManifestDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the artifact");
            }
            JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(in);
            if (!manifest.path("hook_attributes").isObject()) {
                throw new IllegalStateException(RESOURCE + " has no hook_attributes");
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
