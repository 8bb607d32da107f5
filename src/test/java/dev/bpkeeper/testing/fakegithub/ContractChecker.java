package dev.bpkeeper.testing.fakegithub;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks every exchange against GitHub's OpenAPI description and keeps what failed, for a test to assert on later
 * (throwing inside the server thread would only surface as a confusing client error).
 *
 * <p>Two things the spec cannot judge are relaxed: extra properties (GitHub adds fields faster than the schemas
 * list them) and status codes an operation does not document (GitHub's spec lists only some of its 401/403/5xx).
 */
final class ContractChecker {
    /** vnd.github+json, vnd.github.v3+json and preview types all mean JSON; raw, diff, patch stay distinct. */
    private static final Pattern GITHUB_JSON = Pattern
            .compile("application/vnd\\.github(\\.v3)?(\\.[a-z0-9-]+-preview)?(\\.v3)?(\\+json)?(;.*)?");

    /** Parsing the spec takes most of a second, so every fake in the JVM shares one validator (and its lock). */
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SpecDocument.get().text())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private final OpenApiInteractionValidator validator = VALIDATOR;
    private final List<String> violations = new ArrayList<>();

    /**
     * Checks a request; returns GitHub's 422 when its body breaks the schema (GitHub validates bodies and would not
     * act on it either), else null.
     */
    synchronized Reply checkRequest(Call call, String contractPath) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(call.method, contractPath);
        String accept = call.header("accept");
        if (accept != null) {
            request.withHeader("Accept", normaliseAccept(accept));
        }
        if (call.body.length > 0) {
            String contentType = call.header("content-type");
            request.withContentType(contentType == null ? "application/octet-stream" : contentType);
            request.withBody(call.bodyText());
        }
        call.query.forEach(request::withQueryParam);
        try {
            ValidationReport report;
            synchronized (VALIDATOR) {
                report = validator.validateRequest(request.build());
            }
            report("request " + call.method + " " + call.path, report);
            return report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> m.getKey().startsWith("validation.request.body"))
                    .findFirst()
                    .map(m -> Reply.error(422, "Invalid request.\n\n" + m.getMessage()))
                    .orElse(null);
        } catch (RuntimeException e) {
            violations.add("request " + call.method + " " + call.path + ": the checker failed: " + e);
            return null;
        }
    }

    synchronized void checkResponse(String method, String contractPath, String path, int status,
            Map<String, String> headers, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body != null) {
            response.withBody(body);
        }
        try {
            ValidationReport report;
            synchronized (VALIDATOR) {
                report = validator.validateResponse(contractPath, Request.Method.valueOf(method), response.build());
            }
            if (status >= 400) {
                // GitHub always sends its error body; the spec leaves some error responses without content.
                List<ValidationReport.Message> kept = report.getMessages().stream()
                        .filter(m -> !m.getKey().equals("validation.response.body.unexpected")).toList();
                report = ValidationReport.from(kept);
            }
            report("response " + status + " to " + method + " " + path, report);
        } catch (RuntimeException e) {
            violations.add("response " + status + " to " + method + " " + path + ": the checker failed: " + e);
        }
    }

    synchronized void record(String violation) {
        violations.add(violation);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized void clear() {
        violations.clear();
    }

    private void report(String what, ValidationReport report) {
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                String where = message.getContext().flatMap(c -> c.getPointers())
                        .map(p -> " at " + p.getInstance()).orElse("");
                violations.add(what + ": " + message.getMessage() + where + " [" + message.getKey() + "]");
            }
        }
    }

    static String normaliseAccept(String accept) {
        List<String> types = new ArrayList<>();
        for (String type : accept.split(",")) {
            String trimmed = type.trim();
            types.add(GITHUB_JSON.matcher(trimmed.toLowerCase()).matches() ? "application/json" : trimmed);
        }
        return String.join(", ", types);
    }
}
