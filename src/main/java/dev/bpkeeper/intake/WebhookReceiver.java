package dev.bpkeeper.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.store.DeliveryLog;
import dev.bpkeeper.act.store.InstallationStore;
import dev.bpkeeper.act.store.StorageException;
import dev.bpkeeper.github.GitHubConfig;
import dev.bpkeeper.queue.JobQueue;
import dev.bpkeeper.text.Untrusted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The whole of receiving a webhook, independent of how it arrived (local HTTP or API Gateway): check the size
 * and signature before reading anything, validate, route, drop duplicates, queue, answer. It never evaluates:
 * GitHub gives up after 10 seconds.
 */
@ApplicationScoped
public class WebhookReceiver {
    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class);
    /** GitHub caps payloads at 25 MB; anything larger is not from GitHub. */
    public static final long MAX_BODY_BYTES = 25L * 1024 * 1024;
    /** What a delivery that is not JSON is told. */
    public static final String JSON_ONLY = "Configure the webhook with content type application/json.";
    /** GitHub's delivery ids are GUIDs; anything much longer is not from GitHub (and no storage key). */
    static final int MAX_DELIVERY_ID_LENGTH = 100;
    /** A delivery id travels in jobs, keys and log lines: no spaces, no controls, nothing beyond ASCII. */
    private static final java.util.regex.Pattern VISIBLE_ASCII = java.util.regex.Pattern.compile("[!-~]+");

    @Inject
    GitHubConfig github;

    @Inject
    DeliveryLog deliveries;

    @Inject
    JobQueue queue;

    @Inject
    InstallationStore installations;

    @Inject
    ObjectMapper json;

    public Reply receive(Map<String, String> rawHeaders, byte[] body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(rawHeaders);
        if (body.length > MAX_BODY_BYTES) {
            return Reply.rejected(413, "The body is larger than GitHub's 25 MB limit.");
        }
        if (github.webhookSecret().isEmpty()) {
            return Reply.rejected(503, "The webhook secret is not configured (github.webhook-secret).");
        }
        String signature = headers.get("X-Hub-Signature-256");
        if (signature == null) {
            return Reply.rejected(401, "Missing X-Hub-Signature-256.");
        }
        if (!new SignatureVerifier(github.webhookSecret().get()).verify(body, signature)) {
            LOG.warnf("Rejected a webhook with an invalid signature (delivery %s)",
                    Untrusted.forLog(headers.get("X-GitHub-Delivery")));
            return Reply.rejected(401, "The signature does not match the body.");
        }
        String event = headers.get("X-GitHub-Event");
        String delivery = headers.get("X-GitHub-Delivery");
        if (event == null || event.isBlank() || delivery == null || delivery.isBlank()) {
            return Reply.rejected(400, "Missing X-GitHub-Event or X-GitHub-Delivery.");
        }
        if (delivery.length() > MAX_DELIVERY_ID_LENGTH) {
            return Reply.rejected(400, "X-GitHub-Delivery is longer than " + MAX_DELIVERY_ID_LENGTH
                    + " characters; GitHub sends a GUID.");
        }
        if (!VISIBLE_ASCII.matcher(delivery).matches()) {
            return Reply.rejected(400, "X-GitHub-Delivery has characters other than visible ASCII; GitHub sends a"
                    + " GUID.");
        }
        String contentType = headers.getOrDefault("Content-Type", "application/json");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return Reply.rejected(415, JSON_ONLY);
        }
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Reply.rejected(400, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return Reply.rejected(400, "The body could not be read as JSON.");
        }
        if (payload == null || !payload.isObject()) {
            return Reply.rejected(400, "The body is not a JSON object.");
        }
        Route route = EventRouter.route(event, payload, delivery);
        if (route.refused()) {
            LOG.warnf("Refused %s delivery %s: %s", Untrusted.forLog(event), Untrusted.forLog(delivery),
                    route.refusedBecause());
            return Reply.rejected(400, route.refusedBecause());
        }
        if (route.ignored()) {
            LOG.debugf("Ignored %s delivery %s: %s", Untrusted.forLog(event), Untrusted.forLog(delivery),
                    Untrusted.forLog(route.ignoredBecause()));
            return new Reply(200, "ignored", "Ignored: " + route.ignoredBecause() + ".", 0);
        }
        try {
            if (!deliveries.firstTime(delivery, event,
                    queue.keepsJobsAcrossRestarts() ? java.util.List.of() : route.jobs())) {
                return new Reply(200, "duplicate", "Delivery " + delivery + " was already received.", 0);
            }
        } catch (StorageException e) {
            LOG.errorf("Cannot record delivery %s, asking GitHub to redeliver: %s", Untrusted.forLog(delivery),
                    e.getMessage());
            return Reply.rejected(503, "Storage is unavailable; the delivery was not accepted. Redeliver it later.");
        }
        try {
            startBurst(payload, route, delivery);
        } catch (StorageException e) {
            forgetQuietly(delivery);
            LOG.errorf("Cannot record installation progress for delivery %s, asking GitHub to redeliver: %s",
                    Untrusted.forLog(delivery), e.getMessage());
            return Reply.rejected(503, "Storage is unavailable; the delivery was not accepted. Redeliver it later.");
        }
        try {
            queue.submit(route.jobs());
        } catch (JobQueue.QueueUnavailableException e) {
            forgetQuietly(delivery);
            LOG.errorf("Cannot queue delivery %s: %s", Untrusted.forLog(delivery), e.getMessage());
            return Reply.rejected(503, "The work queue is unavailable; the delivery was not accepted.");
        }
        LOG.infof("Accepted %s delivery %s: %d job(s)", Untrusted.forLog(event), Untrusted.forLog(delivery),
                route.jobs().size());
        return new Reply(202, "queued", route.jobs().size() + " job(s) queued.", route.jobs().size());
    }

    /** Evaluations of a whole installation are followed (progress in the logs and on the org page). */
    private void startBurst(JsonNode payload, Route route, String delivery) {
        java.util.List<Job> burst = route.jobs().stream().filter(Job::inInstallationBurst).toList();
        if (burst.isEmpty()) {
            return;
        }
        String repository = burst.get(0).repository();
        String account = payload.path("installation").path("account").path("login")
                .asText(repository.substring(0, Math.max(0, repository.indexOf('/'))));
        installations.startBurst(burst.get(0).installationId(), account, burst.size(), delivery);
        LOG.infof("installation %d: 0/%d evaluated, starting", burst.get(0).installationId(), burst.size());
    }

    private void forgetQuietly(String delivery) {
        try {
            deliveries.forget(delivery);
        } catch (StorageException e) {
            LOG.errorf("Delivery %s stays marked as received although it was not queued: %s",
                    Untrusted.forLog(delivery), e.getMessage());
        }
    }

    /** The answer to GitHub: a status and a short JSON body that shows in the delivery log. */
    public record Reply(int status, String outcome, String message, int jobs) {
        static Reply rejected(int status, String message) {
            return new Reply(status, "rejected", message, 0);
        }
    }
}
