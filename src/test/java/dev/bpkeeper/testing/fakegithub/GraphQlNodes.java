package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fake's repositories as GraphQL objects (see {@link GraphQlSchema}): maps keyed by GitHub's field names, with
 * the values GitHub would give. Only what the schema declares can come out, so a key here that GitHub lacks is
 * never seen, and a field GitHub has that is not here is reported as not served.
 */
final class GraphQlNodes {
    private GraphQlNodes() {
    }

    static Map<String, Object> repository(FakeRepository repo, String baseUrl) {
        Map<String, Object> json = node("Repository", "R_" + repo.id());
        json.put("databaseId", repo.id());
        json.put("name", repo.name());
        json.put("nameWithOwner", repo.fullName());
        Map<String, Object> owner = node("Organization", "O_" + repo.owner());
        owner.put("login", repo.owner());
        owner.put("url", "https://github.com/" + repo.owner());
        json.put("owner", owner);
        json.put("url", "https://github.com/" + repo.fullName());
        json.put("description", repo.descriptionText());
        json.put("homepageUrl", repo.homepageUrl());
        json.put("isPrivate", repo.isPrivate());
        json.put("visibility", repo.isPrivate() ? "PRIVATE" : "PUBLIC");
        json.put("isArchived", repo.isArchived());
        json.put("isFork", repo.isFork());
        json.put("hasIssuesEnabled", repo.issuesEnabled());
        json.put("hasDiscussionsEnabled", repo.discussionsEnabled());
        json.put("webCommitSignoffRequired", repo.signoffRequired());
        json.put("pushedAt", repo.pushedAt().toString());
        json.put("licenseInfo", repo.licenseSpdxId() == null ? null : license(repo.licenseSpdxId()));
        json.put("defaultBranchRef", locked(repo, env -> ref(repo, "refs/heads/" + repo.defaultBranchName(), baseUrl)
                .orElse(null)));
        json.put("languages", locked(repo, env -> languages(repo)));
        json.put("object", locked(repo, env -> object(repo, env)));
        json.put("refs", locked(repo, env -> refs(repo, env, baseUrl)));
        json.put("releases", locked(repo, env -> releases(repo, env)));
        return json;
    }

    /** The repository's state is read under its lock, as REST handlers read it. */
    private static DataFetcher<Object> locked(FakeRepository repo, DataFetcher<Object> fetcher) {
        return env -> {
            synchronized (repo) {
                return fetcher.get(env);
            }
        };
    }

    private static Map<String, Object> node(String type, String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("__typename", type);
        json.put("id", id);
        return json;
    }

    private static Map<String, Object> license(String spdxId) {
        Map<String, Object> json = node("License", "L_" + spdxId);
        json.put("spdxId", spdxId);
        json.put("key", spdxId.toLowerCase(Locale.ROOT));
        json.put("name", spdxId);
        return json;
    }

    private static Map<String, Object> languages(FakeRepository repo) {
        List<Object> edges = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> language : repo.languageBytes().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("size", language.getValue());
            Map<String, Object> node = node("Language", "LA_" + language.getKey());
            node.put("name", language.getKey());
            edge.put("node", node);
            edges.add(edge);
            total += language.getValue();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edges", edges);
        json.put("totalCount", edges.size());
        json.put("totalSize", total);
        return json;
    }

    // ---- git objects ----

    /** {@code object(expression: "<rev>:<path>")} or {@code object(oid:)}: null when it does not exist, as on GitHub. */
    private static Object object(FakeRepository repo, DataFetchingEnvironment env) {
        String oid = env.getArgument("oid");
        if (oid != null) {
            return gitObject(repo, oid).orElse(null);
        }
        String expression = env.getArgument("expression");
        if (expression == null) {
            return null;
        }
        int colon = expression.indexOf(':');
        String rev = colon < 0 ? expression : expression.substring(0, colon);
        Optional<String> commit = repo.git.resolveCommit(rev.equals("HEAD") ? repo.defaultBranchName() : rev);
        if (colon < 0) {
            return commit.flatMap(sha -> gitObject(repo, sha)).orElse(null);
        }
        String path = FakeRepository.normalise(expression.substring(colon + 1));
        if (repo.readFails(path)) {
            return GraphQlSchema.nullWithError(env, null, "Something went wrong while executing your query. This may"
                    + " be the result of a timeout, or it could be a GitHub bug.");
        }
        return commit.flatMap(repo.git::commit).flatMap(c -> repo.git.lookup(c.tree(), path))
                .map(entry -> entry.type().equals("blob") ? blob(repo, path, entry.sha()) : tree(repo, path, entry.sha()))
                .orElse(null);
    }

    private static Optional<Map<String, Object>> gitObject(FakeRepository repo, String sha) {
        Optional<GitObjects.TagObject> tag = repo.git.tagObject(sha);
        if (tag.isPresent()) {
            Map<String, Object> json = gitNode("Tag", sha);
            json.put("name", tag.get().name());
            json.put("message", tag.get().message());
            json.put("target", gitObject(repo, tag.get().object()).orElse(null));
            Map<String, Object> tagger = new LinkedHashMap<>();
            tagger.put("name", "Fake Tagger");
            tagger.put("email", "tagger@example.com");
            tagger.put("date", tag.get().date().toString());
            json.put("tagger", tagger);
            return Optional.of(json);
        }
        return repo.git.commit(sha).map(c -> {
            Map<String, Object> json = gitNode("Commit", sha);
            json.put("committedDate", c.date().toString());
            json.put("authoredDate", c.date().toString());
            json.put("message", c.message());
            return json;
        });
    }

    private static Map<String, Object> gitNode(String type, String sha) {
        Map<String, Object> json = node(type, type.charAt(0) + "_" + sha);
        json.put("oid", sha);
        json.put("abbreviatedOid", sha.substring(0, 7));
        return json;
    }

    private static Map<String, Object> blob(FakeRepository repo, String path, String sha) {
        byte[] content = repo.git.blob(sha).orElse(new byte[0]);
        boolean binary = repo.isBinary(path, content);
        Map<String, Object> json = gitNode("Blob", sha);
        json.put("text", binary ? null : new String(content, StandardCharsets.UTF_8));
        json.put("isBinary", binary);
        json.put("byteSize", content.length);
        json.put("isTruncated", false);
        return json;
    }

    private static Map<String, Object> tree(FakeRepository repo, String path, String sha) {
        Map<String, Object> json = gitNode("Tree", sha);
        List<Object> entries = new ArrayList<>();
        for (GitObjects.TreeEntry child : repo.git.tree(sha).orElse(List.of())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", child.name());
            entry.put("path", path.isEmpty() ? child.name() : path + "/" + child.name());
            entry.put("type", child.type());
            entry.put("oid", child.sha());
            entry.put("mode", Integer.parseInt(child.mode(), 8));
            entries.add(entry);
        }
        json.put("entries", entries);
        return json;
    }

    // ---- refs, and the rules that apply to a branch ----

    private static Optional<Map<String, Object>> ref(FakeRepository repo, String fullRef, String baseUrl) {
        String target = repo.git.refs().get(fullRef);
        if (target == null) {
            return Optional.empty();
        }
        int cut = fullRef.startsWith("refs/heads/") ? "refs/heads/".length()
                : fullRef.startsWith("refs/tags/") ? "refs/tags/".length() : fullRef.lastIndexOf('/') + 1;
        Map<String, Object> json = node("Ref", "REF_" + fullRef);
        json.put("name", fullRef.substring(cut));
        json.put("prefix", fullRef.substring(0, cut));
        json.put("target", gitObject(repo, target).orElse(null));
        String branch = fullRef.substring(cut);
        json.put("rules", (DataFetcher<Object>) env -> connection(repo.rulesFor(branch).stream()
                .map(GraphQlNodes::rule).toList(), env));
        json.put("refUpdateRule", RepositoryRoutes.protection(repo, branch, baseUrl)
                .map(p -> refUpdateRule(branch, p)).orElse(null));
        return Optional.of(json);
    }

    private static Map<String, Object> refs(FakeRepository repo, DataFetchingEnvironment env, String baseUrl) {
        String prefix = env.getArgument("refPrefix");
        Map<String, Object> order = env.getArgument("orderBy");
        Comparator<Map<String, Object>> byName = Comparator.comparing(r -> r.get("name").toString());
        Comparator<Map<String, Object>> sort = order != null && "TAG_COMMIT_DATE".equals(order.get("field"))
                ? Comparator.comparing(r -> commitDate(repo, r)) : byName;
        if (order != null && "DESC".equals(order.get("direction"))) {
            sort = sort.reversed();
        }
        List<Map<String, Object>> refs = repo.git.refs().keySet().stream().filter(r -> r.startsWith(prefix))
                .map(r -> ref(repo, r, baseUrl).orElseThrow()).sorted(sort).toList();
        return connection(refs, env);
    }

    private static String commitDate(FakeRepository repo, Map<String, Object> ref) {
        String target = repo.git.refs().get(ref.get("prefix").toString() + ref.get("name"));
        String commit = repo.git.tagObject(target).map(GitObjects.TagObject::object).orElse(target);
        return repo.git.commit(commit).map(c -> c.date().toString()).orElse("");
    }

    /** A rule as {@code Ref.rules} lists it, from the REST shape of {@code GET .../rules/branches/{branch}}. */
    private static Map<String, Object> rule(JsonNode rest) {
        Map<String, Object> json = node("RepositoryRule", "RR_" + rest.path("ruleset_id").asText() + "_"
                + rest.path("type").asText());
        json.put("type", rest.path("type").asText().toUpperCase(Locale.ROOT));
        json.put("repositoryRuleset", null);
        JsonNode p = rest.path("parameters");
        Map<String, Object> parameters = null;
        switch (rest.path("type").asText()) {
            case "pull_request" -> {
                parameters = new LinkedHashMap<>();
                parameters.put("__typename", "PullRequestParameters");
                parameters.put("requiredApprovingReviewCount", p.path("required_approving_review_count").asInt());
                parameters.put("dismissStaleReviewsOnPush", p.path("dismiss_stale_reviews_on_push").asBoolean());
                parameters.put("requireCodeOwnerReview", p.path("require_code_owner_review").asBoolean());
                parameters.put("requireLastPushApproval", p.path("require_last_push_approval").asBoolean());
                parameters.put("requiredReviewThreadResolution",
                        p.path("required_review_thread_resolution").asBoolean());
                parameters.put("allowedMergeMethods", List.of("MERGE", "SQUASH", "REBASE"));
            }
            case "required_status_checks" -> {
                parameters = new LinkedHashMap<>();
                parameters.put("__typename", "RequiredStatusChecksParameters");
                List<Object> checks = new ArrayList<>();
                p.path("required_status_checks").forEach(c -> {
                    Map<String, Object> check = new LinkedHashMap<>();
                    check.put("context", c.path("context").asText());
                    check.put("integrationId", c.hasNonNull("integration_id") ? c.get("integration_id").asInt() : null);
                    checks.add(check);
                });
                parameters.put("requiredStatusChecks", checks);
                parameters.put("strictRequiredStatusChecksPolicy",
                        p.path("strict_required_status_checks_policy").asBoolean());
                parameters.put("doNotEnforceOnCreate", p.path("do_not_enforce_on_create").asBoolean());
            }
            case "update" -> {
                parameters = new LinkedHashMap<>();
                parameters.put("__typename", "UpdateParameters");
                parameters.put("updateAllowsFetchAndMerge", p.path("update_allows_fetch_and_merge").asBoolean());
            }
            default -> {
                // rules without parameters (deletion, non_fast_forward, required_signatures ...)
            }
        }
        json.put("parameters", parameters);
        return json;
    }

    /** Classic branch protection as non-admins see it ({@code Ref.refUpdateRule}), from its REST shape. */
    private static Map<String, Object> refUpdateRule(String branch, JsonNode rest) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pattern", branch);
        json.put("allowsDeletions", rest.path("allow_deletions").path("enabled").asBoolean());
        json.put("allowsForcePushes", rest.path("allow_force_pushes").path("enabled").asBoolean());
        json.put("blocksCreations", rest.path("block_creations").path("enabled").asBoolean());
        JsonNode reviews = rest.path("required_pull_request_reviews");
        json.put("requiredApprovingReviewCount", reviews.isObject()
                ? reviews.path("required_approving_review_count").asInt() : null);
        json.put("requiresCodeOwnerReviews", reviews.path("require_code_owner_reviews").asBoolean());
        JsonNode checks = rest.path("required_status_checks");
        List<Object> contexts = new ArrayList<>();
        checks.path("contexts").forEach(c -> contexts.add(c.asText()));
        json.put("requiredStatusCheckContexts", checks.isObject() ? contexts : null);
        json.put("requiresConversationResolution",
                rest.path("required_conversation_resolution").path("enabled").asBoolean());
        json.put("requiresLinearHistory", rest.path("required_linear_history").path("enabled").asBoolean());
        json.put("requiresSignatures", rest.path("required_signatures").path("enabled").asBoolean());
        json.put("viewerAllowedToDismissReviews", false);
        json.put("viewerCanPush", true);
        return json;
    }

    // ---- releases ----

    private static Map<String, Object> releases(FakeRepository repo, DataFetchingEnvironment env) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<FakeRepository.Release> newestFirst = new ArrayList<>(repo.releaseList());
        java.util.Collections.reverse(newestFirst);
        for (FakeRepository.Release release : newestFirst) {
            Map<String, Object> json = node("Release", "RE_" + release.id());
            json.put("databaseId", release.id());
            json.put("tagName", release.tag());
            json.put("name", release.name());
            json.put("description", release.body());
            json.put("isDraft", false);
            json.put("isPrerelease", false);
            json.put("isLatest", nodes.isEmpty());
            json.put("createdAt", release.createdAt().toString());
            json.put("publishedAt", release.createdAt().toString());
            json.put("url", "https://github.com/" + repo.fullName() + "/releases/tag/" + release.tag());
            List<Map<String, Object>> assets = new ArrayList<>();
            for (String asset : release.assets()) {
                Map<String, Object> a = node("ReleaseAsset", "RA_" + release.id() + "_" + asset);
                a.put("name", asset);
                assets.add(a);
            }
            json.put("releaseAssets", (DataFetcher<Object>) e -> connection(assets, e));
            nodes.add(json);
        }
        return connection(nodes, env);
    }

    /** A page of a connection: {@code first} (or {@code last}) items, as {@code nodes} and {@code edges}. */
    private static <T> Map<String, Object> connection(List<T> all, DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        List<T> page = first != null ? all.subList(0, Math.min(first, all.size()))
                : last != null ? all.subList(Math.max(0, all.size() - last), all.size()) : all;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nodes", page);
        List<Object> edges = new ArrayList<>();
        page.forEach(n -> {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("node", n);
            edge.put("cursor", "c" + edges.size());
            edges.add(edge);
        });
        json.put("edges", edges);
        json.put("totalCount", all.size());
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page.size() < all.size() && first != null);
        pageInfo.put("hasPreviousPage", page.size() < all.size() && last != null);
        pageInfo.put("startCursor", page.isEmpty() ? null : "c0");
        pageInfo.put("endCursor", page.isEmpty() ? null : "c" + (page.size() - 1));
        json.put("pageInfo", pageInfo);
        return json;
    }
}
