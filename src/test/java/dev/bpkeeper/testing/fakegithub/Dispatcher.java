package dev.bpkeeper.testing.fakegithub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The request pipeline: faults, authentication, routing, contract checks on the way in and out, conditional
 * requests, rate-limit headers, the request log.
 */
final class Dispatcher implements HttpHandler {
    private record Tamper(String method, Pattern path, UnaryOperator<String> change) {
    }

    /** A reply after checking: status and serialised body (null for none). */
    private record Answered(int status, String body) {
    }

    private final GitHubState state;
    private final List<Route> routes;
    private final ContractChecker checker;
    private final RequestLog log;
    private final Faults faults;
    private final List<Tamper> tampers = new ArrayList<>();
    private volatile String baseUrl;

    Dispatcher(GitHubState state, List<Route> routes, ContractChecker checker, RequestLog log, Faults faults) {
        this.state = state;
        this.routes = List.copyOf(routes);
        this.checker = checker;
        this.log = log;
        this.faults = faults;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    synchronized void tamperWithNext(String method, String pathRegex, UnaryOperator<String> change) {
        tampers.add(new Tamper(method, Pattern.compile(pathRegex), change));
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException e) {
            // the client went away (timed out during a delay fault, say): nobody is left to answer
        } catch (Throwable t) {
            checker.record("the fake failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + t);
            try {
                send(exchange, 500, Map.of(), Json.write(Reply.error(500, "Server Error").body()));
            } catch (IOException | RuntimeException ignored) {
                // the exchange may already be half-sent; closing it below is all that is left
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Call call = new Call(exchange.getRequestMethod().toUpperCase(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes(), baseUrl);
        call.caller = state.apps.identify(call.header("authorization"));

        Optional<Faults.Fault> fault = faults.take(call.method, call.path);
        String faultLabel = fault.map(Faults.Fault::describe).orElse(null);
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case RESET -> {
                    record(call, -1, false, faultLabel);
                    // Closing before sending headers makes HttpServer drop the connection.
                    exchange.close();
                    return;
                }
                case RESPOND -> {
                    answerWithFault(exchange, call, fault.get());
                    return;
                }
                case DELAY -> Thread.sleep(fault.get().delay().toMillis());
                case LOSE_ANSWER -> {
                    Answered lost = answer(call, new LinkedHashMap<>());
                    record(call, lost.status(), false, faultLabel);
                    exchange.close();
                    return;
                }
                case ANSWER_LATE -> {
                    // answered below, after the pause
                }
            }
        }

        Map<String, String> out = new LinkedHashMap<>();
        Answered answered = answer(call, out);
        if (fault.isPresent() && fault.get().kind() == Faults.Kind.ANSWER_LATE) {
            Thread.sleep(fault.get().delay().toMillis());
        }
        String body = answered.body();
        int status = answered.status();
        boolean notModified = false;
        if (call.method.equals("GET") && status == 200 && body != null) {
            String etag = etag(body);
            out.put("ETag", etag);
            if (matches(call.header("if-none-match"), etag)) {
                notModified = true;
                status = 304;
                body = null;
                out.remove("Content-Type");
            }
        }
        Long installation = call.caller.installationId();
        // GitHub does not count 304s, nor calls to /rate_limit itself.
        boolean free = notModified || call.path.equals("/rate_limit");
        if (installation != null && !free && state.rateLimits.remaining(installation) > 0) {
            state.rateLimits.consume(installation);
        }
        out.putAll(state.rateLimits.headers(installation));
        record(call, status, notModified, faultLabel);
        send(exchange, status, out, body);
    }

    /**
     * Routes and runs the call and checks request and response against the contract, filling {@code out} with the
     * response headers so far.
     */
    private Answered answer(Call call, Map<String, String> out) {
        Route route = null;
        Map<String, String> rawParams = null;
        for (Route candidate : routes) {
            rawParams = candidate.match(call.method, call.path);
            if (rawParams != null) {
                route = candidate;
                break;
            }
        }
        Reply reply;
        String contractPath = null;
        if (route == null) {
            checker.record("no such operation in the fake: " + call.method + " " + call.path);
            reply = Reply.error(404, "Not Found");
        } else {
            Map<String, String> params = new LinkedHashMap<>();
            rawParams.forEach((name, value) -> params.put(name, Call.decode(value)));
            call.params = params;
            Reply badBody = null;
            if (route.specTemplate() != null) {
                contractPath = route.contractPath(rawParams);
                badBody = checker.checkRequest(call, contractPath);
            }
            reply = invoke(route, call, badBody);
        }
        String body = tampered(call, reply.body() == null ? null : Json.write(reply.body()));
        out.putAll(githubHeaders(body != null));
        out.putAll(reply.headers());
        if (contractPath != null) {
            checker.checkResponse(call.method, contractPath, call.path, reply.status(), out, body);
        }
        return new Answered(reply.status(), body);
    }

    /** Fault answers skip the contract: they are deliberately what GitHub sends when things go wrong. */
    private void answerWithFault(HttpExchange exchange, Call call, Faults.Fault fault) throws IOException {
        Map<String, String> out = githubHeaders(true);
        out.putAll(state.rateLimits.headers(call.caller.installationId()));
        out.putAll(fault.headers());
        String body = fault.body() != null ? fault.body() : Json.write(Json.object().put("message", fault.message())
                .put("documentation_url", Reply.DOCUMENTATION_URL));
        record(call, fault.status(), false, fault.describe());
        send(exchange, fault.status(), out, body);
    }

    /** Authentication, repository visibility and permissions first, as GitHub does; then a bad body; then the handler. */
    private Reply invoke(Route route, Call call, Reply badBody) {
        Caller caller = call.caller;
        if (caller.kind() == Caller.Kind.REJECTED) {
            return Reply.error(401, caller.rejection());
        }
        switch (route.access()) {
            case APP -> {
                if (caller.kind() != Caller.Kind.APP) {
                    return Reply.error(401, "A JSON web token could not be decoded");
                }
            }
            case INSTALLATION -> {
                if (caller.kind() == Caller.Kind.ANONYMOUS) {
                    return Reply.error(401, "Requires authentication");
                }
                if (caller.kind() != Caller.Kind.INSTALLATION) {
                    return Reply.error(403, "Resource not accessible by integration");
                }
                if (state.rateLimits.remaining(caller.installationId()) <= 0) {
                    return Reply.error(403, "API rate limit exceeded for installation ID " + caller.installationId() + ".");
                }
            }
            case ANY -> {
                // nothing more to check
            }
        }
        if (route.access() == Route.Access.INSTALLATION && call.params.containsKey("owner")) {
            Optional<FakeRepository> repo = state.find(call.param("owner"), call.param("repo"));
            if (repo.isEmpty() || !caller.token().covers(repo.get().fullName())) {
                return Reply.error(404, "Not Found");
            }
            call.repo = repo.get();
        }
        if (route.permission() != null
                && !Permissions.allows(caller.token().permissions(), route.permission(), route.level())) {
            return Reply.error(403, "Resource not accessible by integration");
        }
        if (badBody != null) {
            return badBody;
        }
        try {
            synchronized (state) {
                if (call.repo == null) {
                    return route.handler().handle(call);
                }
                synchronized (call.repo) {
                    if (!call.method.equals("GET") && call.repo.isArchived()) {
                        return Reply.error(403, "Repository was archived so is read-only.");
                    }
                    return route.handler().handle(call);
                }
            }
        } catch (ApiError e) {
            return e.reply();
        } catch (Exception e) {
            checker.record("the fake failed on " + call.method + " " + call.path + ": " + e);
            return Reply.error(500, "Server Error");
        }
    }

    private synchronized String tampered(Call call, String body) {
        for (Tamper tamper : tampers) {
            if (tamper.method().equalsIgnoreCase(call.method) && tamper.path().matcher(call.path).matches()) {
                tampers.remove(tamper);
                return tamper.change().apply(body);
            }
        }
        return body;
    }

    private void record(Call call, int status, boolean notModified, String fault) {
        log.add(new RecordedRequest(call.method, call.path, call.rawQuery == null ? "" : call.rawQuery, status,
                notModified, call.caller.installationId(), call.caller.kind() == Caller.Kind.APP, fault,
                Map.copyOf(call.headers), call.bodyText()));
    }

    private static Map<String, String> githubHeaders(boolean json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json) {
            headers.put("Content-Type", "application/json; charset=utf-8");
        }
        headers.put("Server", "github.com");
        headers.put("X-GitHub-Media-Type", "github.v3; format=json");
        headers.put("X-GitHub-Api-Version-Selected", "2022-11-28");
        headers.put("X-GitHub-Request-Id", UUID.randomUUID().toString().toUpperCase());
        return headers;
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String etag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
