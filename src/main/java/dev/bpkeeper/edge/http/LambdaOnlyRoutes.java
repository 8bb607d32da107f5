package dev.bpkeeper.edge.http;

import dev.bpkeeper.orchestrate.AppSettings;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The Funqy functions are what Lambda runs; the local artifact's Funqy HTTP binding would also answer each of them
 * at /NAME, without authentication, to anyone who reaches `serve`. Here they answer 404 like any unknown path: a
 * person uses the pages and /setup, GitHub uses /webhook, and those routes call the same code. Only a deployment
 * that sets bpkeeper.functions.http.enabled (the tests that imitate Lambda) reaches them over HTTP.
 */
@ApplicationScoped
public class LambdaOnlyRoutes {
    /** The name of every @Funq function (a test checks the list against the annotations). */
    public static final List<String> FUNCTIONS = List.of("webhook-event", "evaluate", "read-http");

    @Inject
    AppSettings settings;

    void register(@Observes Router router) {
        if (settings.functionsOverHttp()) {
            return;
        }
        // Matched on the normalised path, before Funqy's catch-all route; also /NAME/ and anything below it.
        router.routeWithRegex("/(" + String.join("|", FUNCTIONS) + ")(/.*)?").order(-30)
                .handler(LambdaOnlyRoutes::notFound);
    }

    static void notFound(RoutingContext context) {
        context.response().setStatusCode(404).putHeader("Content-Type", "text/plain;charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff").end("Not found.\n");
    }
}
