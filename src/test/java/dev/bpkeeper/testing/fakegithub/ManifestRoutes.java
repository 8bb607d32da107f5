package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GitHub's App manifest flow: a person posts a manifest on github.com and confirms (a test does that with
 * {@link #accept}), GitHub redirects with a one-time code, and the code is exchanged once, unauthenticated, for the
 * new App's id, private key (PKCS#1 PEM) and webhook secret.
 */
public final class ManifestRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(900_000);
    private final Map<String, Created> pending = new ConcurrentHashMap<>();
    private final List<Created> created = new CopyOnWriteArrayList<>();

    /** An App made from a manifest, with what only the test (and the exchange) may see. */
    public record Created(long id, String slug, JsonNode manifest, PublicKey publicKey, String pem, String webhookSecret) {
    }

    void register(List<Route> routes) {
        routes.add(Route.of("POST", "/app-manifests/{code}/conversions", Route.Access.ANY, this::convert));
    }

    /** The person confirmed the manifest on github.com: a new App exists, and this is the code of the redirect. */
    String accept(String manifest) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(manifest);
        } catch (IOException e) {
            throw new IllegalArgumentException("GitHub would refuse this manifest: it is not JSON", e);
        }
        KeyPair keys = TestKeys.rsaKeyPair();
        long id = ids.incrementAndGet();
        String slug = parsed.path("name").asText("app").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        Created app = new Created(id, slug, parsed, keys.getPublic(), TestKeys.pkcs1Pem(keys), hex(20));
        String code = hex(20);
        pending.put(code, app);
        created.add(app);
        return code;
    }

    List<Created> created() {
        return List.copyOf(created);
    }

    private Reply convert(Call call) {
        Created app = pending.remove(call.param("code"));
        if (app == null) {
            // Codes are single-use and expire after an hour.
            throw ApiError.notFound();
        }
        Map<String, String> permissions = new LinkedHashMap<>();
        app.manifest().path("default_permissions").properties()
                .forEach(f -> permissions.put(f.getKey(), f.getValue().asText()));
        ObjectNode json = Shapes.app(new AppRegistry.App(app.id(), app.publicKey(), app.slug(),
                "Iv23li" + Long.toHexString(app.id())), "test-app-owner", permissions, call.baseUrl);
        json.put("name", app.manifest().path("name").asText());
        ArrayNode events = json.putArray("events");
        app.manifest().path("default_events").forEach(events::add);
        json.put("client_secret", hex(20)).put("webhook_secret", app.webhookSecret()).put("pem", app.pem());
        return Reply.created(json);
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
