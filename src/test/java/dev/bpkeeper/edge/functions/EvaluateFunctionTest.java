package dev.bpkeeper.edge.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The receive count the evaluate function reads from an SQS message to know a job's last try. */
class EvaluateFunctionTest {

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("first delivery", Map.of("ApproximateReceiveCount", "1"), 1),
                Arguments.of("sixth delivery", Map.of("ApproximateReceiveCount", "6"), 6),
                Arguments.of("spaces around the number", Map.of("ApproximateReceiveCount", " 3 "), 3),
                Arguments.of("no attributes at all", null, 1),
                Arguments.of("empty attributes", Map.of(), 1),
                Arguments.of("not a number", Map.of("ApproximateReceiveCount", "many"), 1),
                Arguments.of("zero", Map.of("ApproximateReceiveCount", "0"), 1),
                Arguments.of("negative", Map.of("ApproximateReceiveCount", "-4"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void givenAMessage_whenItsReceiveCountIsRead_thenAnUnknownOrNonsensicalCountIsAFirstDelivery(String name,
            Map<String, String> attributes, int expected) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setAttributes(attributes == null ? null : new HashMap<>(attributes));

        assertThat(EvaluateFunction.receiveCount(message)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void givenAMessageWithOrWithoutANotBeforeAttribute_thenItsValueIsReadOrNull() {
        SQSEvent.SQSMessage plain = new SQSEvent.SQSMessage();
        SQSEvent.SQSMessage waiting = new SQSEvent.SQSMessage();
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setStringValue("2026-12-04T11:00:00Z");
        attribute.setDataType("String");
        waiting.setMessageAttributes(Map.of("bpkeeper-not-before", attribute));

        assertThat(EvaluateFunction.notBefore(plain)).isNull();
        assertThat(EvaluateFunction.notBefore(waiting)).isEqualTo("2026-12-04T11:00:00Z");
    }
}
