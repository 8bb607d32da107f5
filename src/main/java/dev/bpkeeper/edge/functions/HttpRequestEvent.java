package dev.bpkeeper.edge.functions;

import java.util.HashMap;
import java.util.Map;

/**
 * An HTTP request in the shape of an API Gateway HTTP API (payload v2) event, reduced to what the functions read.
 * The body travels base64-encoded when it must stay byte-exact (webhook signatures are over the raw bytes).
 */
public class HttpRequestEvent {
    private Map<String, String> headers = new HashMap<>();
    private String body = "";
    private boolean isBase64Encoded;
    private String rawPath = "";
    private String rawQueryString = "";
    private RequestContext requestContext = new RequestContext();

    /** The part of API Gateway's requestContext the functions read: the HTTP method. */
    public static class RequestContext {
        private Http http = new Http();

        public Http getHttp() {
            return http;
        }

        public void setHttp(Http http) {
            this.http = http == null ? new Http() : http;
        }
    }

    public static class Http {
        private String method = "GET";

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers == null ? new HashMap<>() : headers;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }

    public boolean getIsBase64Encoded() {
        return isBase64Encoded;
    }

    public void setIsBase64Encoded(boolean base64Encoded) {
        isBase64Encoded = base64Encoded;
    }

    public String getRawPath() {
        return rawPath;
    }

    public void setRawPath(String rawPath) {
        this.rawPath = rawPath;
    }

    public String getRawQueryString() {
        return rawQueryString;
    }

    public void setRawQueryString(String rawQueryString) {
        this.rawQueryString = rawQueryString == null ? "" : rawQueryString;
    }

    public RequestContext getRequestContext() {
        return requestContext;
    }

    public void setRequestContext(RequestContext requestContext) {
        this.requestContext = requestContext == null ? new RequestContext() : requestContext;
    }

    /** The request's HTTP method (GET when the event does not say). */
    public String method() {
        return requestContext.getHttp().getMethod() == null ? "GET" : requestContext.getHttp().getMethod();
    }

    /** The exact bytes received. */
    public byte[] bodyBytes() {
        return isBase64Encoded ? java.util.Base64.getDecoder().decode(body)
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
