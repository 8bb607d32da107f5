package dev.bpkeeper.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a request or a repository can put into a log line or onto a terminal, and what arrives there. */
class UntrustedTest {

    static Stream<Arguments> logged() {
        return Stream.of(
                Arguments.of("empty", "", ""),
                Arguments.of("null", null, "null"),
                Arguments.of("a GUID", "72d3162e-cc78-11e3-81ab-4c9367dc0958", "72d3162e-cc78-11e3-81ab-4c9367dc0958"),
                Arguments.of("a forged log line", "x\nFORGED LOG LINE", "x\\nFORGED LOG LINE"),
                Arguments.of("carriage return", "x\r\nINFO y", "x\\r\\nINFO y"),
                Arguments.of("NUL", "a\u0000b", "a\\u0000b"),
                Arguments.of("screen clear", "\u001b[2J", "\\u001b[2J"),
                Arguments.of("C1 CSI", "\u009b31m", "\\u009b31m"),
                Arguments.of("bidi override", "evil\u202Etxt.exe", "evil\\u202etxt.exe"),
                Arguments.of("line separator", "a\u2028b", "a\\u2028b"),
                Arguments.of("a backslash cannot fake an escape", "a\\nb", "a\\\\nb"),
                Arguments.of("unicode letters stay", "café ✓", "café ✓"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logged")
    void givenTextFromARequest_whenLogged_thenItIsOneLineWithNothingATerminalObeys(String name, String text,
            String expected) {
        assertThat(Untrusted.forLog(text)).isEqualTo(expected).doesNotContain("\n", "\r", "\u001b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lengths")
    void givenALongValue_whenLogged_thenItIsCutWithTheCountOfWhatWasLeftOut(String name, int length,
            String suffix) {
        String logged = Untrusted.forLog("x".repeat(length));

        assertThat(logged).hasSizeLessThanOrEqualTo(Untrusted.LOG_LIMIT + 30).endsWith(suffix);
    }

    static Stream<Arguments> lengths() {
        return Stream.of(
                Arguments.of("at the limit", Untrusted.LOG_LIMIT, "x"),
                Arguments.of("one over", Untrusted.LOG_LIMIT + 1, "…(1 more characters)"),
                Arguments.of("a megabyte", 1 << 20, "…(" + ((1 << 20) - Untrusted.LOG_LIMIT) + " more characters)"));
    }

    static Stream<Arguments> printed() {
        return Stream.of(
                Arguments.of("empty", "", ""),
                Arguments.of("lines and tabs stay", "a\n\tb\n", "a\n\tb\n"),
                Arguments.of("backslashes stay", "C:\\src", "C:\\src"),
                Arguments.of("screen clear", "before\u001b[2J\u001b[Hafter", "before\\u001b[2J\\u001b[Hafter"),
                Arguments.of("title change", "\u001b]0;owned\u0007", "\\u001b]0;owned\\u0007"),
                Arguments.of("OSC 8 link", "\u001b]8;;https://evil\u001b\\click\u001b]8;;\u001b\\",
                        "\\u001b]8;;https://evil\\u001b\\click\\u001b]8;;\\u001b\\"),
                Arguments.of("NUL", "a\u0000b", "a\\u0000b"),
                Arguments.of("carriage return overwrites a line", "Met\rUnmet", "Met\\rUnmet"),
                Arguments.of("bidi isolate", "a\u2066b\u2069", "a\\u2066b\\u2069"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printed")
    void givenRepositoryText_whenPrintedOnATerminal_thenEscapeSequencesArePrintedNotObeyed(String name,
            String text, String expected) {
        assertThat(Untrusted.forTerminal(text)).isEqualTo(expected);
    }
}
