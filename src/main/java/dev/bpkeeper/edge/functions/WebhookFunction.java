package dev.bpkeeper.edge.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.WebhookReceiver;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.Map;

/** The webhook as a function: the same code behind API Gateway on Lambda and behind POST /webhook locally. */
public class WebhookFunction {

    @Inject
    WebhookReceiver receiver;

    @Inject
    ObjectMapper json;

    @Funq("webhook-event")
    public HttpResponseEvent webhook(HttpRequestEvent request) throws JsonProcessingException {
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (IllegalArgumentException e) {
            return respond(new WebhookReceiver.Reply(400, "rejected", "The body is not valid base64.", 0));
        }
        return respond(receiver.receive(request.getHeaders(), body));
    }

    private HttpResponseEvent respond(WebhookReceiver.Reply reply) throws JsonProcessingException {
        return new HttpResponseEvent(reply.status(), Map.of("Content-Type", "application/json",
                "X-Content-Type-Options", "nosniff"), json.writeValueAsString(reply));
    }
}
