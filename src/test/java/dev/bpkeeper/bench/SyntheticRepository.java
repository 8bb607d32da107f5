package dev.bpkeeper.bench;

import dev.bpkeeper.gather.WorkflowParser;
import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.LicenseFacts;
import dev.bpkeeper.snapshot.RepoMetadata;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A large, realistic-looking repository: a Java monorepo with docs, workflows and many source files. */
public final class SyntheticRepository {
    private static final String[] DIRS = {"core", "api", "web", "cli", "plugins", "tools", "docs", "examples"};

    private SyntheticRepository() {
    }

    public static Map<String, Long> paths(int count) {
        Map<String, Long> paths = new HashMap<>();
        for (String fixed : contents().keySet()) {
            paths.put(fixed, 2_000L);
        }
        for (int i = 0; paths.size() < count; i++) {
            String dir = DIRS[i % DIRS.length];
            String ext = i % 7 == 0 ? "md" : i % 5 == 0 ? "ts" : i % 11 == 0 ? "c" : "java";
            String kind = i % 4 == 0 ? "src/test/java" : "src/main/java";
            paths.put(dir + "/module" + (i % 97) + "/" + kind + "/pkg" + (i % 13) + "/File" + i + "." + ext, 1_500L);
        }
        return paths;
    }

    static Map<String, String> contents() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "# Widget\n\nWidgets for everyone.\n\n## Getting started\n\nRun `mvn install`.\n\n"
                + "## Usage\nSee docs/usage.md.\n\n## Contributing\nSee CONTRIBUTING.md.\n");
        files.put("SECURITY.md", "# Security\n\nReport vulnerabilities through GitHub's private reporting, or to"
                + " security@example.org. We answer within 14 days.\n\n## Supported versions\n| 2.x | yes |\n");
        files.put("CONTRIBUTING.md", "# Contributing\n\nOpen a pull request. New functionality must come with tests."
                + " Run `mvn verify` before pushing; code style is enforced by Spotless.\n");
        files.put("CODE_OF_CONDUCT.md", "# Contributor Covenant Code of Conduct\n");
        files.put("LICENSE", "Apache License\nVersion 2.0, January 2004\n");
        files.put("pom.xml", "<project><modelVersion>4.0.0</modelVersion><build><plugins><plugin>"
                + "<artifactId>maven-compiler-plugin</artifactId><configuration><compilerArgs><arg>-Xlint:all</arg>"
                + "<arg>-Werror</arg></compilerArgs></configuration></plugin></plugins></build></project>\n");
        files.put(".github/workflows/ci.yml", "on: [push, pull_request]\npermissions: read-all\njobs:\n  test:\n"
                + "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: mvn -B verify\n");
        files.put(".github/workflows/codeql.yml", "on:\n  pull_request:\n  schedule:\n    - cron: '0 3 * * 1'\n"
                + "permissions:\n  contents: read\njobs:\n  analyze:\n    permissions:\n      security-events: write\n"
                + "    steps:\n      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n");
        files.put(".github/dependabot.yml", "version: 2\nupdates:\n  - package-ecosystem: maven\n    directory: /\n");
        files.put("docs/usage.md", "# Usage\nInstall with `mvn install`. Use securely: never expose the admin port.\n");
        return files;
    }

    public static RepositorySnapshot snapshot(int count) {
        Map<String, String> contents = contents();
        RepoMetadata metadata = new RepoMetadata(Fact.known("acme/widget"), Fact.known("https://github.com/acme/widget"),
                Fact.known("Widgets"), Fact.known("https://widget.example.org"), Fact.known(false), Fact.known(false),
                Fact.known(false), Fact.known(true), Fact.known(true), Fact.known("main"), Fact.known(false),
                Fact.known(Instant.parse("2026-11-20T00:00:00Z")), Fact.known(Map.of("Java", 9_000_000L, "C", 10_000L)));
        return RepositorySnapshot.builder("acme/widget", Instant.parse("2026-11-25T00:00:00Z"))
                .commitSha(Fact.known("0123456789abcdef0123456789abcdef01234567"))
                .versionControl(Fact.known("git"))
                .tree(FileTree.of(paths(count), false))
                .contents(contents)
                .metadata(metadata)
                .license(Fact.known(new LicenseFacts("Apache-2.0", "GitHub licence detection", "LICENSE", true, true)))
                .workflows(List.of(WorkflowParser.parse(".github/workflows/ci.yml", contents.get(".github/workflows/ci.yml")),
                        WorkflowParser.parse(".github/workflows/codeql.yml", contents.get(".github/workflows/codeql.yml"))))
                .build();
    }
}
