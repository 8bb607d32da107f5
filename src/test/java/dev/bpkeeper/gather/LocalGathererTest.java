package dev.bpkeeper.gather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpkeeper.snapshot.History;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Tag;
import dev.bpkeeper.snapshot.WantedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGathererTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final List<WantedFile> README_AND_WORKFLOWS = List.of(WantedFile.matching("readme\\.md"),
            WantedFile.matching("\\.github/workflows/[^/]+\\.ya?ml"));

    @TempDir
    Path dir;

    private final LocalGatherer gatherer = new LocalGatherer(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPlainDirectoryIsReadAsItIsWithoutVersionControlFacts() throws Exception {
        Files.writeString(dir.resolve("README.md"), "# Widget\nDoes widgets.\n");
        Files.createDirectories(dir.resolve("src/main"));
        Files.writeString(dir.resolve("src/main/App.java"), "class App {}");

        RepositorySnapshot snapshot = gatherer.gather(dir, README_AND_WORKFLOWS, Set.of(Need.TAGS, Need.HISTORY));

        assertThat(snapshot.tree().paths()).containsExactly("README.md", "src/main/App.java");
        assertThat(snapshot.contents()).containsOnlyKeys("README.md");
        assertThat(snapshot.versionControl().isKnown()).isFalse();
        assertThat(snapshot.commitSha().isKnown()).isFalse();
        assertThat(snapshot.metadata().isPrivate().unknownReason()).contains("only the forge knows");
        assertThat(snapshot.observedAt()).isEqualTo(NOW);
    }

    @Test
    void givenAPlainDirectoryWithSymlinksOutOfIt_whenGathered_thenNothingOutsideTheRootIsRead(@TempDir Path outside)
            throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "OUTSIDE THE ROOT\n");
        Files.createDirectories(outside.resolve("folder/.github/workflows"));
        Files.writeString(outside.resolve("folder/.github/workflows/ci.yml"), "OUTSIDE THE ROOT\n");
        Files.createSymbolicLink(dir.resolve("README.md"), outside.resolve("secret.txt"));
        Files.createDirectories(dir.resolve(".github"));
        Files.createSymbolicLink(dir.resolve(".github/workflows"), outside.resolve("folder/.github/workflows"));
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/README.md"), "# Inside\n");
        Files.createSymbolicLink(dir.resolve("docs/readme.md"), Path.of("README.md"));

        RepositorySnapshot snapshot = gatherer.gather(dir, List.of(WantedFile.matching("(docs/)?readme\\.md"),
                WantedFile.matching("\\.github/workflows/[^/]+\\.ya?ml")), Set.of());

        assertThat(snapshot.contents()).as("a link out of the root is not followed").doesNotContainKey("README.md")
                .doesNotContainKey(".github/workflows/ci.yml");
        assertThat(snapshot.contents().values()).noneMatch(text -> text.contains("OUTSIDE THE ROOT"));
        assertThat(snapshot.contents()).as("a link that stays inside is read").containsEntry("docs/readme.md",
                "# Inside\n");
    }

    @Test
    void anEmptyDirectoryGivesAnEmptyTree() {
        RepositorySnapshot snapshot = gatherer.gather(dir, README_AND_WORKFLOWS, Set.of());

        assertThat(snapshot.tree().isEmpty()).isTrue();
        assertThat(snapshot.license().isKnown()).isFalse();
    }

    @Test
    void aMissingPathIsAUsageErrorNotACrash() {
        assertThatThrownBy(() -> gatherer.gather(dir.resolve("nope"), List.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }

    @Test
    void givenACloneThatLacksOneBlob_whenGathered_thenOnlyThatFileIsUnreadableAndTheRestIsStillGit() throws Exception {
        String blob;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("README.md"), "# Widget\n");
            Files.writeString(dir.resolve("SECURITY.md"), "Report privately to security@example.org.\n");
            git.add().addFilepattern(".").call();
            PersonIdent alice = new PersonIdent("Alice", "alice@example.org", NOW.minusSeconds(7200), ZoneOffset.UTC);
            git.commit().setMessage("First").setAuthor(alice).setCommitter(alice).setSign(false).call();
            git.tag().setName("v1.0.0").setAnnotated(false).call();
            blob = git.getRepository().resolve("HEAD:SECURITY.md").name();
        }
        // As in a partial clone that never fetched it: the blob's loose object is gone.
        Files.delete(dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
        List<WantedFile> wanted = List.of(WantedFile.matching("readme\\.md"), WantedFile.matching("security\\.md"));

        RepositorySnapshot snapshot = gatherer.gather(dir, wanted, Set.of(Need.TAGS, Need.HISTORY));

        assertThat(snapshot.versionControl().value()).isEqualTo("git");
        assertThat(snapshot.commitSha().isKnown()).isTrue();
        assertThat(snapshot.tags().value()).extracting(Tag::name).containsExactly("v1.0.0");
        assertThat(snapshot.history().isKnown()).isTrue();
        assertThat(snapshot.tree().paths()).contains("README.md", "SECURITY.md");
        assertThat(snapshot.text("README.md")).hasValue("# Widget\n");
        assertThat(snapshot.text("SECURITY.md")).isEmpty();
        assertThat(snapshot.unreadable()).containsOnlyKeys("SECURITY.md");
        assertThat(snapshot.unreadable().get("SECURITY.md")).contains("lacks its blob " + blob.substring(0, 7));

        var catalogue = dev.bpkeeper.catalogue.CatalogueLoader.fromClasspath();
        var assessment = new dev.bpkeeper.evaluate.Assessor(catalogue, dev.bpkeeper.evaluate.evaluators.Evaluators.ALL)
                .assess(snapshot);
        assertThat(assessment.verdict("vulnerability_report_private").status())
                .isEqualTo(dev.bpkeeper.evaluate.Status.UNKNOWN);
        assertThat(assessment.verdict("vulnerability_report_private").justification())
                .contains("SECURITY.md could not be read");
        assertThat(assessment.verdict("repo_track").status()).isEqualTo(dev.bpkeeper.evaluate.Status.MET);
    }

    @Test
    void aGitCheckoutIsReadAtItsHeadCommitWithTagsHistoryAndItsGitHubHome() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", "git@github.com:acme/widget.git");
            git.getRepository().getConfig().save();
            Files.writeString(dir.resolve("README.md"), "# Widget\n");
            Files.writeString(dir.resolve("LICENSE"), dev.bpkeeper.testing.LicenseTexts.MIT);
            Files.createDirectories(dir.resolve(".github/workflows"));
            Files.writeString(dir.resolve(".github/workflows/ci.yml"), """
                    on: [push, pull_request]
                    permissions: read-all
                    jobs:
                      test:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                          - run: mvn -B verify
                    """);
            git.add().addFilepattern(".").call();
            PersonIdent alice = new PersonIdent("Alice", "alice@example.org", NOW.minusSeconds(7200), ZoneOffset.UTC);
            git.commit().setMessage("First\n\nSigned-off-by: Alice <alice@example.org>").setAuthor(alice)
                    .setCommitter(alice).setSign(false).call();
            git.tag().setName("v1.0.0").setAnnotated(false).call();
            PersonIdent bob = new PersonIdent("Bob", "bob@example.org", NOW.minusSeconds(3600), ZoneOffset.UTC);
            Files.writeString(dir.resolve("SECURITY.md"), "Report privately.");
            git.add().addFilepattern("SECURITY.md").call();
            String head = git.commit().setMessage("Add policy").setAuthor(bob).setCommitter(bob).setSign(false)
                    .call().getName();
            git.tag().setName("v1.1.0").setAnnotated(true).setMessage("1.1.0").setTagger(bob).setSigned(false).call();
            Files.writeString(dir.resolve("UNCOMMITTED.md"), "not pushed yet");

            RepositorySnapshot snapshot = gatherer.gather(dir, README_AND_WORKFLOWS, Set.of(Need.TAGS, Need.HISTORY));

            assertThat(snapshot.commitSha().value()).isEqualTo(head);
            assertThat(snapshot.tree().paths()).contains("SECURITY.md", "LICENSE").doesNotContain("UNCOMMITTED.md");
            assertThat(snapshot.name()).isEqualTo("acme/widget");
            assertThat(snapshot.linkTo("SECURITY.md"))
                    .isEqualTo("https://github.com/acme/widget/blob/" + head + "/SECURITY.md");
            assertThat(snapshot.tags().value()).extracting(Tag::name, Tag::annotated)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("v1.0.0", false),
                            org.assertj.core.groups.Tuple.tuple("v1.1.0", true));
            History history = snapshot.history().value();
            assertThat(history.commitsExamined()).isEqualTo(2);
            assertThat(history.complete()).isTrue();
            assertThat(history.authorsLastYear()).containsOnlyKeys("alice@example.org", "bob@example.org");
            assertThat(history.signedOffRecent()).isEqualTo(1);
            assertThat(snapshot.license().value().spdxExpression()).isEqualTo("MIT");
            assertThat(snapshot.license().value().osiApproved()).isTrue();
            assertThat(snapshot.workflows()).singleElement().satisfies(w -> {
                assertThat(w.triggers()).containsExactlyInAnyOrder("push", "pull_request");
                assertThat(w.permissions()).contains("read-all");
                assertThat(w.allStepText()).contains("actions/checkout@v4").contains("mvn -B verify");
            });
            assertThat(snapshot.releases().unknownReason()).contains("only the forge knows");
        }
    }

    @Test
    void givenALinkedWorktree_whenGathered_thenItIsReadAtItsOwnHeadAsAGitCheckout(@TempDir Path main)
            throws Exception {
        try (Git git = Git.init().setDirectory(main.toFile()).setInitialBranch("main").call()) {
            Files.writeString(main.resolve("README.md"), "# Main\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("First").setSign(false).call();
            git.branchCreate().setName("feature").call();
            git.checkout().setName("feature").call();
            Files.writeString(main.resolve("SECURITY.md"), "Report privately.");
            git.add().addFilepattern("SECURITY.md").call();
            String featureHead = git.commit().setMessage("Policy").setSign(false).call().getName();
            git.checkout().setName("main").call();
            // What `git worktree add <dir> feature` leaves: a .git file in the work tree, the worktree's own HEAD
            // in .git/worktrees/<name>, and a commondir pointing back at the main repository's objects and refs.
            Path admin = Files.createDirectories(main.resolve(".git/worktrees/wt"));
            Files.writeString(admin.resolve("HEAD"), "ref: refs/heads/feature\n");
            Files.writeString(admin.resolve("commondir"), "../..\n");
            Files.writeString(admin.resolve("gitdir"), dir.resolve(".git") + "\n");
            Files.writeString(dir.resolve(".git"), "gitdir: " + admin + "\n");
            Files.writeString(dir.resolve("README.md"), "# Main\n");
            Files.writeString(dir.resolve("SECURITY.md"), "Report privately.");

            RepositorySnapshot snapshot = gatherer.gather(dir, README_AND_WORKFLOWS, Set.of(Need.HISTORY));

            assertThat(snapshot.versionControl().value()).isEqualTo("git");
            assertThat(snapshot.commitSha().value()).isEqualTo(featureHead);
            assertThat(snapshot.tree().paths()).containsExactlyInAnyOrder("README.md", "SECURITY.md");
            assertThat(snapshot.history().value().commitsExamined()).isEqualTo(2);
        }
    }

    @Test
    void aGitRepositoryWithoutCommitsIsReadFromItsFiles() throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Files.writeString(dir.resolve("README.md"), "# New\n");

        RepositorySnapshot snapshot = gatherer.gather(dir, README_AND_WORKFLOWS, Set.of(Need.HISTORY));

        assertThat(snapshot.versionControl().value()).isEqualTo("git");
        assertThat(snapshot.commitSha().unknownReason()).contains("no commits");
        assertThat(snapshot.tree().paths()).containsExactly("README.md");
    }
}
