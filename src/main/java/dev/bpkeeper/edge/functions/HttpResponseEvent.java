package dev.bpkeeper.edge.functions;

import java.util.Map;

/** An HTTP response in the shape API Gateway (payload v2) turns into the real response. */
public class HttpResponseEvent {
    private int statusCode;
    private Map<String, String> headers;
    private String body;

    public HttpResponseEvent() {
    }

    public HttpResponseEvent(int statusCode, Map<String, String> headers, String body) {
        this.statusCode = statusCode;
        this.headers = headers;
        this.body = body;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public void setStatusCode(int statusCode) {
        this.statusCode = statusCode;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
