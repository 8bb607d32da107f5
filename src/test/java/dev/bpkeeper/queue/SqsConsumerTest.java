package dev.bpkeeper.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.testing.ElasticMqResource;
import dev.bpkeeper.testing.Eventually;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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
        queue.clock = Clock.systemUTC();
        SqsConsumer consumer = new SqsConsumer();
        consumer.clock = Clock.systemUTC();
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
        consumer(job -> { }).consume(body(0), 1, null);

        assertThat(handled).singleElement().satisfies(job -> assertThat(job.attempt()).isZero());
        assertThat(waiting(jobsUrl)).isEmpty();
        assertThat(waiting(deadLettersUrl)).isEmpty();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void givenAGitHubOutage_whenTheJobFails_thenItComesBackAsANewMessageCountingTheTryAndTheMessageIsDone()
            throws Exception {
        consumer(SqsConsumerTest::gitHubDown).consume(body(0), 1, null);

        assertThat(waiting(jobsUrl)).singleElement().satisfies(m -> assertThat(job(m).attempt()).isEqualTo(1));
        assertThat(waiting(deadLettersUrl)).isEmpty();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void givenABackOff_whenTheJobFails_thenItsNewMessageWaitsThatLong() throws Exception {
        consumer(Duration.ofSeconds(2), Optional.of(deadLettersUrl), SqsConsumerTest::gitHubDown)
                .consume(body(0), 1, null);

        assertThat(waiting(jobsUrl)).as("not visible before its back-off").isEmpty();
        assertThat(delayed(jobsUrl)).isEqualTo(1);
        assertThat(Eventually.get(() -> waiting(jobsUrl), m -> !m.isEmpty(), Duration.ofSeconds(10),
                "the job after its back-off")).singleElement().satisfies(m -> assertThat(job(m).attempt())
                .isEqualTo(1));
    }

    @Test
    void givenAJobThatMustWaitLongerThanSqsCanDelayIt_whenItComesBackEarly_thenItIsSentBackWithoutRunning()
            throws Exception {
        String inFortyMinutes = Instant.now().plus(Duration.ofMinutes(40)).toString();

        consumer(job -> { }).consume(body(2), 1, inFortyMinutes);

        assertThat(handled).as("not run before its time").isEmpty();
        assertThat(delayed(jobsUrl)).isEqualTo(1);
        assertThat(waiting(deadLettersUrl)).isEmpty();
    }

    @ParameterizedTest(name = "not before \"{0}\": run now")
    @CsvSource(value = {"-PT1M", "NULL", "'  '", "next Tuesday"}, nullValues = "NULL")
    void givenANotBeforeThatHasPassedOrIsUnreadable_thenTheJobRunsNow(String notBefore) throws Exception {
        String value = notBefore != null && notBefore.startsWith("-PT")
                ? Instant.now().minus(Duration.parse(notBefore.substring(1))).toString() : notBefore;

        consumer(job -> { }).consume(body(0), 1, value);

        assertThat(handled).hasSize(1);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({"0, ''", "900, ''", "901, 2026-12-04T10:15:01Z", "2400, 2026-12-04T10:40:00Z"})
    void onlyAWaitLongerThanFifteenMinutesCarriesItsInstant(long seconds, String expected) {
        assertThat(SqsJobQueue.notBefore(Instant.parse("2026-12-04T10:00:00Z"), Duration.ofSeconds(seconds)))
                .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }

    @Test
    void givenASpentRateLimit_whenTheJobIsDeferredOnItsLastTry_thenItWaitsWithoutUsingATry() throws Exception {
        consumer(job -> {
            throw JobHandler.RetryableException.deferred("the installation's rate limit is spent", Duration.ZERO);
        }).consume(body(5), 1, null);

        assertThat(waiting(jobsUrl)).singleElement().satisfies(m -> assertThat(job(m).attempt()).isEqualTo(5));
        assertThat(waiting(deadLettersUrl)).isEmpty();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void givenAJobFailingItsSixthTry_thenItIsDeadLetteredWithItsReasonAndTriesResetForARedrive() throws Exception {
        consumer(SqsConsumerTest::gitHubDown).consume(body(5), 1, null);

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
        }).consume(body(0), 1, null);

        assertThat(handled).hasSize(1);
        assertThat(waiting(jobsUrl)).isEmpty();
        assertThat(waiting(deadLettersUrl)).singleElement().satisfies(m -> assertThat(
                m.messageAttributes().get(SqsJobQueue.REASON).stringValue())
                .isEqualTo("IllegalStateException: github.app-id is not configured"));
        assertThat(givenUp).hasSize(1);
    }

    @Test
    void givenAMessageReceivedBeforeWithoutAnAnswer_thenThoseReceivesCountAsTries() throws Exception {
        consumer(job -> { }).consume(body(1), 3, null);

        assertThat(handled).singleElement().satisfies(job -> assertThat(job.attempt()).isEqualTo(3));
    }

    @Test
    void givenACopyOfAJobAlreadyGivenUp_whenReceived_thenItIsNotRunAgainNorCountedTwice() throws Exception {
        consumer(job -> { }).consume(body(5), 2, null);

        assertThat(handled).isEmpty();
        assertThat(waiting(deadLettersUrl)).singleElement().satisfies(m -> assertThat(
                m.messageAttributes().get(SqsJobQueue.REASON).stringValue()).isEqualTo("gave up after 6 attempts"));
        assertThat(givenUp).as("told when it was first given up").isEmpty();
    }

    @Test
    void givenNoDeadLetterQueueConfigured_whenAJobFailsItsLastTry_thenSqsKeepsItUntilItsRedriveAndItRunsNoMore()
            throws Exception {
        SqsConsumer consumer = consumer(Duration.ZERO, Optional.empty(), SqsConsumerTest::gitHubDown);

        assertThatThrownBy(() -> consumer.consume(body(5), 1, null)).hasMessage("GitHub answered 502");
        assertThat(givenUp).as("SQS will deliver it again").isEmpty();

        for (int receive = 2; receive <= 6; receive++) {
            int r = receive;
            assertThatThrownBy(() -> consumer.consume(body(5), r, null)).hasMessageContaining("has no tries left");
        }

        assertThat(handled).as("run on its last try only").hasSize(1);
        assertThat(givenUp).as("told once, when SQS moves it to the dead-letter queue").hasSize(1);
    }

    @Test
    void givenTheJobQueueUnreachable_whenAJobFails_thenTheFailureGoesBackToSqsAndNothingIsLost() throws Exception {
        SqsConsumer consumer = consumer(SqsConsumerTest::gitHubDown);
        sqs.deleteQueue(b -> b.queueUrl(jobsUrl));

        assertThatThrownBy(() -> consumer.consume(body(0), 1, null)).hasMessage("GitHub answered 502");
        assertThat(waiting(deadLettersUrl)).isEmpty();
        assertThat(givenUp).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {"truncated JSON, '{\"kind\": \"EVALUATE\", \"installationId\":'", "not JSON, hello",
        "empty, ''", "JSON null, null", "a JSON array, '[1, 2]'"})
    void givenAMessageThatIsNotAJob_thenItIsDeadLetteredAsItCameWithItsReason(String name, String body) {
        consumer(job -> { }).consume(body, 1, null);

        assertThat(handled).isEmpty();
        assertThat(waiting(deadLettersUrl)).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(body.isEmpty() ? "(an empty message)" : body);
            assertThat(m.messageAttributes().get(SqsJobQueue.REASON).stringValue())
                    .startsWith("The message is not a job: ");
        });
    }

    @ParameterizedTest(name = "{0} ms -> {1} s")
    @CsvSource({"0, 0", "1, 1", "1000, 1", "1001, 2", "90000, 90", "900000, 900", "2400000, 900", "-5000, 0"})
    void delaysAreWholeSecondsRoundedUpWithinTheFifteenMinutesSqsAllows(long millis, int seconds) {
        assertThat(SqsJobQueue.delaySeconds(Duration.ofMillis(millis))).isEqualTo(seconds);
    }
}
