package dev.bpkeeper.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS-compatible engine (ElasticMQ, in this JVM) with a job queue and its dead-letter queue, as the SAM
 * template makes them, and the app switched to the SQS queue.
 */
public class ElasticMqResource implements QuarkusTestResourceLifecycleManager {
    private SQSRestServer server;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = SQSRestServerBuilder.withPort(port).withInterface("localhost").start();
        server.waitUntilStarted();
        String endpoint = "http://localhost:" + port;
        try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            String url = sqs.createQueue(b -> b.queueName("bpkeeper-jobs")).queueUrl();
            String deadLetters = sqs.createQueue(b -> b.queueName("bpkeeper-dead-letters")).queueUrl();
            return Map.of("quarkus.sqs.endpoint-override", endpoint,
                    "bpkeeper.queue.kind", "sqs",
                    "bpkeeper.queue.sqs-url", url,
                    "bpkeeper.queue.sqs-dead-letter-url", deadLetters,
                    "bpkeeper.functions.evaluate.enabled", "true",
                    // Imitates Lambda: the evaluate function is called over HTTP as the SQS trigger would call it.
                    "bpkeeper.functions.http.enabled", "true");
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stopAndWait();
        }
    }
}
