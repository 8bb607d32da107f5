package dev.bpkeeper.github;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends a write (POST, PATCH, PUT, DELETE) exactly once. When its answer is lost (the connection drops or times out
 * after the request left), GitHub may well have done it: a blind resend by the HTTP client or by hub4j (which
 * resends on socket errors) would create a second check run. The failure goes up instead, and the job's retry
 * first looks for what the lost attempt made (a check run by its external id, the fix-up branch by its name).
 * Reads keep their transparent resends, which are harmless.
 */
public final class WritesSentOnce implements GitHubConnector {
    private final GitHubConnector reads;
    private final GitHubConnector writes;

    /**
     * @param reads used for GET and HEAD, may resend
     * @param writes used for everything else; must not resend on its own (OkHttp: retryOnConnectionFailure off)
     */
    public WritesSentOnce(GitHubConnector reads, GitHubConnector writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        if (isRead(request.method())) {
            return reads.send(request);
        }
        try {
            return writes.send(request);
        } catch (SocketException | SocketTimeoutException e) {
            // hub4j resends on exactly these two; any other IOException reaches the caller as it is.
            throw new IOException("no answer to " + request.method() + " " + request.url().getPath()
                    + " (not sent again: GitHub may have done it)", e);
        }
    }

    static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }
}
