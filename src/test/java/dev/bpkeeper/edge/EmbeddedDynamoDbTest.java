package dev.bpkeeper.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded DynamoDB Local authenticates no one, so it must be reachable from this machine only: a neighbour on
 * the network who reaches its port could read private repositories' results, forge them or delete them.
 */
class EmbeddedDynamoDbTest {

    @Test
    void givenTheEmbeddedDatabase_whenStarted_thenItListensOnLoopbackOnly() throws Exception {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(0, null)) {
            int port = URI.create(db.endpoint()).getPort();

            assertThat(listeningAddresses(port)).as("local addresses listening on port %d (from /proc/net/tcp*)",
                    port).isNotEmpty().allSatisfy(address -> assertThat(address.isLoopbackAddress())
                            .as("%s is loopback", address).isTrue());
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
            for (InetAddress outside : nonLoopbackAddresses()) {
                assertThat(connects(outside, port)).as("reachable on %s", outside).isFalse();
            }
        }
    }

    @Test
    void givenTwoStarts_thenEachHasItsOwnMadeUpAccessKey() {
        try (EmbeddedDynamoDb first = EmbeddedDynamoDb.start(0, null);
                EmbeddedDynamoDb second = EmbeddedDynamoDb.start(0, null)) {
            assertThat(first.accessKeyId()).matches("[A-Za-z0-9]{20}").isNotEqualTo(second.accessKeyId())
                    .isNotEqualTo("local");
            assertThat(first.secretAccessKey()).hasSize(40).isNotEqualTo(second.secretAccessKey());
        }
    }

    /** What `ss -ltn` shows: the local address of every listening socket on that port. */
    private static List<InetAddress> listeningAddresses(int port) throws IOException {
        assumeThat(Files.isReadable(Path.of("/proc/net/tcp"))).as("a Linux /proc").isTrue();
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                String[] local = columns[1].split(":");
                boolean listening = columns[3].equals("0A");
                if (listening && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** /proc/net/tcp writes addresses as host-order 32-bit words in hex. */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                Collections.list(network.getInetAddresses()).stream().filter(Inet4Address.class::isInstance)
                        .forEach(addresses::add);
            }
        }
        return addresses;
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
