package dev.bpkeeper.testing;

import static io.restassured.RestAssured.given;

import dev.bpkeeper.intake.SignatureVerifier;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Sends webhook deliveries the way GitHub does: real payloads, real headers, signed with the test secret. */
public final class Deliveries {
    public static final String SECRET = "test-only-webhook-secret";

    private Deliveries() {
    }

    public static byte[] example(String file) {
        try (InputStream in = Deliveries.class.getResourceAsStream("/webhooks/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No webhook example " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response send(String event, byte[] body) {
        return send(event, body, UUID.randomUUID().toString());
    }

    public static Response send(String event, byte[] body, String deliveryId) {
        return send(given(), event, body, deliveryId);
    }

    /**
     * Sends a delivery and waits for its answer no longer than GitHub does (10 s, after which GitHub records the
     * delivery as failed, "timed out"); a slower answer fails the call with a socket timeout.
     */
    public static Response sendWaitingAsLongAsGitHub(String event, byte[] body, String deliveryId) {
        int githubTimeoutMs = 10_000;
        return send(given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", githubTimeoutMs)
                .setParam("http.connection.timeout", githubTimeoutMs))), event, body, deliveryId);
    }

    private static Response send(RequestSpecification request, String event, byte[] body, String deliveryId) {
        return request.header("X-GitHub-Event", event).header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", new SignatureVerifier(SECRET).sign(body))
                .header("User-Agent", "GitHub-Hookshot/test").contentType("application/json").body(body)
                .post("/webhook");
    }
}
