package dev.bpkeeper.act.store;

import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * Per-request settings for a DynamoDB call that someone is waiting on and that can be asked again later: few
 * attempts, each short. The client's own defaults (up to 9 attempts with back-off, several seconds when DynamoDB
 * refuses connections) suit the queue's workers, not a webhook GitHub is timing.
 */
final class Impatient {
    /** Two tries: one lost connection is forgiven, an outage is not waited out. */
    static final int ATTEMPTS = 2;
    /**
     * One conditional write answers in milliseconds (at most about 0.8 s under the load benchmarks, on two busy
     * cores); a DynamoDB that takes longer than this is not answering. Two of them fit well in GitHub's 10 s.
     */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    /** For a call whose caller answers "try again later" when storage does not answer at once. */
    static final AwsRequestOverrideConfiguration FEW_SHORT_ATTEMPTS = attempts(ATTEMPTS, ATTEMPT_TIMEOUT);

    /**
     * For a call made in a loop of its own (waiting for DynamoDB to start): the loop decides, not the SDK. Its one
     * attempt is not hurried: a table creation cut short may still have happened.
     */
    static final AwsRequestOverrideConfiguration ONE_ATTEMPT = attempts(1, Duration.ofSeconds(30));

    private Impatient() {
    }

    private static AwsRequestOverrideConfiguration attempts(int attempts, Duration each) {
        return AwsRequestOverrideConfiguration.builder().apiCallAttemptTimeout(each)
                .apiCallTimeout(each.multipliedBy(attempts).plusMillis(200))
                .addPlugin(client -> client.overrideConfiguration(
                        o -> o.retryStrategy(strategy -> strategy.maxAttempts(attempts))))
                .build();
    }
}
