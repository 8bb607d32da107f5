package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;

/**
 * The file contents evaluators read, declared once so that several evaluators share one fetch. Patterns
 * match the whole lower-case path.
 */
final class Wanted {
    static final WantedFile README = WantedFile.matching("readme" + Look.DOC_ENDING, 1);
    /** Community and project documents at the root, in .github/ and in docs/. */
    static final WantedFile COMMUNITY = WantedFile.matching("((\\.github|docs)/)?(contributing|contribute|security"
            + "|code[_-]of[_-]conduct|governance|maintainers|owners|support|roadmap|architecture|design|building"
            + "|install|changelog|changes|news|history|releases|upgrading|migration|threat[_-]model|dependencies"
            + "|pull_request_template|codeowners)" + Look.DOC_ENDING, 30);
    static final WantedFile DOCS = WantedFile.matching("docs?/[^/]+(/[^/]+)?\\.(md|markdown|rst|txt|adoc)", 30);
    /** The project's documents, which {@link Look#documents} and {@link Look#prose} search. */
    static final List<WantedFile> DOCUMENTS = List.of(README, COMMUNITY, DOCS);
    static final WantedFile WORKFLOWS = WantedFile.matching("\\.github/workflows/[^/]+\\.ya?ml", 60);
    static final WantedFile OTHER_CI = WantedFile.matching("\\.gitlab-ci\\.yml|\\.travis\\.yml|\\.circleci/config\\.yml"
            + "|jenkinsfile|azure-pipelines\\.yml|\\.cirrus\\.yml|appveyor\\.yml|bitbucket-pipelines\\.yml"
            + "|\\.buildkite/pipeline\\.ya?ml|\\.drone\\.yml|\\.woodpecker\\.ya?ml", 10);
    /** Build manifests at the root, where their settings apply to the whole project. */
    static final WantedFile ROOT_BUILD = WantedFile.matching("pom\\.xml|build\\.gradle(\\.kts)?|settings\\.gradle(\\.kts)?"
            + "|package\\.json|cargo\\.toml|go\\.mod|pyproject\\.toml|setup\\.cfg|setup\\.py|tox\\.ini|makefile"
            + "|gnumakefile|cmakelists\\.txt|meson\\.build|composer\\.json|gemfile|rakefile|build\\.sbt|mix\\.exs"
            + "|gradle\\.properties|\\.pre-commit-config\\.yaml|justfile|taskfile\\.ya?ml|noxfile\\.py", 20);
    static final WantedFile DEPENDENCY_UPDATES = WantedFile.matching("\\.github/dependabot\\.ya?ml|renovate\\.json5?"
            + "|\\.renovaterc(\\.json5?)?|\\.github/renovate\\.json5?|\\.gitlab/renovate\\.json5?", 3);
    /** Scripts CI jobs commonly delegate to (`bash .ci/run`, `./scripts/test.sh`): what they run counts too. */
    static final WantedFile CI_SCRIPTS = WantedFile.matching("((\\.ci|ci|\\.github/scripts|scripts?)/[^/]+|[^/]+\\.sh)", 12);
    static final WantedFile REUSE = WantedFile.matching("reuse\\.toml|\\.reuse/dep5", 2);
    /** Root configuration files of compilers and linters whose settings show how strict the build is. */
    static final WantedFile TOOL_CONFIG = WantedFile.matching("tsconfig\\.json|\\.golangci\\.(ya?ml|toml)|\\.clang-tidy"
            + "|\\.cargo/config(\\.toml)?|directory\\.build\\.props", 5);
    /** Git submodules: where other projects' code is pinned rather than copied. */
    static final WantedFile GITMODULES = WantedFile.matching("\\.gitmodules", 1);
    /** Developer documentation beyond the community files: how to hack on the project. */
    static final WantedFile DEVELOPMENT_DOCS = WantedFile.matching("((\\.github|docs?)/)?(development|developing|develop"
            + "|hacking|dev[_-]?setup|local[_-]development|getting[_-]started)" + Look.DOC_ENDING, 4);
    static final WantedFile BESTPRACTICES_JSON = WantedFile.matching("\\.bestpractices\\.json|\\.project\\.d/bestpractices\\.json", 1);

    private Wanted() {
    }
}
