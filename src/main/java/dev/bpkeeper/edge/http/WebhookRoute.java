package dev.bpkeeper.edge.http;

import dev.bpkeeper.edge.functions.HttpRequestEvent;
import dev.bpkeeper.edge.functions.HttpResponseEvent;
import dev.bpkeeper.edge.functions.WebhookFunction;
import dev.bpkeeper.intake.WebhookReceiver;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * POST /webhook for the local server, on the HTTP router itself so that the exact bytes arrive whatever the
 * content type (a JAX-RS resource would parse form bodies first). It wraps the request as the event API Gateway
 * would send and calls the webhook function, so both paths run the same code.
 */
@ApplicationScoped
public class WebhookRoute {
    private static final Logger LOG = Logger.getLogger(WebhookRoute.class);
    private static final String NOSNIFF = "X-Content-Type-Options";

    @Inject
    WebhookFunction function;

    void register(@Observes Router router) {
        router.post("/webhook").order(-11).handler(WebhookRoute::refuseForms);
        router.post("/webhook").order(-10)
                .handler(BodyHandler.create(false).setBodyLimit(WebhookReceiver.MAX_BODY_BYTES)
                        .setHandleFileUploads(false))
                .blockingHandler(this::receive, false);
    }

    /**
     * A webhook configured as form-encoded (or any form) is refused before its body is read: the HTTP layer would
     * otherwise decode it as a form, and the exact bytes the signature covers would be gone (a multipart body
     * arrives empty), so the sender would hear "bad signature" instead of what to change.
     */
    static void refuseForms(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        String lower = type == null ? "" : type.strip().toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/")) {
            context.response().setStatusCode(415).putHeader("Content-Type", "application/json")
                    .putHeader(NOSNIFF, "nosniff").end("{\"status\":415,\"outcome\":\"rejected\",\"message\":\""
                            + WebhookReceiver.JSON_ONLY + "\",\"jobs\":0}");
            return;
        }
        context.next();
    }

    void receive(RoutingContext context) {
        HttpRequestEvent event = new HttpRequestEvent();
        Map<String, String> headers = new HashMap<>();
        // Only the first value of a repeated header counts, as with API Gateway; a forged duplicate cannot win.
        context.request().headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
        event.setHeaders(headers);
        byte[] body = context.body() == null || context.body().buffer() == null ? new byte[0]
                : context.body().buffer().getBytes();
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        event.setRawPath("/webhook");
        try {
            HttpResponseEvent answer = function.webhook(event);
            context.response().setStatusCode(answer.getStatusCode());
            answer.getHeaders().forEach((name, value) -> context.response().putHeader(name, value));
            context.response().end(answer.getBody());
        } catch (Exception e) {
            LOG.errorf(e, "The webhook could not be handled");
            context.response().setStatusCode(500).putHeader("Content-Type", "application/json")
                    .putHeader(NOSNIFF, "nosniff")
                    .end("{\"outcome\":\"error\",\"message\":\"Internal error; the delivery was not accepted.\"}");
        }
    }
}
