package dev.bpkeeper.testing.fakegithub;

import java.util.Map;

/**
 * One request as the fake saw it and answered it.
 *
 * @param status        the status sent, or -1 when the connection was reset on purpose
 * @param notModified   a conditional GET answered with 304
 * @param installationId the installation whose token authenticated the call, or null
 * @param appJwt        authenticated as the app itself (JWT), which GitHub does not bill to an installation
 * @param fault         the injected fault that shaped the answer, or null
 * @param headers       request headers, names in lower case, first value only
 */
public record RecordedRequest(String method, String path, String query, int status, boolean notModified,
        Long installationId, boolean appJwt, String fault, Map<String, String> headers, String body) {

    /**
     * Billed against an installation's rate limit, as GitHub counts: a token call that got an answer other than 304,
     * except {@code /rate_limit}, which GitHub does not count.
     */
    public boolean billed() {
        return installationId != null && !notModified && status != -1 && !path.equals("/rate_limit");
    }
}
