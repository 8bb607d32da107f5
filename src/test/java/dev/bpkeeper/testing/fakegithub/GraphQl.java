package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one GraphQL query shape the app sends: repository metadata (the scalar fields, licence, default branch,
 * languages, releases), file blobs by {@code object(expression: "<rev>:<path>")} under aliases, a commit's date by
 * {@code object(expression: "<sha>") { ... on Commit }}, optionally the tags, and optionally the owner's
 * {@code .github} repository's root tree. Parsed with regexes, not a
 * GraphQL engine; a query of another shape is answered with a GraphQL error and recorded as a contract violation.
 */
final class GraphQl {
    private static final String NAME_OR_VARIABLE = "(?:\"([^\"]+)\"|\\$(\\w+))";
    private static final Pattern REPOSITORY = Pattern.compile("(?:(\\w+)\\s*:\\s*)?repository\\s*\\(\\s*owner\\s*:\\s*"
            + NAME_OR_VARIABLE + "\\s*,\\s*name\\s*:\\s*" + NAME_OR_VARIABLE + "\\s*\\)");
    private static final Pattern ALIASED_OBJECT = Pattern
            .compile("(\\w+)\\s*:\\s*object\\s*\\(\\s*expression\\s*:\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern ANY_OBJECT = Pattern
            .compile("(?:(\\w+)\\s*:\\s*)?object\\s*\\(\\s*expression\\s*:\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern REFS = Pattern.compile(
            "(\\w+)\\s*:\\s*refs\\s*\\(\\s*refPrefix\\s*:\\s*\"([^\"]+)\"(?:\\s*,\\s*first\\s*:\\s*(\\d+))?[^)]*\\)");
    private static final Pattern ENTRIES = Pattern.compile("entries\\s*\\{([^}]*)}");

    private final GitHubState state;
    private final ContractChecker checker;

    GraphQl(GitHubState state, ContractChecker checker) {
        this.state = state;
        this.checker = checker;
    }

    Reply handle(Call call) {
        JsonNode body = call.json();
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual()) {
            return Reply.error(400, "A query attribute must be specified and must be a string.");
        }
        String text = query.asText();
        JsonNode variables = body.path("variables");
        List<MatchResult> repositories = new ArrayList<>();
        Matcher m = REPOSITORY.matcher(text);
        while (m.find()) {
            repositories.add(m.toMatchResult());
        }
        if (repositories.isEmpty()) {
            checker.record("graphql: the fake does not understand this query: " + text);
            return Reply.ok(errors("The fake supports only the repository file/tags/org query"));
        }
        ObjectNode data = Json.object();
        ArrayNode errors = Json.array();
        for (int i = 0; i < repositories.size(); i++) {
            MatchResult repository = repositories.get(i);
            int end = i + 1 < repositories.size() ? repositories.get(i + 1).start() : text.length();
            String selection = text.substring(repository.end(), end);
            String alias = repository.group(1) == null ? "repository" : repository.group(1);
            String owner = value(repository.group(2), repository.group(3), variables);
            String name = value(repository.group(4), repository.group(5), variables);
            Optional<FakeRepository> repo = state.find(owner, name)
                    .filter(r -> call.caller.token().covers(r.fullName()));
            if (repo.isEmpty()) {
                data.putNull(alias);
                errors.add(Json.object().put("type", "NOT_FOUND").put("message",
                        "Could not resolve to a Repository with the name '" + owner + "/" + name + "'.")
                        .set("path", Json.array().add(alias)));
                continue;
            }
            synchronized (repo.get()) {
                data.set(alias, repository(repo.get(), selection));
            }
        }
        ObjectNode response = Json.object();
        response.set("data", data);
        if (!errors.isEmpty()) {
            response.set("errors", errors);
        }
        return Reply.ok(response);
    }

    private static String value(String literal, String variable, JsonNode variables) {
        return literal != null ? literal : variables.path(variable).asText();
    }

    private ObjectNode repository(FakeRepository repo, String selection) {
        ObjectNode json = metadata(repo, selection);
        Matcher objects = ALIASED_OBJECT.matcher(selection);
        boolean any = false;
        while (objects.find()) {
            any = true;
            json.set(objects.group(1), object(repo, objects.group(2), selection.substring(objects.end())));
        }
        if (!any) {
            Matcher single = ANY_OBJECT.matcher(selection);
            if (single.find()) {
                String key = single.group(1) == null ? "object" : single.group(1);
                json.set(key, object(repo, single.group(2), selection.substring(single.end())));
            }
        }
        Matcher refs = REFS.matcher(selection);
        if (refs.find()) {
            int first = refs.group(3) == null ? 100 : Integer.parseInt(refs.group(3));
            json.set(refs.group(1), refs(repo, refs.group(2), first));
        }
        return json;
    }

    /** The metadata fields the selection names, with GraphQL's names and shapes. */
    private static ObjectNode metadata(FakeRepository repo, String selection) {
        String head = selection.replaceAll("(?s)\\w+\\s*:\\s*(object|refs)\\s*\\(.*", "");
        ObjectNode json = Json.object();
        if (asks(head, "nameWithOwner")) {
            json.put("nameWithOwner", repo.fullName());
        }
        if (asks(head, "url")) {
            json.put("url", "https://github.com/" + repo.fullName());
        }
        if (asks(head, "description")) {
            json.put("description", repo.descriptionText());
        }
        if (asks(head, "homepageUrl")) {
            json.put("homepageUrl", repo.homepageUrl());
        }
        if (asks(head, "isPrivate")) {
            json.put("isPrivate", repo.isPrivate());
        }
        if (asks(head, "isArchived")) {
            json.put("isArchived", repo.isArchived());
        }
        if (asks(head, "isFork")) {
            json.put("isFork", repo.isFork());
        }
        if (asks(head, "hasIssuesEnabled")) {
            json.put("hasIssuesEnabled", repo.issuesEnabled());
        }
        if (asks(head, "hasDiscussionsEnabled")) {
            json.put("hasDiscussionsEnabled", repo.discussionsEnabled());
        }
        if (asks(head, "webCommitSignoffRequired")) {
            json.put("webCommitSignoffRequired", repo.signoffRequired());
        }
        if (asks(head, "pushedAt")) {
            json.put("pushedAt", repo.pushedAt().toString());
        }
        if (asks(head, "licenseInfo")) {
            if (repo.licenseSpdxId() == null) {
                json.putNull("licenseInfo");
            } else {
                json.putObject("licenseInfo").put("spdxId", repo.licenseSpdxId());
            }
        }
        if (asks(head, "defaultBranchRef")) {
            Optional<String> headSha = repo.git.resolveCommit(repo.defaultBranchName());
            if (headSha.isEmpty()) {
                json.putNull("defaultBranchRef");
            } else {
                ObjectNode ref = json.putObject("defaultBranchRef").put("name", repo.defaultBranchName());
                ref.putObject("target").put("oid", headSha.get());
            }
        }
        if (asks(head, "languages")) {
            ArrayNode edges = json.putObject("languages").putArray("edges");
            repo.languageBytes().entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> edges.addObject().put("size", e.getValue()).putObject("node").put("name", e.getKey()));
        }
        if (Pattern.compile("(?<![\\w$/.])releases\\s*\\(").matcher(selection).find()) {
            ArrayNode nodes = json.putObject("releases").putArray("nodes");
            List<FakeRepository.Release> releases = new ArrayList<>(repo.releaseList());
            java.util.Collections.reverse(releases);
            for (FakeRepository.Release release : releases) {
                ObjectNode node = nodes.addObject().put("tagName", release.tag()).put("name", release.name())
                        .put("description", release.body()).put("isDraft", false).put("isPrerelease", false)
                        .put("publishedAt", release.createdAt().toString())
                        .put("url", "https://github.com/" + repo.fullName() + "/releases/tag/" + release.tag());
                ArrayNode assets = node.putObject("releaseAssets").putArray("nodes");
                release.assets().forEach(a -> assets.addObject().put("name", a));
            }
        }
        return json;
    }

    private static boolean asks(String selection, String field) {
        return Pattern.compile("(?<![\\w$])" + field + "\\b").matcher(selection).find();
    }

    /** A blob or tree by {@code rev:path}, or a commit by its sha; null when it does not exist, as in GitHub's API. */
    private JsonNode object(FakeRepository repo, String expression, String following) {
        if (expression.indexOf(':') < 0 && fragmentFor("Commit", following)) {
            return repo.git.resolveCommit(expression).flatMap(repo.git::commit)
                    .<JsonNode>map(c -> Json.object().put("committedDate", c.date().toString()))
                    .orElse(Json.MAPPER.nullNode());
        }
        int colon = expression.indexOf(':');
        String rev = colon < 0 ? expression : expression.substring(0, colon);
        String path = colon < 0 ? "" : FakeRepository.normalise(expression.substring(colon + 1));
        Optional<GitObjects.TreeEntry> entry = repo.git
                .resolveCommit(rev.equals("HEAD") ? repo.defaultBranchName() : rev)
                .flatMap(repo.git::commit).flatMap(c -> repo.git.lookup(c.tree(), path));
        if (entry.isEmpty()) {
            return Json.MAPPER.nullNode();
        }
        ObjectNode json = Json.object();
        if (entry.get().type().equals("blob")) {
            if (fragmentFor("Blob", following)) {
                byte[] content = repo.git.blob(entry.get().sha()).orElse(new byte[0]);
                boolean binary = repo.isBinary(path, content);
                json.put("text", binary ? null : new String(content, StandardCharsets.UTF_8))
                        .put("isBinary", binary).put("byteSize", content.length).put("oid", entry.get().sha());
            }
        } else if (fragmentFor("Tree", following)) {
            Matcher entries = ENTRIES.matcher(following);
            List<String> fields = entries.find() ? List.of(entries.group(1).trim().split("\\s+")) : List.of("name");
            ArrayNode list = json.putArray("entries");
            for (GitObjects.TreeEntry child : repo.git.tree(entry.get().sha()).orElse(List.of())) {
                ObjectNode item = list.addObject();
                String childPath = path.isEmpty() ? child.name() : path + "/" + child.name();
                for (String field : fields) {
                    switch (field) {
                        case "name" -> item.put("name", child.name());
                        case "path" -> item.put("path", childPath);
                        case "type" -> item.put("type", child.type());
                        case "oid" -> item.put("oid", child.sha());
                        case "mode" -> item.put("mode", Integer.parseInt(child.mode(), 8));
                        default -> {
                            // fields we do not model are left out
                        }
                    }
                }
            }
        }
        return json;
    }

    /** Whether the next fragment in the selection applies to this type (GraphQL returns {} when it does not). */
    private static boolean fragmentFor(String type, String following) {
        Matcher fragment = Pattern.compile("\\.\\.\\.\\s*on\\s+(\\w+)").matcher(following);
        return !fragment.find() || fragment.group(1).equals(type);
    }

    private static ObjectNode refs(FakeRepository repo, String prefix, int first) {
        ArrayNode nodes = Json.array();
        repo.git.refs().keySet().stream().filter(r -> r.startsWith(prefix)).limit(first).forEach(ref -> {
            String target = repo.git.refs().get(ref);
            ObjectNode node = nodes.addObject().put("name", ref.substring(prefix.length()));
            ObjectNode json = node.putObject("target");
            Optional<GitObjects.TagObject> tag = repo.git.tagObject(target);
            if (tag.isPresent()) {
                json.put("__typename", "Tag").put("oid", target);
                json.putObject("target").put("oid", tag.get().object());
                if (tag.get().signed()) {
                    json.putObject("signature").put("isValid", true);
                } else {
                    json.putNull("signature");
                }
            } else {
                json.put("__typename", "Commit").put("oid", target);
            }
        });
        ObjectNode json = Json.object();
        json.set("nodes", nodes);
        return json;
    }

    private static ObjectNode errors(String message) {
        ObjectNode json = Json.object();
        json.putArray("errors").addObject().put("message", message);
        return json;
    }
}
