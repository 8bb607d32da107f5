package dev.bpkeeper.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.testing.DynamoDbLocalResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A client that opens a connection and stops sending (half a request line, or half the headers) is disconnected,
 * instead of holding a connection for ever. This test shortens the timeout to a second; the shipped one is 30 s.
 */
@QuarkusTest
@TestProfile(SlowClientTest.ShortTimeout.class)
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SlowClientTest {

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "1S");
        }
    }

    @Test
    void givenAClientThatStopsHalfwayThroughItsHeaders_thenTheServerClosesTheConnection() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("GET /badge/acme/widget.svg HTTP/1.1\r\nHost: local"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long started = System.nanoTime();

            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                read = -2;
            } catch (IOException e) {
                read = -1;
            }

            assertThat(read).as("the connection was closed, not left open").isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void theShippedTimeoutsAreSecondsNotQuarkussHalfHour() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }

        assertThat(Duration.parse("PT" + shipped.getProperty("quarkus.http.idle-timeout")))
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(Duration.parse("PT" + shipped.getProperty("quarkus.http.read-timeout")))
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
    }
}
