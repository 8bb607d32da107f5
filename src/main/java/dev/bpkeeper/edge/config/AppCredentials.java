package dev.bpkeeper.edge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bpkeeper.text.Untrusted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The App's identity and secrets, as one JSON document: what /setup writes to ~/.bpkeeper/github-app.json and what
 * the Secrets Manager secret of a deployment holds. Keys are the configuration keys they become, so the document
 * can be read without a translation table. {@link #toString()} never shows a secret.
 */
public record AppCredentials(long appId, String privateKey, String webhookSecret) {
    static final String APP_ID = "github.app-id";
    static final String PRIVATE_KEY = "github.private-key";
    static final String WEBHOOK_SECRET = "github.webhook-secret";
    static final List<String> KEYS = List.of(APP_ID, PRIVATE_KEY, WEBHOOK_SECRET);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(AppCredentials.class);

    /**
     * Reads the document; {@code where} names its origin in errors, which never quote the content.
     *
     * A key of no use here (a note, a key a later version writes) is ignored with a warning: it must not stop a
     * server whose environment configures the App anyway.
     *
     * @throws IllegalArgumentException when it is not a JSON object with those keys as non-empty text
     */
    public static AppCredentials parse(String document, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object with " + String.join(", ", KEYS));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!KEYS.contains(name)) {
                LOG.warnf("%s has the unknown key '%s', ignored; its keys are %s", where, Untrusted.forLog(name),
                        String.join(", ", KEYS));
            }
        });
        for (String key : KEYS) {
            if (!root.path(key).isValueNode() || root.path(key).asText().isBlank()) {
                throw new IllegalArgumentException(where + " lacks '" + key + "'");
            }
        }
        long appId;
        try {
            appId = Long.parseLong(root.path(APP_ID).asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + APP_ID + "' is not a number");
        }
        return new AppCredentials(appId, root.path(PRIVATE_KEY).asText(), root.path(WEBHOOK_SECRET).asText());
    }

    /** The configuration these credentials provide. */
    public Map<String, String> asConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(APP_ID, Long.toString(appId));
        config.put(PRIVATE_KEY, privateKey);
        config.put(WEBHOOK_SECRET, webhookSecret);
        return config;
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        asConfig().forEach(node::put);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AppCredentials[appId=" + appId + ", privateKey=(hidden), webhookSecret=(hidden)]";
    }
}
