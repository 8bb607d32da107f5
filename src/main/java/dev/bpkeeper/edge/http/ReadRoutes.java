package dev.bpkeeper.edge.http;

import dev.bpkeeper.read.ReadHandler;
import dev.bpkeeper.read.ReadRequest;
import dev.bpkeeper.read.ReadResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * GET /badge/..., /report/... and /org/... on the local server. An answer memory can give (a cached badge) is sent
 * from the event loop at once; anything that needs DynamoDB goes to a worker thread, so the event loop never
 * waits for storage.
 */
@ApplicationScoped
public class ReadRoutes {
    private static final Logger LOG = Logger.getLogger(ReadRoutes.class);

    @Inject
    ReadHandler handler;

    void register(@Observes Router router) {
        for (String prefix : new String[] {"/badge/*", "/report/*", "/org/*"}) {
            Route route = router.route(prefix).order(-10).method(HttpMethod.GET).method(HttpMethod.HEAD)
                    .method(HttpMethod.OPTIONS);
            route.handler(this::fromMemory).blockingHandler(this::fromStorage, false);
        }
    }

    void fromMemory(RoutingContext context) {
        ReadRequest request = request(context);
        handler.fromMemory(request).ifPresentOrElse(answer -> send(context, answer), () -> {
            context.put(ReadRequest.class.getName(), request);
            context.next();
        });
    }

    void fromStorage(RoutingContext context) {
        try {
            send(context, handler.handle(context.get(ReadRequest.class.getName())));
        } catch (RuntimeException e) {
            LOG.errorf(e, "A read request failed");
            context.response().setStatusCode(500).putHeader("Content-Type", "text/plain;charset=utf-8")
                    .end("Internal error.\n");
        }
    }

    private static ReadRequest request(RoutingContext context) {
        Map<String, String> headers = new HashMap<>();
        context.request().headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
        return new ReadRequest(context.request().method().name(), context.request().path(),
                context.request().query(), headers);
    }

    private static void send(RoutingContext context, ReadResponse answer) {
        context.response().setStatusCode(answer.status());
        answer.headers().forEach((name, value) -> context.response().putHeader(name, value));
        context.response().end(Buffer.buffer(answer.body()));
    }
}
