package dev.bpkeeper.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.testing.ElasticMqResource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the evaluate function does with the message of a job that threw, against a real SQS engine (ElasticMQ):
 * the same rule as the local queue, a deferral costs no try, and a job given up lands in the dead-letter queue
 * with its reason. Each test gets queues of its own.
 */
class SqsConsumerTest {
    private static final ElasticMqResource ENGINE = new ElasticMqResource();
    private static SqsClient sqs;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final AtomicInteger QUEUES = new AtomicInteger();

    private String jobsUrl;
    private String deadLettersUrl;
    private final List<Job> handled = new ArrayList<>();
    private final List<Job> givenUp = new ArrayList<>();

    @BeforeAll
    static void startSqs() {
        Map<String, String> settings = ENGINE.start();
        sqs = SqsClient.builder().endpointOverride(URI.create(settings.get("quarkus.sqs.endpoint-override")))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
        ENGINE.stop();
    }

    @BeforeEach
    void freshQueues() {
        int n = QUEUES.incrementAndGet();
        jobsUrl = sqs.createQueue(b -> b.queueName("jobs-" + n)).queueUrl();
        deadLettersUrl = sqs.createQueue(b -> b.queueName("dead-letters-" + n)).queueUrl();
    }

    private SqsConsumer consumer(Duration firstBackoff, Optional<String> deadLetters, Consumer<Job> work) {
        TestQueueConfig config = new TestQueueConfig("sqs", Optional.of(jobsUrl), deadLetters, 6, firstBackoff,
                Duration.ofMinutes(5));
        SqsJobQueue queue = new SqsJobQueue();
        queue.sqs = sqs;
        queue.json = JSON;
        queue.config = config;
        SqsConsumer consumer = new SqsConsumer();
        consumer.config = config;
        consumer.queue = queue;
        consumer.json = JSON;
        consumer.handler = new JobHandler() {
            @Override
            public void handle(Job job) {
                handled.add(job);
                work.accept(job);
            }

            @Override
            public void gaveUp(Job job) {
                givenUp.add(job);
            }
        };
        return consumer;
    }

    private SqsConsumer consumer(Consumer<Job> work) {
        return consumer(Duration.ZERO, Optional.of(deadLettersUrl), work);
    }

    private static String body(int triedBefore) throws Exception {
        return JSON.writeValueAsString(Job.evaluate(7, "acme/widget", "abc", null, "push", 0, "d-1")
                .withAttempt(triedBefore));
    }

    private static void gitHubDown(Job job) {
        throw new JobHandler.RetryableException("GitHub answered 502", Duration.ZERO, null);
    }

    private List<Message> waiting(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageAttributeNames("All")).messages();
    }

    private int delayed(String url) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    private static Job job(Message message) throws Exception {
        return JSON.readValue(message.body(), Job.class);
    }

    @Test
    void givenAJobThatSucceeds_thenNothingIsQueuedAgain() throws Exception {
        consumer(job -> { }).consume(body(0), 1);

        assertThat(handled).singleElement().satisfies(job -> assertThat(job.attempt()).isZero());
        assertThat(waiting(jobsUrl)).isEmpty();
        assertThat(waiting(deadLettersUrl)).isEmpty();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void givenAGitHubOutage_whenTheJobFails_thenItComesBackAsANewMessageCountingTheTryAndTheMessageIsDone()
            throws Exception {
        consumer(SqsConsumerTest::gitHubDown).consume(body(0), 1);

        assertThat(waiting(jobsUrl)).singleElement().satisfies(m -> assertThat(job(m).attempt()).isEqualTo(1));
        assertThat(waiting(deadLettersUrl)).isEmpty();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void givenABackOff_whenTheJobFails_thenItsNewMessageIsDelayedByIt() throws Exception {
        consumer(Duration.ofMinutes(1), Optional.of(deadLettersUrl), SqsConsumerTest::gitHubDown)
                .consume(body(0), 1);

        assertThat(waiting(jobsUrl)).as("not visible before its back-off").isEmpty();
        assertThat(delayed(jobsUrl)).isEqualTo(1);
    }

    @Test
    void givenASpentRateLimit_whenTheJobIsDeferredOnItsLastTry_thenItWaitsWithoutUsingATry() throws Exception {
        consumer(job -> {
            throw JobHandler.RetryableException.deferred("the installation's rate limit is spent", Duration.ZERO);
        }).consume(body(5), 1);

        assertThat(waiting(jobsUrl)).singleElement().satisfies(m -> assertThat(job(m).attempt()).isEqualTo(5));
        assertThat(waiting(deadLettersUrl)).isEmpty();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void givenAJobFailingItsSixthTry_thenItIsDeadLetteredWithItsReasonAndTriesResetForARedrive() throws Exception {
        consumer(SqsConsumerTest::gitHubDown).consume(body(5), 1);

        assertThat(waiting(jobsUrl)).isEmpty();
        assertThat(waiting(deadLettersUrl)).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get(SqsJobQueue.REASON).stringValue())
                    .isEqualTo("gave up after 6 attempts: GitHub answered 502");
            assertThat(job(m).attempt()).isZero();
            assertThat(job(m).repository()).isEqualTo("acme/widget");
        });
        assertThat(givenUp).as("the installation's progress counts it once").hasSize(1);
    }

    @Test
    void givenAFailureThatIsNotRetryable_thenTheJobIsDeadLetteredAtOnce() throws Exception {
        consumer(job -> {
            throw new IllegalStateException("github.app-id is not configured");
        }).consume(body(0), 1);

        assertThat(handled).hasSize(1);
        assertThat(waiting(jobsUrl)).isEmpty();
        assertThat(waiting(deadLettersUrl)).singleElement().satisfies(m -> assertThat(
                m.messageAttributes().get(SqsJobQueue.REASON).stringValue())
                .isEqualTo("IllegalStateException: github.app-id is not configured"));
        assertThat(givenUp).hasSize(1);
    }

    @Test
    void givenAMessageReceivedBeforeWithoutAnAnswer_thenThoseReceivesCountAsTries() throws Exception {
        consumer(job -> { }).consume(body(1), 3);

        assertThat(handled).singleElement().satisfies(job -> assertThat(job.attempt()).isEqualTo(3));
    }

    @Test
    void givenNoDeadLetterQueueConfigured_whenAJobIsGivenUp_thenTheFailureGoesBackToSqsWhichRedrivesItAfterItsLastReceive()
            throws Exception {
        SqsConsumer consumer = consumer(Duration.ZERO, Optional.empty(), job -> {
            throw new IllegalStateException("broken");
        });

        assertThatThrownBy(() -> consumer.consume(body(0), 1)).hasMessage("broken");
        assertThat(givenUp).as("SQS will deliver it again").isEmpty();

        assertThatThrownBy(() -> consumer.consume(body(0), 6)).hasMessage("broken");
        assertThat(givenUp).as("SQS moves it to the dead-letter queue now").hasSize(1);
    }

    @Test
    void givenTheJobQueueUnreachable_whenAJobFails_thenTheFailureGoesBackToSqsAndNothingIsLost() throws Exception {
        SqsConsumer consumer = consumer(SqsConsumerTest::gitHubDown);
        sqs.deleteQueue(b -> b.queueUrl(jobsUrl));

        assertThatThrownBy(() -> consumer.consume(body(0), 1)).hasMessage("GitHub answered 502");
        assertThat(waiting(deadLettersUrl)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ms -> {1} s")
    @CsvSource({"0, 0", "1, 1", "1000, 1", "1001, 2", "90000, 90", "900000, 900", "2400000, 900", "-5000, 0"})
    void delaysAreWholeSecondsRoundedUpWithinTheFifteenMinutesSqsAllows(long millis, int seconds) {
        assertThat(SqsJobQueue.delaySeconds(Duration.ofMillis(millis))).isEqualTo(seconds);
    }
}
