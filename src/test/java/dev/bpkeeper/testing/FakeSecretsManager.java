package dev.bpkeeper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AWS Secrets Manager's GetSecretValue on loopback, speaking its wire protocol (JSON 1.1, X-Amz-Target), and
 * refusing requests that are not SigV4-signed for the secretsmanager service. It records which secrets were asked
 * for, so that a test can count the calls.
 */
public final class FakeSecretsManager implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private FakeSecretsManager() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeSecretsManager start() {
        try {
            return new FakeSecretsManager();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeSecretsManager secret(String name, String value) {
        secrets.put(name, value);
        return this;
    }

    /** SecretIds asked for, oldest first. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")
                    || !authorization.contains("/secretsmanager/aws4_request")) {
                reply(exchange, 400, error("IncompleteSignature", "The request must be signed with SigV4."));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                reply(exchange, 400, error("UnknownOperationException", "Only GetSecretValue is faked: " + target));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String id = body.path("SecretId").asText();
            requested.add(id);
            String value = secrets.get(id);
            if (value == null) {
                reply(exchange, 400, error("ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret."));
                return;
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + id + "-AbCdEf");
            answer.put("Name", id);
            answer.put("VersionId", "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1");
            answer.put("SecretString", value);
            answer.putArray("VersionStages").add("AWSCURRENT");
            answer.put("CreatedDate", 1.523477145713E9);
            reply(exchange, 200, answer);
        }
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "f3e5a9b2-0000-0000-0000-000000000000");
        if (status != 200) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", body.path("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
