package dev.bpkeeper.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;

/** Reads may be resent by the layers below; a write whose answer was lost must reach the caller as a plain failure. */
class WritesSentOnceTest {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"POST, reset", "PATCH, reset", "PUT, timeout", "DELETE, timeout"})
    void aWriteThatLostItsAnswerFailsWithAnErrorHub4jDoesNotResend(String method, String failure) {
        List<String> sentTo = new ArrayList<>();
        WritesSentOnce connector = new WritesSentOnce(failing(sentTo, "reads", failure),
                failing(sentTo, "writes", failure));

        assertThatThrownBy(() -> connector.send(request(method)))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(SocketException.class).isNotInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("not sent again").hasCauseInstanceOf(failure.equals("reset")
                        ? SocketException.class : SocketTimeoutException.class);
        assertThat(sentTo).containsExactly("writes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GET", "HEAD"})
    void aReadGoesToTheConnectorThatMayResendAndItsFailureIsUntouched(String method) {
        List<String> sentTo = new ArrayList<>();
        WritesSentOnce connector = new WritesSentOnce(failing(sentTo, "reads", "reset"),
                failing(sentTo, "writes", "reset"));

        assertThatThrownBy(() -> connector.send(request(method))).isInstanceOf(SocketException.class);
        assertThat(sentTo).containsExactly("reads");
    }

    private static GitHubConnector failing(List<String> sentTo, String name, String failure) {
        return request -> {
            sentTo.add(name);
            throw failure.equals("reset") ? new SocketException("Connection reset")
                    : new SocketTimeoutException("timeout");
        };
    }

    private static GitHubConnectorRequest request(String method) {
        return new GitHubConnectorRequest() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public Map<String, List<String>> allHeaders() {
                return Map.of();
            }

            @Override
            public String header(String name) {
                return null;
            }

            @Override
            public String contentType() {
                return "application/json";
            }

            @Override
            public InputStream body() {
                return InputStream.nullInputStream();
            }

            @Override
            public URL url() {
                try {
                    return new URL("https://api.github.com/repos/acme/widget/check-runs");
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean hasBody() {
                return true;
            }
        };
    }
}
