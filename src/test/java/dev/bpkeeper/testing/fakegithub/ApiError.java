package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Thrown by handlers to answer with a GitHub error body and stop. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Reply reply;

    ApiError(int status, String message) {
        this(Reply.error(status, message));
    }

    private ApiError(Reply reply) {
        super(reply.status() + " " + reply.body().path("message").asText(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }

    static ApiError notFound() {
        return new ApiError(404, "Not Found");
    }

    static ApiError validationFailed(String message) {
        return new ApiError(422, message);
    }

    /** GitHub's 422 for a bad field: "Validation Failed" with an {@code errors} entry naming it. */
    static ApiError invalidField(String resource, String field, String code) {
        Reply reply = Reply.error(422, "Validation Failed");
        ((ObjectNode) reply.body()).putArray("errors")
                .add(Json.valueOf(Map.of("resource", resource, "field", field, "code", code)));
        return new ApiError(reply);
    }
}
