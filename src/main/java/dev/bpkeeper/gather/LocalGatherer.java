package dev.bpkeeper.gather;

import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.History;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepoMetadata;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Tag;
import dev.bpkeeper.snapshot.WantedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Builds a snapshot from a directory on disk. A git checkout is read at its HEAD commit (the state a push
 * would evaluate), with tags and a bounded walk of history; any other directory is read as it is. What only
 * the forge knows (visibility, settings, releases) stays unknown, with that reason.
 */
public final class LocalGatherer {
    /** Above this many files the tree is reported truncated, as GitHub does for huge trees. */
    static final int MAX_PATHS = 200_000;
    static final int MAX_COMMITS = 5_000;
    static final int SIGN_OFF_SAMPLE = 50;
    private static final String FORGE_ONLY = "only the forge knows this; a local checkout cannot tell";
    private static final Pattern GITHUB_REMOTE = Pattern.compile(
            "(?:https://|ssh://git@|git@)github\\.com[:/]([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?");

    private final Clock clock;

    public LocalGatherer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the path is not a readable directory (a usage error, not a crash)
     */
    public RepositorySnapshot gather(Path directory, List<WantedFile> wanted, Set<Need> needs) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(Files.exists(dir) ? dir + " is not a directory" : dir + " does not exist");
        }
        if (Files.exists(dir.resolve(".git"))) {
            try (Repository repository = open(dir)) {
                ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
                if (head != null) {
                    return fromCommit(dir, repository, head, wanted, needs);
                }
            } catch (IOException | RuntimeException e) {
                // A broken .git is read like a plain directory rather than failing the report.
                return fromDirectory(dir, wanted, Fact.unknown("the .git directory could not be read: " + e.getMessage()));
            }
            return fromDirectory(dir, wanted, Fact.known("git"));
        }
        return fromDirectory(dir, wanted, Fact.unknown("not a git checkout"));
    }

    /**
     * A project in a sub-directory of a snapshot this gatherer made of {@code directory} (a monorepo's
     * {@code paths}), as the app sees it on GitHub: its own files at its root, the repository's where it has none.
     * Files the repository's snapshot did not read are read from the same commit (or the directory as it is).
     */
    public RepositorySnapshot gatherProject(Path directory, RepositorySnapshot repository, String subDirectory,
                                            List<WantedFile> wanted) {
        Path dir = directory.toAbsolutePath().normalize();
        return SnapshotAssembler.project(repository, subDirectory, wanted, paths -> {
            Map<String, String> texts = new HashMap<>();
            if (repository.commitSha().isKnown() && Files.exists(dir.resolve(".git"))) {
                readAtCommit(dir, repository.commitSha().value(), paths, texts);
            } else {
                paths.forEach(path -> readFileInside(dir, path).ifPresent(text -> texts.put(path, text)));
            }
            return texts;
        });
    }

    /**
     * The repository whose work tree is {@code dir}. JGit finds its .git itself: a directory, or a file pointing
     * elsewhere (a linked worktree made by {@code git worktree add}, a submodule), which naming {@code .git} as the
     * git directory would not follow.
     */
    private static Repository open(Path dir) throws IOException {
        return new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build();
    }

    /** A file that cannot be read is left out, as when the repository's own snapshot was made. */
    private static void readAtCommit(Path dir, String sha, List<String> paths, Map<String, String> texts) {
        try (Repository repository = open(dir);
             ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevTree tree = walk.parseCommit(ObjectId.fromString(sha)).getTree();
            for (String path : paths) {
                try (TreeWalk entry = TreeWalk.forPath(reader, path, tree)) {
                    if (entry != null) {
                        readBlob(reader, entry.getObjectId(0)).ifPresent(text -> texts.put(path, text));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The repository was read a moment ago; if it cannot be now, these files are simply not seen.
        }
    }

    private RepositorySnapshot fromCommit(Path dir, Repository repository, ObjectId head, List<WantedFile> wanted,
                                          Set<Need> needs) throws IOException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit commit = walk.parseCommit(head);
            RevTree tree = commit.getTree();
            Map<String, Long> paths = new HashMap<>();
            Map<String, ObjectId> blobs = new HashMap<>();
            // A partial or damaged clone lacks some objects: only what needed them is unknown, not the whole checkout.
            Map<String, String> unreadable = new HashMap<>();
            boolean truncated = false;
            try (TreeWalk treeWalk = new TreeWalk(reader)) {
                treeWalk.addTree(tree);
                treeWalk.setRecursive(true);
                while (treeWalk.next()) {
                    if (paths.size() >= MAX_PATHS) {
                        truncated = true;
                        break;
                    }
                    FileMode mode = treeWalk.getFileMode(0);
                    if (mode == FileMode.GITLINK) {
                        continue;
                    }
                    ObjectId id = treeWalk.getObjectId(0);
                    String path = treeWalk.getPathString();
                    long size = 0L;
                    if (mode != FileMode.SYMLINK) {
                        try {
                            size = reader.getObjectSize(id, Constants.OBJ_BLOB);
                        } catch (MissingObjectException e) {
                            unreadable.put(path, missing(id));
                        }
                    }
                    paths.put(path, size);
                    blobs.put(path, id);
                }
            }
            FileTree fileTree = FileTree.of(paths, truncated);
            Optional<String[]> github = githubRemote(repository);
            RepositorySnapshot.Builder builder = RepositorySnapshot.builder(
                            github.map(g -> g[0] + "/" + g[1]).orElse(nameOf(dir)), clock.instant())
                    .commitSha(Fact.known(commit.getName()))
                    .versionControl(Fact.known("git"))
                    .metadata(metadata(github))
                    .tags(needs.contains(Need.TAGS) || needs.contains(Need.RELEASES) ? tags(repository, walk)
                            : Fact.unknown("not needed by any evaluator"))
                    .history(needs.contains(Need.HISTORY) ? history(repository, head)
                            : Fact.unknown("not needed by any evaluator"));
            forgeOnly(builder);
            return SnapshotAssembler.assemble(builder, fileTree, wanted, path -> {
                if (unreadable.containsKey(path)) {
                    return Optional.empty();
                }
                try {
                    return readBlobOrFail(reader, blobs.get(path));
                } catch (MissingObjectException e) {
                    unreadable.put(path, missing(blobs.get(path)));
                    return Optional.empty();
                }
            }, Optional.empty()).unreadable(unreadable).build();
        }
    }

    private RepositorySnapshot fromDirectory(Path dir, List<WantedFile> wanted, Fact<String> versionControl) {
        Map<String, Long> paths = new HashMap<>();
        boolean[] truncated = {false};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    Path name = d.getFileName();
                    return name != null && name.toString().equals(".git") && !d.equals(dir)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (paths.size() >= MAX_PATHS) {
                        truncated[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        paths.put(dir.relativize(file).toString().replace('\\', '/'), attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        RepositorySnapshot.Builder builder = RepositorySnapshot.builder(nameOf(dir), clock.instant())
                .commitSha(Fact.unknown(versionControl.isKnown() ? "the repository has no commits yet"
                        : "not a git checkout"))
                .versionControl(versionControl)
                .metadata(RepoMetadata.unknown(FORGE_ONLY))
                .tags(Fact.unknown(versionControl.isKnown() ? "the repository has no commits yet" : "not a git checkout"))
                .history(Fact.unknown(versionControl.isKnown() ? "the repository has no commits yet" : "not a git checkout"));
        forgeOnly(builder);
        return SnapshotAssembler.assemble(builder, FileTree.of(paths, truncated[0]), wanted,
                path -> readFileInside(dir, path), Optional.empty()).build();
    }

    private static void forgeOnly(RepositorySnapshot.Builder builder) {
        builder.releases(Fact.unknown(FORGE_ONLY))
                .branchRules(Fact.unknown(FORGE_ONLY))
                .privateVulnerabilityReporting(Fact.unknown(FORGE_ONLY))
                .workflowTokenPermissions(Fact.unknown(FORGE_ONLY))
                .orgCommunityFiles(Fact.unknown(FORGE_ONLY));
    }

    private static RepoMetadata metadata(Optional<String[]> github) {
        if (github.isEmpty()) {
            return RepoMetadata.unknown(FORGE_ONLY);
        }
        RepoMetadata unknown = RepoMetadata.unknown(FORGE_ONLY);
        String fullName = github.get()[0] + "/" + github.get()[1];
        return new RepoMetadata(Fact.known(fullName), Fact.known("https://github.com/" + fullName),
                unknown.description(), unknown.homepage(), unknown.isPrivate(), unknown.archived(), unknown.fork(),
                unknown.hasIssues(), unknown.hasDiscussions(), unknown.defaultBranch(),
                unknown.webCommitSignoffRequired(), unknown.pushedAt(), unknown.languages());
    }

    /** owner and name of the "origin" remote when it is on github.com. */
    static Optional<String[]> githubRemote(Repository repository) {
        String url = repository.getConfig().getString("remote", "origin", "url");
        if (url == null) {
            return Optional.empty();
        }
        Matcher matcher = GITHUB_REMOTE.matcher(url.strip());
        return matcher.matches() ? Optional.of(new String[] {matcher.group(1), matcher.group(2)}) : Optional.empty();
    }

    private static Fact<List<Tag>> tags(Repository repository, RevWalk walk) {
        try {
            List<Tag> tags = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                RevObject object = walk.parseAny(ref.getObjectId());
                if (object instanceof RevTag tag) {
                    RevObject target = walk.peel(tag);
                    tags.add(new Tag(name, target.getName(), true, Fact.known(isSigned(tag))));
                } else {
                    tags.add(new Tag(name, object.getName(), false, Fact.known(false)));
                }
            }
            return Fact.known(tags);
        } catch (IOException e) {
            return Fact.unknown("tags could not be read: " + e.getMessage());
        }
    }

    static boolean isSigned(RevTag tag) {
        String raw = new String(tag.getRawBuffer(), StandardCharsets.UTF_8);
        return raw.contains("-----BEGIN PGP SIGNATURE-----") || raw.contains("-----BEGIN SSH SIGNATURE-----")
                || raw.contains("-----BEGIN SIGNED MESSAGE-----");
    }

    private static Fact<History> history(Repository repository, ObjectId head) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            int examined = 0;
            int signedOff = 0;
            int sampled = 0;
            Instant latest = null;
            Instant first = null;
            Map<String, Integer> authors = new HashMap<>();
            boolean complete = true;
            for (RevCommit commit : walk) {
                if (examined >= MAX_COMMITS) {
                    complete = false;
                    break;
                }
                examined++;
                Instant when = Instant.ofEpochSecond(commit.getCommitTime());
                if (latest == null) {
                    latest = when;
                }
                first = when;
                if (Duration.between(when, latest).toDays() <= 365) {
                    String email = commit.getAuthorIdent().getEmailAddress().toLowerCase(Locale.ROOT);
                    authors.merge(email.isEmpty() ? commit.getAuthorIdent().getName() : email, 1, Integer::sum);
                }
                if (sampled < SIGN_OFF_SAMPLE) {
                    sampled++;
                    if (commit.getFullMessage().contains("Signed-off-by:")) {
                        signedOff++;
                    }
                }
            }
            if (latest == null) {
                return Fact.unknown("the repository has no commits yet");
            }
            return Fact.known(new History(examined, complete, complete ? first : null, latest, authors, signedOff,
                    sampled));
        } catch (IOException e) {
            return Fact.unknown("history could not be read: " + e.getMessage());
        }
    }

    private static Optional<String> readBlob(ObjectReader reader, ObjectId id) {
        try {
            return readBlobOrFail(reader, id);
        } catch (MissingObjectException e) {
            return Optional.empty();
        }
    }

    /** As {@link #readBlob}, but a blob the object store lacks is told apart from one that is not text. */
    private static Optional<String> readBlobOrFail(ObjectReader reader, ObjectId id) throws MissingObjectException {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return decode(reader.open(id, Constants.OBJ_BLOB).getCachedBytes((int) WantedFile.MAX_BYTES));
        } catch (MissingObjectException e) {
            throw e;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String missing(ObjectId id) {
        return "the checkout's git object store lacks its blob " + id.abbreviate(7).name()
                + " (a partial or damaged clone)";
    }

    /**
     * A regular file of the directory, read only where it really is inside it: a symbolic link out of the root (to
     * ~/.ssh, /etc or a device) is listed as the checkout has it but never read, so the report cannot quote a file
     * the directory does not hold, and a FIFO cannot block the read.
     */
    private static Optional<String> readFileInside(Path root, String path) {
        try {
            Path file = root.resolve(path).toRealPath();
            if (!file.startsWith(root.toRealPath()) || !Files.isRegularFile(file)
                    || Files.size(file) > WantedFile.MAX_BYTES) {
                return Optional.empty();
            }
            return decode(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Text files only: bytes that are not UTF-8 are not a document we can read. */
    static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String nameOf(Path dir) {
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
