package dev.bpkeeper.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bpkeeper.act.fixup.FixupPublisher;
import dev.bpkeeper.read.RepositoryNames;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a webhook delivery into jobs. Every event GitHub may send an installed app is either handled here or
 * ignored with a reason; nothing is dropped silently.
 */
public final class EventRouter {
    private static final String ZERO_SHA = "0000000000000000000000000000000000000000";
    /** The identifier of the check run button that asks for a fix-up pull request. */
    public static final String OPEN_FIXUP_ACTION = "open-fixup-pr";
    /**
     * The events the App subscribes to (app-manifest.yml's default_events; a test keeps them equal). Installation
     * events and ping are delivered to every App without a subscription, and are handled too.
     */
    public static final List<String> SUBSCRIBED_EVENTS = List.of("push", "pull_request", "check_suite", "check_run",
            "repository");
    private static final Set<String> PULL_REQUEST_ACTIONS = Set.of("opened", "synchronize", "reopened");
    /**
     * The most repositories a delivery's list is taken from. A longer list (an installation on 200,000
     * repositories) becomes one job that pages through the installation's repositories on the API instead, so a
     * delivery never turns into an unbounded number of jobs at once.
     */
    static final int MAX_LISTED_REPOSITORIES = 1000;

    private EventRouter() {
    }

    public static Route route(String event, JsonNode payload, String deliveryId) {
        long installation = payload.path("installation").path("id").asLong(0);
        if (installation == 0 && !event.equals("ping")) {
            return Route.ignore("the delivery names no installation (not sent to a GitHub App)");
        }
        String action = payload.path("action").asText("");
        Route route = switch (event) {
            case "ping" -> Route.ignore("ping");
            case "push" -> push(payload, installation, deliveryId);
            case "pull_request" -> pullRequest(payload, installation, action, deliveryId);
            case "check_suite" -> action.equals("rerequested")
                    ? Route.of(List.of(rerun(payload, installation, payload.path("check_suite"), deliveryId)))
                    : Route.ignore("check_suite " + action + " needs nothing (pushes are evaluated on push)");
            case "check_run" -> checkRun(payload, installation, action, deliveryId);
            case "installation" -> installation(payload, installation, action, deliveryId);
            case "installation_repositories" -> installationRepositories(payload, installation, action, deliveryId);
            case "repository" -> repository(payload, installation, action, deliveryId);
            default -> Route.ignore("the " + event + " event is not used");
        };
        return route.ignored() ? route : withValidNames(route);
    }

    /**
     * Every repository a job names must follow GitHub's naming rules: a signed delivery naming "../../etc/passwd",
     * a NUL or nothing is not GitHub's, and such a name must reach neither the queue, storage nor a log line. The
     * reason does not repeat the name.
     */
    private static Route withValidNames(Route route) {
        for (Job job : route.jobs()) {
            boolean installationWide = job.kind() == Job.Kind.EVALUATE_INSTALLATION
                    || job.kind() == Job.Kind.DELETE_INSTALLATION;
            boolean named = installationWide ? job.repository() == null : RepositoryNames.isFullName(job.repository());
            if (!named || (job.newRepository() != null && !RepositoryNames.isFullName(job.newRepository()))) {
                return Route.refuse("The delivery names a repository that is not a GitHub repository name"
                        + " (owner/repository). " + RepositoryNames.RULES);
            }
        }
        return route;
    }

    private static Route push(JsonNode payload, long installation, String deliveryId) {
        String ref = payload.path("ref").asText("");
        String after = payload.path("after").asText("");
        JsonNode repository = payload.path("repository");
        String defaultBranch = repository.path("default_branch").asText(repository.path("master_branch").asText(""));
        if (ref.startsWith("refs/tags/")) {
            return Route.ignore("a tag push (" + ref + ")");
        }
        if (payload.path("deleted").asBoolean(false) || after.equals(ZERO_SHA) || after.isEmpty()) {
            return Route.ignore("the branch was deleted");
        }
        if (!ref.equals("refs/heads/" + defaultBranch)) {
            return Route.ignore("a push to " + ref + ", not the default branch " + defaultBranch
                    + " (pull request events cover branches under review)");
        }
        Instant commitTime = instant(payload.path("head_commit").path("timestamp"));
        return Route.of(List.of(Job.evaluate(installation, repository.path("full_name").asText(), after,
                commitTime != null ? commitTime : instant(repository.path("pushed_at")), "push", 0, deliveryId)));
    }

    private static Route pullRequest(JsonNode payload, long installation, String action, String deliveryId) {
        JsonNode pull = payload.path("pull_request");
        if (action.equals("closed") && pull.path("head").path("ref").asText("").equals(FixupPublisher.BRANCH)) {
            return Route.of(List.of(new Job(Job.Kind.FIXUP_CLOSED, installation,
                    payload.path("repository").path("full_name").asText(), null, null, "fix-up pull request closed",
                    pull.path("number").asInt(payload.path("number").asInt()), null, deliveryId, 0)));
        }
        if (!PULL_REQUEST_ACTIONS.contains(action)) {
            return Route.ignore("pull_request " + action + " does not change the code");
        }
        JsonNode pr = payload.path("pull_request");
        return Route.of(List.of(Job.evaluate(installation, payload.path("repository").path("full_name").asText(),
                pr.path("head").path("sha").asText(), instant(pr.path("updated_at")), "pull_request",
                pr.path("number").asInt(payload.path("number").asInt()), deliveryId)));
    }

    private static Route checkRun(JsonNode payload, long installation, String action, String deliveryId) {
        if (action.equals("rerequested")) {
            return Route.of(List.of(rerun(payload, installation, payload.path("check_run"), deliveryId)));
        }
        if (action.equals("requested_action")) {
            String identifier = payload.path("requested_action").path("identifier").asText("");
            if (!identifier.equals(OPEN_FIXUP_ACTION)) {
                return Route.ignore("check_run requested_action " + identifier + " is not one of the app's buttons");
            }
            return Route.of(List.of(new Job(Job.Kind.OPEN_FIXUP, installation,
                    payload.path("repository").path("full_name").asText(), null, null, "fix-up requested", 0, null,
                    deliveryId, 0)));
        }
        return Route.ignore("check_run " + action + " needs nothing");
    }

    private static Job rerun(JsonNode payload, long installation, JsonNode check, String deliveryId) {
        return Job.evaluate(installation, payload.path("repository").path("full_name").asText(),
                check.path("head_sha").asText(), null, "rerequested", 0, deliveryId);
    }

    private static Route installation(JsonNode payload, long installation, String action, String deliveryId) {
        return switch (action) {
            case "created", "new_permissions_accepted" ->
                    Route.of(evaluateAll(payload.path("repositories"), installation, "installation " + action,
                            deliveryId));
            // GitHub's unsuspend payload lists no repositories: the job asks the API for them.
            case "unsuspend" -> payload.path("repositories").isEmpty()
                    ? Route.of(List.of(new Job(Job.Kind.EVALUATE_INSTALLATION, installation, null, null, null,
                            "installation unsuspend", 0, null, deliveryId, 0)))
                    : Route.of(evaluateAll(payload.path("repositories"), installation, "installation unsuspend",
                            deliveryId));
            case "deleted" -> Route.of(List.of(new Job(Job.Kind.DELETE_INSTALLATION, installation, null, null, null,
                    "installation deleted", 0, null, deliveryId, 0)));
            default -> Route.ignore("installation " + action + " needs nothing");
        };
    }

    private static Route installationRepositories(JsonNode payload, long installation, String action,
                                                  String deliveryId) {
        if (action.equals("added")) {
            return Route.of(evaluateAll(payload.path("repositories_added"), installation, "repositories added",
                    deliveryId));
        }
        if (action.equals("removed")) {
            List<Job> jobs = new ArrayList<>();
            payload.path("repositories_removed").forEach(r -> jobs.add(new Job(Job.Kind.DELETE_REPOSITORY,
                    installation, r.path("full_name").asText(), null, null, "repository removed", 0, null,
                    deliveryId, 0)));
            return Route.of(jobs);
        }
        return Route.ignore("installation_repositories " + action + " needs nothing");
    }

    private static Route repository(JsonNode payload, long installation, String action, String deliveryId) {
        JsonNode repository = payload.path("repository");
        String fullName = repository.path("full_name").asText();
        return switch (action) {
            case "renamed" -> Route.of(List.of(rename(installation,
                    repository.path("owner").path("login").asText() + "/"
                            + payload.path("changes").path("repository").path("name").path("from").asText(),
                    fullName, deliveryId)));
            case "transferred" -> Route.of(List.of(rename(installation,
                    previousOwner(payload) + "/" + repository.path("name").asText(), fullName, deliveryId)));
            case "deleted" -> Route.of(List.of(new Job(Job.Kind.DELETE_REPOSITORY, installation, fullName, null, null,
                    "repository deleted", 0, null, deliveryId, 0)));
            // Visibility and archiving change what may be shown and whether the project looks maintained.
            case "archived", "unarchived", "privatized", "publicized", "edited" -> Route.of(List.of(Job.evaluate(
                    installation, fullName, null, null, "repository " + action, 0, deliveryId)));
            default -> Route.ignore("repository " + action + " needs nothing");
        };
    }

    private static Job rename(long installation, String from, String to, String deliveryId) {
        return new Job(Job.Kind.RENAME_REPOSITORY, installation, from, null, null, "repository renamed", 0, to,
                deliveryId, 0);
    }

    private static String previousOwner(JsonNode payload) {
        JsonNode from = payload.path("changes").path("owner").path("from");
        return from.path("user").path("login").asText(from.path("organization").path("login").asText(""));
    }

    private static List<Job> evaluateAll(JsonNode repositories, long installation, String trigger, String deliveryId) {
        if (repositories.size() > MAX_LISTED_REPOSITORIES) {
            return List.of(new Job(Job.Kind.EVALUATE_INSTALLATION, installation, null, null, null, trigger, 0, null,
                    deliveryId, 0));
        }
        List<Job> jobs = new ArrayList<>();
        repositories.forEach(r -> jobs.add(Job.evaluate(installation, r.path("full_name").asText(), null, null,
                trigger, 0, deliveryId)));
        return jobs;
    }

    /** GitHub sends times as ISO strings, except in push payloads, where some are epoch seconds. */
    static Instant instant(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return Instant.ofEpochSecond(node.asLong());
            }
            return java.time.OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeException e) {
            // Unparseable or beyond the range of time: a commit time we do not know, not a failed delivery.
            return null;
        }
    }
}
