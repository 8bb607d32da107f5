package dev.bpkeeper.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Makes hub4j's GETs conditional: a cached ETag is sent as If-None-Match, and GitHub's 304 (which costs no rate
 * limit) is answered from the cache as the 200 it stands for. Bodies above {@link #MAX_CACHED_BYTES} are not kept.
 */
public final class ConditionalConnector implements GitHubConnector {
    /** DynamoDB items hold at most 400 KB; large trees change with every commit anyway. */
    static final int MAX_CACHED_BYTES = 300 * 1024;

    private final GitHubConnector delegate;
    private final EtagCache cache;
    private final String scope;
    private final RateLimitListener rateLimits;

    /** Told what GitHub says is left of the rate limit, after every response that says it. */
    @FunctionalInterface
    public interface RateLimitListener {
        void remaining(int remaining, java.time.Instant resetsAt);
    }

    /**
     * @param scope who is asking (an installation): answers depend on what the token may see
     */
    public ConditionalConnector(GitHubConnector delegate, EtagCache cache, String scope, RateLimitListener rateLimits) {
        this.delegate = delegate;
        this.cache = cache;
        this.scope = scope;
        this.rateLimits = rateLimits;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        GitHubConnectorResponse response = conditional(request);
        String remaining = response.header("x-ratelimit-remaining");
        String reset = response.header("x-ratelimit-reset");
        if (remaining != null && reset != null) {
            try {
                rateLimits.remaining(Integer.parseInt(remaining.strip()),
                        java.time.Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            } catch (NumberFormatException malformed) {
                // A header we cannot read tells us nothing; pacing goes on with what it knew.
            }
        }
        return response;
    }

    private GitHubConnectorResponse conditional(GitHubConnectorRequest request) throws IOException {
        if (!"GET".equals(request.method()) || request.header("If-None-Match") != null) {
            return delegate.send(request);
        }
        String key = scope + " " + request.url();
        Optional<EtagCache.Entry> cached = cache.get(key);
        GitHubConnectorResponse response = delegate.send(cached.isPresent()
                ? new WithHeader(request, "If-None-Match", cached.get().etag()) : request);
        if (response.statusCode() == 304 && cached.isPresent()) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(withoutNullKey(response.allHeaders()));
            response.close();
            headers.remove("Content-Encoding");
            headers.remove("Content-Length");
            headers.put("Content-Type", List.of(cached.get().contentType()));
            if (cached.get().link() != null) {
                headers.put("Link", List.of(cached.get().link()));
            }
            return new Answer(request, 200, headers, cached.get().body());
        }
        String etag = response.header("ETag");
        if (response.statusCode() != 200 || etag == null) {
            return response;
        }
        byte[] body;
        try (InputStream in = response.bodyStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(withoutNullKey(response.allHeaders()));
        response.close();
        headers.remove("Content-Encoding");
        headers.remove("Content-Length");
        if (body.length <= MAX_CACHED_BYTES) {
            cache.put(key, new EtagCache.Entry(etag, body, response.header("Content-Type") == null
                    ? "application/json" : response.header("Content-Type"), response.header("Link")));
        }
        return new Answer(request, 200, headers, body);
    }

    private static Map<String, List<String>> withoutNullKey(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** A complete answer whose body is already in memory. */
    private static final class Answer extends GitHubConnectorResponse {
        private final byte[] body;

        Answer(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body;
        }

        @Override
        public InputStream bodyStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
        }
    }

    /** The same request with one more header. */
    private record WithHeader(GitHubConnectorRequest request, String name, String value)
            implements GitHubConnectorRequest {
        @Override
        public String method() {
            return request.method();
        }

        @Override
        public Map<String, List<String>> allHeaders() {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(withoutNullKey(request.allHeaders()));
            headers.put(name, new ArrayList<>(List.of(value)));
            return headers;
        }

        @Override
        public String header(String header) {
            return name.equalsIgnoreCase(header) ? value : request.header(header);
        }

        @Override
        public String contentType() {
            return request.contentType();
        }

        @Override
        public InputStream body() {
            return request.body();
        }

        @Override
        public URL url() {
            return request.url();
        }

        @Override
        public boolean hasBody() {
            return request.hasBody();
        }
    }
}
