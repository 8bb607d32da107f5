package dev.bpkeeper.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Real webhook payloads pointed at a test repository: only the fields that name it are changed. */
public final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    /** GitHub's push example (a new default-branch head, sent to an app installation), for our repository. */
    public static byte[] push(String fullName, String branch, String sha, long installationId, Instant commitTime) {
        ObjectNode payload = read("push/branch-created-with-installation.json");
        payload.put("ref", "refs/heads/" + branch).put("after", sha).put("created", false)
                .put("before", "1111111111111111111111111111111111111111");
        retarget(payload, fullName, branch, installationId);
        ((ObjectNode) payload.path("head_commit")).put("id", sha).put("timestamp", commitTime.toString());
        return bytes(payload);
    }

    /** GitHub's pull_request "opened" example, for our repository and head commit. */
    public static byte[] pullRequestOpened(String fullName, String branch, String headSha, int number,
                                           long installationId) {
        return pullRequest("opened", fullName, branch, headSha, number, installationId);
    }

    /**
     * GitHub's pull_request example for this action ("opened", "synchronize", "reopened"), for our repository and
     * head commit.
     */
    public static byte[] pullRequest(String action, String fullName, String branch, String headSha, int number,
                                     long installationId) {
        ObjectNode payload = read("pull_request/" + action + "-with-installation.json");
        payload.put("number", number);
        retarget(payload, fullName, branch, installationId);
        ObjectNode pr = (ObjectNode) payload.path("pull_request");
        pr.put("number", number);
        ((ObjectNode) pr.path("head")).put("sha", headSha);
        return bytes(payload);
    }

    /** GitHub's pull_request "closed" example (not merged) for a pull request from {@code head}. */
    public static byte[] pullRequestClosed(String fullName, String branch, String head, int number,
                                           long installationId) {
        ObjectNode payload = read("pull_request/closed-not-merged-with-installation.json");
        payload.put("number", number);
        retarget(payload, fullName, branch, installationId);
        ObjectNode pr = (ObjectNode) payload.path("pull_request");
        pr.put("number", number);
        ((ObjectNode) pr.path("head")).put("ref", head);
        return bytes(payload);
    }

    /** GitHub's check_run "requested_action" example: a maintainer pressed one of the check run's buttons. */
    public static byte[] checkRunRequestedAction(String fullName, String branch, String identifier,
                                                 long installationId) {
        ObjectNode payload = read("check_run/requested-action-with-installation-and-organization.json");
        ((ObjectNode) payload.path("requested_action")).put("identifier", identifier);
        retarget(payload, fullName, branch, installationId);
        return bytes(payload);
    }

    /** GitHub's "installation created" example: the app installed on {@code account} for these repositories. */
    public static byte[] installationCreated(long installationId, String account, java.util.List<String> fullNames) {
        ObjectNode payload = read("installation/created.json");
        ObjectNode installation = (ObjectNode) payload.path("installation");
        installation.put("id", installationId);
        ((ObjectNode) installation.path("account")).put("login", account);
        ObjectNode example = (ObjectNode) payload.path("repositories").path(0);
        com.fasterxml.jackson.databind.node.ArrayNode repositories = payload.putArray("repositories");
        for (int i = 0; i < fullNames.size(); i++) {
            String fullName = fullNames.get(i);
            repositories.add(example.deepCopy().put("id", 1_000_000L + i).put("full_name", fullName)
                    .put("name", fullName.substring(fullName.indexOf('/') + 1)));
        }
        return bytes(payload);
    }

    /** GitHub's "installation deleted" example, for our installation. */
    public static byte[] installationDeleted(long installationId) {
        ObjectNode payload = read("installation/deleted.json");
        ((ObjectNode) payload.path("installation")).put("id", installationId);
        return bytes(payload);
    }

    private static void retarget(ObjectNode payload, String fullName, String branch, long installationId) {
        String owner = fullName.substring(0, fullName.indexOf('/'));
        ObjectNode repository = (ObjectNode) payload.path("repository");
        repository.put("full_name", fullName).put("name", fullName.substring(owner.length() + 1))
                .put("default_branch", branch);
        if (repository.has("master_branch")) {
            repository.put("master_branch", branch);
        }
        ((ObjectNode) repository.path("owner")).put("login", owner);
        ((ObjectNode) payload.path("installation")).put("id", installationId);
    }

    private static ObjectNode read(String file) {
        try {
            return (ObjectNode) JSON.readTree(Deliveries.example(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
