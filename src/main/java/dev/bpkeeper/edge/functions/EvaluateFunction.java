package dev.bpkeeper.edge.functions;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.bpkeeper.queue.SqsConsumer;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * One queued job as a function: what the SQS-triggered Lambda runs for each message of a batch (a job to try again
 * is queued again, one given up is dead-lettered: see {@link SqsConsumer}). It takes the SQS message itself, not
 * only its body, because receives that were never answered count as tries, and a job that must wait longer than SQS
 * can delay a message says so in an attribute. Locally the in-process queue
 * calls the orchestrator itself, so this entry point stays closed unless bpkeeper.functions.evaluate.enabled is
 * set: an open HTTP route must not start GitHub work for anyone who asks.
 */
public class EvaluateFunction {
    /** The SQS attribute counting deliveries of a message: 1 the first time. */
    static final String RECEIVE_COUNT = "ApproximateReceiveCount";

    @Inject
    SqsConsumer consumer;

    @Inject
    dev.bpkeeper.orchestrate.AppSettings settings;

    @Funq("evaluate")
    public void evaluate(SQSEvent.SQSMessage message) {
        if (!settings.evaluateFunctionEnabled()) {
            throw new IllegalStateException("The evaluate function is disabled here; jobs arrive through the queue");
        }
        consumer.consume(message.getBody(), receiveCount(message), notBefore(message));
    }

    /** The message's not-before attribute (a job waiting longer than SQS can delay it), or null. */
    static String notBefore(SQSEvent.SQSMessage message) {
        SQSEvent.MessageAttribute attribute = message.getMessageAttributes() == null ? null
                : message.getMessageAttributes().get(dev.bpkeeper.queue.SqsJobQueue.NOT_BEFORE);
        return attribute == null ? null : attribute.getStringValue();
    }

    /** The message's receive count; 1 (a first delivery) when SQS did not say, so that nothing is given up early. */
    static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get(RECEIVE_COUNT);
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
