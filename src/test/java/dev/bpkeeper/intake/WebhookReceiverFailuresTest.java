package dev.bpkeeper.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.store.DeliveryLog;
import dev.bpkeeper.act.store.StorageException;
import dev.bpkeeper.github.GitHubConfig;
import dev.bpkeeper.testing.Deliveries;
import dev.bpkeeper.testing.RecordingQueue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the receiver does when what it stands on fails: it refuses, records nothing, and says why. */
class WebhookReceiverFailuresTest {
    private final RecordingQueue queue = new RecordingQueue();

    @Test
    void whenStorageIsDownTheDeliveryIsRefusedWith503AndNothingIsQueued() {
        WebhookReceiver receiver = receiver(new DeliveryLog() {
            @Override
            public boolean firstTime(String deliveryId, String event, java.util.List<Job> jobsToKeep) {
                throw new StorageException("DynamoDB is unreachable", null);
            }
        }, Optional.of(Deliveries.SECRET));
        byte[] body = Deliveries.example("push/branch-created-with-installation.json");

        WebhookReceiver.Reply reply = receiver.receive(signed(body), body);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.message()).contains("Redeliver it later");
        assertThat(queue.submitted).isEmpty();
    }

    @Test
    void withoutAConfiguredSecretEveryDeliveryIsRefusedAndSaysWhatIsMissing() {
        WebhookReceiver receiver = receiver(new DeliveryLog(), Optional.empty());
        byte[] body = Deliveries.example("push/branch-created-with-installation.json");

        WebhookReceiver.Reply reply = receiver.receive(signed(body), body);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.message()).contains("github.webhook-secret");
    }

    @Test
    void aValidlySignedBodyThatIsNotAnObjectIsABadRequest() {
        WebhookReceiver receiver = receiver(new DeliveryLog(), Optional.of(Deliveries.SECRET));
        byte[] body = "[1, 2, 3]".getBytes();

        assertThat(receiver.receive(signed(body), body).status()).isEqualTo(400);
    }

    private Map<String, String> signed(byte[] body) {
        return Map.of("x-github-event", "push", "X-GitHub-Delivery", "d-1",
                "X-Hub-Signature-256", new SignatureVerifier(Deliveries.SECRET).sign(body));
    }

    private WebhookReceiver receiver(DeliveryLog deliveries, Optional<String> secret) {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.deliveries = deliveries;
        receiver.queue = queue;
        receiver.json = new ObjectMapper();
        receiver.github = new GitHubConfig() {
            @Override
            public String apiUrl() {
                return "https://api.github.com";
            }

            @Override
            public Optional<String> graphqlUrl() {
                return Optional.empty();
            }

            @Override
            public Optional<Long> appId() {
                return Optional.empty();
            }

            @Override
            public Optional<String> privateKey() {
                return Optional.empty();
            }

            @Override
            public Optional<String> privateKeyFile() {
                return Optional.empty();
            }

            @Override
            public Optional<String> webhookSecret() {
                return secret;
            }

            @Override
            public java.time.Duration requestTimeout() {
                return java.time.Duration.ofSeconds(30);
            }
        };
        return receiver;
    }
}
