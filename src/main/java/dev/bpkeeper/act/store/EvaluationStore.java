package dev.bpkeeper.act.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.report.AssessmentView;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Evaluations in DynamoDB: the latest per repository (what a badge reads, one GetItem) and one per commit (kept
 * for {@link StoreConfig#historyRetention()}). The latest is replaced only by an evaluation at least as far along
 * the default branch ({@link #POSITION}), so evaluations finishing out of order never roll a badge back.
 */
@Singleton
public class EvaluationStore {
    static final String LATEST = "latest";
    private static final String COMMIT = "commit#";
    /**
     * Orders candidates for the latest: when the commit was seen heading the default branch (epoch ms). The branch
     * moves forward in the order GitHub shows its heads, so a head seen later is newer, whatever the commits' own
     * dates say (equal to the second, rebased, or from a skewed clock).
     */
    static final String POSITION = "position";
    /**
     * Marks a latest that no longer stands for a project (a monorepo path taken out of the configuration). It keeps
     * the position of the head that retired it, so a slower evaluation of an older head cannot bring the result
     * back, while a newer head listing the path again replaces it as usual. It carries no installation id, so it
     * drops out of the by-installation index, and it expires with the history.
     */
    static final String RETIRED = "retired";
    private static final String BADGE_ID = "badgeId";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Event<LatestChanged> changes;

    /**
     * Keeps the evaluation of a commit and, if no newer commit was evaluated before, makes it the latest; without
     * knowing when the commit headed the branch, its commit time stands for its position.
     *
     * @return true when it became the latest
     */
    public boolean save(StoredEvaluation evaluation) {
        return save(evaluation, true);
    }

    /**
     * @param latestCandidate false for commits that are not on the default branch (pull request heads): they are
     *        kept in the history only, so a pull request never changes the badge
     */
    public boolean save(StoredEvaluation evaluation, boolean latestCandidate) {
        return save(evaluation, latestCandidate ? Optional.of(evaluation.commitTime()) : Optional.empty());
    }

    /**
     * Keeps the evaluation of a commit and makes it the latest if it was seen heading the default branch no earlier
     * than the latest stored; a slow evaluation of an older head that finishes after a newer one stays in history.
     *
     * @param seenAsHeadAt when the commit was seen heading the default branch; empty when it was not (a pull
     *        request head, a commit the branch had already moved past)
     * @return true when it became the latest
     */
    public boolean save(StoredEvaluation evaluation, Optional<Instant> seenAsHeadAt) {
        Map<String, AttributeValue> item = toItem(evaluation);
        Map<String, AttributeValue> history = new HashMap<>(item);
        history.put(Tables.KEY, s(COMMIT + evaluation.commitSha()));
        history.put(Tables.TTL, n(clock.instant().plus(config.historyRetention()).getEpochSecond()));
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(config.evaluationsTable()).item(history).build());
            if (seenAsHeadAt.isEmpty()) {
                return false;
            }
            item.put(POSITION, n(seenAsHeadAt.get().toEpochMilli()));
            // Items written before positions existed carry only their commit time, which a later head never undercuts.
            dynamo.putItem(PutItemRequest.builder().tableName(config.evaluationsTable()).item(item)
                    .conditionExpression("attribute_not_exists(#repo) OR #position <= :position"
                            + " OR (attribute_not_exists(#position) AND commitTime <= :position)")
                    .expressionAttributeNames(Map.of("#repo", Tables.REPO, "#position", POSITION))
                    .expressionAttributeValues(Map.of(":position", n(seenAsHeadAt.get().toEpochMilli())))
                    .build());
            changes.fire(new LatestChanged(evaluation.repository()));
            return true;
        } catch (ConditionalCheckFailedException newerAlreadyStored) {
            return false;
        } catch (SdkException e) {
            throw new StorageException("Could not store the evaluation of " + evaluation.repository() + "@"
                    + evaluation.commitSha() + ": " + e.getMessage(), e);
        }
    }

    public Optional<StoredEvaluation> latest(String repository) {
        return get(repository, LATEST);
    }

    /**
     * Retires the latest result of each project of a repository (the repository itself, "owner/name", or one of
     * its paths, "owner/name/services/api") that is not among those just evaluated at the default branch's head:
     * its badge and pages then answer as for a project never evaluated, and the organisation page leaves it out.
     * Its history stays until it expires. A project whose latest is from a head seen after this one is kept.
     *
     * @param evaluated the projects evaluated at this head (any case)
     * @param seenAsHeadAt when that head was seen heading the default branch
     * @return the projects retired now
     */
    public List<String> retireOthers(String repository, long installationId, Collection<String> evaluated,
                                     Instant seenAsHeadAt) {
        String root = key(repository);
        Set<String> kept = new HashSet<>();
        evaluated.forEach(p -> kept.add(key(p)));
        List<String> retired = new ArrayList<>();
        try {
            // The index holds one row per stored item (latest and history) of each of the installation's projects.
            List<String> stale = dynamo.queryPaginator(QueryRequest.builder().tableName(config.evaluationsTable())
                            .indexName(Tables.BY_INSTALLATION)
                            .keyConditionExpression("installationId = :id AND begins_with(#repo, :root)")
                            .filterExpression("#key = :latest")
                            .expressionAttributeNames(Map.of("#repo", Tables.REPO, "#key", Tables.KEY))
                            .expressionAttributeValues(Map.of(":id", n(installationId), ":root", s(root),
                                    ":latest", s(LATEST))).build())
                    .items().stream().map(i -> i.get(Tables.REPO).s())
                    .filter(p -> p.equals(root) || p.startsWith(root + "/")).filter(p -> !kept.contains(p))
                    .distinct().toList();
            for (String project : stale) {
                if (retire(project, seenAsHeadAt)) {
                    retired.add(project);
                    changes.fire(new LatestChanged(project));
                }
            }
        } catch (SdkException e) {
            throw new StorageException("Could not retire the results " + repository + " no longer configures: "
                    + e.getMessage(), e);
        }
        return retired;
    }

    private boolean retire(String project, Instant seenAsHeadAt) {
        long position = seenAsHeadAt.toEpochMilli();
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(config.evaluationsTable())
                    .item(Map.of(Tables.REPO, s(project), Tables.KEY, s(LATEST), RETIRED, AttributeValue.fromBool(true),
                            POSITION, n(position),
                            Tables.TTL, n(clock.instant().plus(config.historyRetention()).getEpochSecond())))
                    .conditionExpression("attribute_exists(#repo) AND (#position <= :position"
                            + " OR (attribute_not_exists(#position) AND commitTime <= :position))")
                    .expressionAttributeNames(Map.of("#repo", Tables.REPO, "#position", POSITION))
                    .expressionAttributeValues(Map.of(":position", n(position)))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException newerOrGone) {
            return false;
        }
    }

    /** The commit of the latest evaluation, read without the result itself (cheap enough for every push). */
    public Optional<String> latestCommit(String repository) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                    .tableName(config.evaluationsTable())
                    .key(Map.of(Tables.REPO, s(key(repository)), Tables.KEY, s(LATEST)))
                    .projectionExpression("#commit").expressionAttributeNames(Map.of("#commit", "commit"))
                    .build()).item();
            return item == null || !item.containsKey("commit") ? Optional.empty() : Optional.of(item.get("commit").s());
        } catch (SdkException e) {
            throw new StorageException("Could not read the evaluation of " + repository, e);
        }
    }

    public Optional<StoredEvaluation> atCommit(String repository, String commitSha) {
        return get(repository, COMMIT + commitSha);
    }

    /**
     * The latest evaluations of several repositories (the org page), read 100 at a time; repositories never
     * evaluated are simply absent from the answer.
     */
    public List<StoredEvaluation> latestOf(List<String> repositories) {
        List<StoredEvaluation> found = new ArrayList<>();
        List<String> keys = repositories.stream().map(EvaluationStore::key).distinct().toList();
        try {
            for (int i = 0; i < keys.size(); i += 100) {
                List<Map<String, AttributeValue>> wanted = keys.subList(i, Math.min(keys.size(), i + 100)).stream()
                        .map(k -> Map.of(Tables.REPO, s(k), Tables.KEY, s(LATEST))).toList();
                Map<String, KeysAndAttributes> pending = Map.of(config.evaluationsTable(),
                        KeysAndAttributes.builder().keys(wanted).build());
                while (!pending.isEmpty()) {
                    Map<String, KeysAndAttributes> ask = pending;
                    BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
                    response.responses().getOrDefault(config.evaluationsTable(), List.of()).stream()
                            .filter(item -> !item.containsKey(RETIRED)).forEach(item -> found.add(fromItem(item)));
                    pending = response.unprocessedKeys();
                }
            }
        } catch (SdkException e) {
            throw new StorageException("Could not read the evaluations of " + repositories.size() + " repositories", e);
        }
        return found;
    }

    /** Every repository with a stored evaluation for an installation (for the org page and uninstalls). */
    public List<String> repositoriesOf(long installationId) {
        try {
            return dynamo.queryPaginator(QueryRequest.builder().tableName(config.evaluationsTable())
                            .indexName(Tables.BY_INSTALLATION).keyConditionExpression("installationId = :id")
                            .expressionAttributeValues(Map.of(":id", n(installationId))).build())
                    .items().stream().map(i -> i.get(Tables.REPO).s()).distinct().toList();
        } catch (SdkException e) {
            throw new StorageException("Could not list the repositories of installation " + installationId, e);
        }
    }

    /** Forgets a repository entirely (deleted, or its installation removed). */
    public void deleteRepository(String repository) {
        try {
            List<Map<String, AttributeValue>> keys = dynamo.queryPaginator(QueryRequest.builder()
                            .tableName(config.evaluationsTable()).keyConditionExpression("#repo = :repo")
                            .expressionAttributeValues(Map.of(":repo", s(key(repository))))
                            .projectionExpression("#repo, #key")
                            .expressionAttributeNames(Map.of("#repo", Tables.REPO, "#key", Tables.KEY)).build())
                    .items().stream().toList();
            for (int i = 0; i < keys.size(); i += 25) {
                List<WriteRequest> batch = keys.subList(i, Math.min(keys.size(), i + 25)).stream()
                        .map(k -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build()).build())
                        .toList();
                dynamo.batchWriteItem(b -> b.requestItems(Map.of(config.evaluationsTable(), batch)));
            }
            changes.fire(new LatestChanged(repository));
        } catch (SdkException e) {
            throw new StorageException("Could not delete the evaluations of " + repository, e);
        }
    }

    private Optional<StoredEvaluation> get(String repository, String key) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                    .tableName(config.evaluationsTable())
                    .key(Map.of(Tables.REPO, s(key(repository)), Tables.KEY, s(key))).build()).item();
            return item == null || item.isEmpty() || item.containsKey(RETIRED) ? Optional.empty()
                    : Optional.of(fromItem(item));
        } catch (SdkException e) {
            throw new StorageException("Could not read the evaluation of " + repository, e);
        }
    }

    /** Repository names are case-insensitive on GitHub. */
    static String key(String repository) {
        return repository.toLowerCase(Locale.ROOT);
    }

    private Map<String, AttributeValue> toItem(StoredEvaluation e) {
        byte[] view = gzip(e.view());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.REPO, s(key(e.repository())));
        item.put(Tables.KEY, s(LATEST));
        item.put("repository", s(e.repository()));
        item.put(Tables.INSTALLATION_ID, n(e.installationId()));
        item.put("commit", s(e.commitSha()));
        item.put("commitTime", n(e.commitTime().toEpochMilli()));
        item.put("evaluatedAt", s(e.evaluatedAt().toString()));
        item.put("private", AttributeValue.fromBool(e.privateRepository()));
        if (e.checkRunUrl() != null) {
            item.put("checkRunUrl", s(e.checkRunUrl()));
        }
        item.put("badge", s(e.view().badge().label()));
        item.put("baselineBadge", s(e.view().baseline_badge().label()));
        item.put("view", AttributeValue.fromB(SdkBytes.fromByteArray(view)));
        e.badgeId().ifPresent(id -> item.put(BADGE_ID, n(id)));
        // The pages show the badge id's edit links, so a new id is a new version of them.
        item.put("etag", s(sha256(e.badgeId().map(id -> concat(view, ("#" + id).getBytes(StandardCharsets.UTF_8)))
                .orElse(view))));
        return item;
    }

    private StoredEvaluation fromItem(Map<String, AttributeValue> item) {
        AttributeValue checkRun = item.get("checkRunUrl");
        return new StoredEvaluation(item.get("repository").s(), Long.parseLong(item.get(Tables.INSTALLATION_ID).n()),
                item.get("commit").s(), Instant.ofEpochMilli(Long.parseLong(item.get("commitTime").n())),
                Instant.parse(item.get("evaluatedAt").s()), item.get("private").bool(),
                checkRun == null ? null : checkRun.s(), gunzip(item.get("view").b().asByteArray()),
                item.get("etag").s(), Optional.ofNullable(item.get(BADGE_ID)).map(id -> Long.parseLong(id.n())));
    }

    private byte[] gzip(AssessmentView view) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private AssessmentView gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return json.readValue(in, AssessmentView.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored evaluation could not be read", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
