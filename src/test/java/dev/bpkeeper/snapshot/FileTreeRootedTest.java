package dev.bpkeeper.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A monorepo's sub-directory seen as a project of its own. */
class FileTreeRootedTest {
    static final FileTree MONOREPO = FileTree.of(Map.of(
            "README.md", 10L,
            "SECURITY.md", 20L,
            "LICENSE", 30L,
            ".github/workflows/ci.yml", 40L,
            "docs/guide.md", 50L,
            "services/api/README.md", 60L,
            "services/api/src/Main.java", 70L,
            "services/web/index.html", 80L), false);

    @Test
    void givenASubDirectoryThenItsFilesAreAtTheRootAndTheRepositorysRootFilesAndGithubDirectoryShowThrough() {
        FileTree api = MONOREPO.rootedAt("services/api");

        assertThat(api.paths()).containsExactly(".github/workflows/ci.yml", "LICENSE", "README.md", "SECURITY.md",
                "src/Main.java");
        assertThat(api.root()).isEqualTo("services/api");
    }

    @Test
    void aSubDirectorysOwnFileWinsOverTheRepositorysAndEachPathKnowsWhereItIs() {
        FileTree api = MONOREPO.rootedAt("services/api");

        assertThat(api.repositoryPath("README.md")).isEqualTo("services/api/README.md");
        assertThat(api.repositoryPath("SECURITY.md")).isEqualTo("SECURITY.md");
        assertThat(api.repositoryPath("src")).as("a directory").isEqualTo("services/api/src");
        assertThat(api.sizeOf("README.md")).isEqualTo(60L);
    }

    @Test
    void otherDirectoriesOfTheRepositoryStayOut() {
        FileTree web = MONOREPO.rootedAt("services/web");

        assertThat(web.paths()).doesNotContain("docs/guide.md", "services/api/README.md").contains("index.html");
        assertThat(web.find("README.md")).contains("README.md");
        assertThat(web.repositoryPath("README.md")).isEqualTo("README.md");
    }

    @Test
    void theRootIsTheTreeItselfAndARootedTreeCannotBeRootedAgain() {
        assertThat(MONOREPO.rootedAt("")).isSameAs(MONOREPO);
        assertThat(MONOREPO.repositoryPath("README.md")).isEqualTo("README.md");
        assertThatThrownBy(() -> MONOREPO.rootedAt("services").rootedAt("api"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDirectoryThatDoesNotExistShowsOnlyTheRepositorysRootFiles() {
        assertThat(MONOREPO.rootedAt("nowhere").paths()).containsExactly(".github/workflows/ci.yml", "LICENSE",
                "README.md", "SECURITY.md");
    }
}
