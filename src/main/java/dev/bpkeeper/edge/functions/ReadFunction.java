package dev.bpkeeper.edge.functions;

import dev.bpkeeper.read.ReadHandler;
import dev.bpkeeper.read.ReadRequest;
import dev.bpkeeper.read.ReadResponse;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * The badge, report and organisation pages as a function (API Gateway HTTP API, payload v2): the same handler as
 * the local routes, so the Lambda deployment serves the same bytes and headers.
 */
public class ReadFunction {

    @Inject
    ReadHandler handler;

    @Funq("read-http")
    public HttpResponseEvent read(HttpRequestEvent event) {
        ReadResponse answer = handler.handle(new ReadRequest(event.method(), event.getRawPath(),
                event.getRawQueryString(), event.getHeaders()));
        return new HttpResponseEvent(answer.status(), answer.headers(), answer.bodyText());
    }
}
