package dev.bpkeeper.edge.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Events shaped exactly as AWS delivers them to a function: API Gateway HTTP API (payload format 2.0) requests and
 * SQS batches, with every field AWS sets (the app reads few of them; the rest prove it tolerates the real shape).
 */
final class LambdaEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaEvents() {
    }

    /**
     * An HTTP API request. API Gateway lower-cases header names; it base64-encodes bodies it treats as binary and
     * passes text bodies as they are.
     */
    static String httpApiV2(String method, String path, Map<String, String> headers, byte[] body, boolean base64) {
        return httpApiV2(method, path, "", headers, body, base64);
    }

    /** @param query the raw query string, without "?" ("" for none), as API Gateway passes it */
    static String httpApiV2(String method, String path, String query, Map<String, String> headers, byte[] body,
                            boolean base64) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", method + " " + path);
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        ObjectNode h = event.putObject("headers");
        h.put("accept", "*/*");
        h.put("content-length", Integer.toString(body.length));
        h.put("host", "abc123.execute-api.eu-west-1.amazonaws.com");
        h.put("user-agent", "GitHub-Hookshot/044aadd");
        h.put("x-amzn-trace-id", "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e");
        h.put("x-forwarded-for", "140.82.115.10");
        h.put("x-forwarded-port", "443");
        h.put("x-forwarded-proto", "https");
        headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "abc123");
        context.put("domainName", "abc123.execute-api.eu-west-1.amazonaws.com");
        context.put("domainPrefix", "abc123");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "140.82.115.10");
        http.put("userAgent", "GitHub-Hookshot/044aadd");
        context.put("requestId", "JKJaXmPLvHcESHA=");
        context.put("routeKey", method + " " + path);
        context.put("stage", "$default");
        context.put("time", "03/Dec/2026:22:14:00 +0000");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", base64);
        return event.toString();
    }

    /**
     * One SQS record as the event source mapping hands it to the function.
     *
     * @param notBefore the bpkeeper-not-before message attribute, or null
     */
    record SqsMessage(String messageId, String body, int receiveCount, String notBefore) {
        static SqsMessage of(String body) {
            return new SqsMessage(UUID.randomUUID().toString(), body, 1, null);
        }

        SqsMessage notBefore(Instant instant) {
            return new SqsMessage(messageId, body, receiveCount, instant.toString());
        }
    }

    /** An SQS batch (the "Records" shape of an SQS event source mapping). */
    static String sqsBatch(List<SqsMessage> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        long now = Instant.now().toEpochMilli();
        for (SqsMessage message : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", message.messageId());
            r.put("receiptHandle", "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + message.messageId());
            r.put("body", message.body());
            ObjectNode attributes = r.putObject("attributes");
            attributes.put("ApproximateReceiveCount", Integer.toString(message.receiveCount()));
            attributes.put("SentTimestamp", Long.toString(now));
            attributes.put("SenderId", "AROAEXAMPLE:bpkeeper-webhook");
            attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(now));
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            if (message.notBefore() != null) {
                ObjectNode notBefore = messageAttributes.putObject("bpkeeper-not-before");
                notBefore.put("stringValue", message.notBefore());
                notBefore.putArray("stringListValues");
                notBefore.putArray("binaryListValues");
                notBefore.put("dataType", "String");
            }
            r.put("md5OfBody", md5(message.body()));
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:bpkeeper-jobs");
            r.put("awsRegion", "eu-west-1");
        }
        return event.toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
