package dev.bpkeeper.testing.fakegithub;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The object database of one repository. Object ids are real git ids (SHA-1 over git's object encoding), so a sha the
 * app got from the fake means the same content it would mean on GitHub, and the same commit built twice gets the same
 * sha. Commit times come from a per-repository clock that starts at a fixed instant, which keeps shas reproducible.
 */
final class GitObjects {
    static final String FILE_MODE = "100644";
    static final String TREE_MODE = "040000";

    /** A file in a flattened tree. */
    record FileEntry(String mode, String sha) {
    }

    record TreeEntry(String name, String mode, String type, String sha) {
    }

    /** An entry of a recursive listing, path relative to the listed tree. */
    record Listed(String path, TreeEntry entry) {
    }

    record Commit(String sha, String tree, List<String> parents, String message, String authorName,
            String authorEmail, Instant date) {
    }

    record TagObject(String sha, String name, String object, String message, boolean signed, Instant date) {
    }

    private final Map<String, byte[]> blobs = new HashMap<>();
    private final Map<String, List<TreeEntry>> trees = new HashMap<>();
    private final Map<String, Commit> commits = new HashMap<>();
    private final Map<String, TagObject> tags = new HashMap<>();
    private final Map<String, String> refs = new TreeMap<>();
    private Instant clock = Instant.parse("2024-01-01T00:00:00Z");

    Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    String putBlob(byte[] content) {
        String sha = objectId("blob", content);
        blobs.putIfAbsent(sha, content.clone());
        return sha;
    }

    Optional<byte[]> blob(String sha) {
        return Optional.ofNullable(blobs.get(sha)).map(byte[]::clone);
    }

    Optional<List<TreeEntry>> tree(String sha) {
        return Optional.ofNullable(trees.get(sha));
    }

    Optional<Commit> commit(String sha) {
        return Optional.ofNullable(commits.get(sha));
    }

    Optional<TagObject> tagObject(String sha) {
        return Optional.ofNullable(tags.get(sha));
    }

    /** Builds (and stores) the trees for a flat path → file map and returns the root tree id. */
    String writeTree(Map<String, FileEntry> files) {
        Map<String, FileEntry> here = new TreeMap<>();
        Map<String, Map<String, FileEntry>> subdirectories = new TreeMap<>();
        files.forEach((path, file) -> {
            int slash = path.indexOf('/');
            if (slash < 0) {
                here.put(path, file);
            } else {
                subdirectories.computeIfAbsent(path.substring(0, slash), k -> new TreeMap<>())
                        .put(path.substring(slash + 1), file);
            }
        });
        List<TreeEntry> entries = new ArrayList<>();
        here.forEach((name, file) -> entries.add(new TreeEntry(name, file.mode(), "blob", file.sha())));
        subdirectories.forEach((name, content) -> entries.add(new TreeEntry(name, TREE_MODE, "tree", writeTree(content))));
        entries.sort(Comparator.comparing(GitObjects::sortKey));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (TreeEntry entry : entries) {
            String mode = entry.mode().startsWith("0") ? entry.mode().substring(1) : entry.mode();
            raw.writeBytes((mode + " " + entry.name()).getBytes(StandardCharsets.UTF_8));
            raw.write(0);
            raw.writeBytes(HexFormat.of().parseHex(entry.sha()));
        }
        String sha = objectId("tree", raw.toByteArray());
        trees.putIfAbsent(sha, List.copyOf(entries));
        return sha;
    }

    /** Every file under a tree, by path, in git's order. */
    Map<String, FileEntry> files(String treeSha) {
        Map<String, FileEntry> files = new LinkedHashMap<>();
        for (Listed listed : walk(treeSha)) {
            if (listed.entry().type().equals("blob")) {
                files.put(listed.path(), new FileEntry(listed.entry().mode(), listed.entry().sha()));
            }
        }
        return files;
    }

    /** Pre-order listing, as {@code GET git/trees/{sha}?recursive=1} returns it. */
    List<Listed> walk(String treeSha) {
        List<Listed> out = new ArrayList<>();
        walk(treeSha, "", out);
        return out;
    }

    private void walk(String treeSha, String prefix, List<Listed> out) {
        for (TreeEntry entry : trees.getOrDefault(treeSha, List.of())) {
            String path = prefix + entry.name();
            out.add(new Listed(path, entry));
            if (entry.type().equals("tree")) {
                walk(entry.sha(), path + "/", out);
            }
        }
    }

    /** The entry at {@code path} under a tree; the empty path is the tree itself. */
    Optional<TreeEntry> lookup(String treeSha, String path) {
        TreeEntry current = new TreeEntry("", TREE_MODE, "tree", treeSha);
        if (path.isEmpty()) {
            return Optional.of(current);
        }
        for (String part : path.split("/")) {
            if (!current.type().equals("tree")) {
                return Optional.empty();
            }
            Optional<TreeEntry> next = trees.getOrDefault(current.sha(), List.of()).stream()
                    .filter(e -> e.name().equals(part)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    String putCommit(String tree, List<String> parents, String message, String authorName, String authorEmail,
            Instant date) {
        StringBuilder raw = new StringBuilder("tree ").append(tree).append('\n');
        parents.forEach(p -> raw.append("parent ").append(p).append('\n'));
        String person = authorName + " <" + authorEmail + "> " + date.getEpochSecond() + " +0000";
        raw.append("author ").append(person).append('\n').append("committer ").append(person).append("\n\n")
                .append(message);
        String sha = objectId("commit", raw.toString().getBytes(StandardCharsets.UTF_8));
        commits.putIfAbsent(sha, new Commit(sha, tree, List.copyOf(parents), message, authorName, authorEmail, date));
        return sha;
    }

    String putTag(String name, String object, String message, boolean signed) {
        Instant date = tick();
        StringBuilder raw = new StringBuilder("object ").append(object).append("\ntype commit\ntag ").append(name)
                .append("\ntagger Fake Tagger <tagger@example.com> ").append(date.getEpochSecond()).append(" +0000\n\n")
                .append(message).append('\n');
        if (signed) {
            raw.append("-----BEGIN PGP SIGNATURE-----\n\nfake\n-----END PGP SIGNATURE-----\n");
        }
        String sha = objectId("tag", raw.toString().getBytes(StandardCharsets.UTF_8));
        tags.putIfAbsent(sha, new TagObject(sha, name, object, message, signed, date));
        return sha;
    }

    Map<String, String> refs() {
        return refs;
    }

    /**
     * A commit id for a sha (commit or tag object), a branch, a tag, or a full ref name. Tags are peeled to their
     * commit, as GitHub does wherever it takes a "ref".
     */
    Optional<String> resolveCommit(String rev) {
        String sha = refs.get(rev);
        if (sha == null) {
            sha = refs.get("refs/heads/" + rev);
        }
        if (sha == null) {
            sha = refs.get("refs/tags/" + rev);
        }
        if (sha == null && rev.matches("[0-9a-f]{4,40}")) {
            sha = expand(rev);
        }
        while (sha != null && tags.containsKey(sha)) {
            sha = tags.get(sha).object();
        }
        return Optional.ofNullable(sha).filter(commits::containsKey);
    }

    private String expand(String prefix) {
        if (prefix.length() == 40) {
            return prefix;
        }
        List<String> matches = commits.keySet().stream().filter(s -> s.startsWith(prefix)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    boolean isAncestor(String ancestor, String descendant) {
        return ancestors(descendant).contains(ancestor);
    }

    /** The commit and everything reachable from it. */
    Set<String> ancestors(String sha) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(sha));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                commit(next).ifPresent(c -> todo.addAll(c.parents()));
            }
        }
        return seen;
    }

    static String objectId(String type, byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update((type + " " + content.length).getBytes(StandardCharsets.US_ASCII));
            sha1.update((byte) 0);
            sha1.update(content);
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Git orders a directory as if its name ended with a slash. */
    private static String sortKey(TreeEntry entry) {
        return entry.type().equals("tree") ? entry.name() + "/" : entry.name();
    }
}
