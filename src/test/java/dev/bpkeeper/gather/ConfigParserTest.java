package dev.bpkeeper.gather;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.policy.CheckRunMode;
import dev.bpkeeper.policy.ConfigFile;
import dev.bpkeeper.policy.ConfigProblem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigParserTest {
    static final String FILE = ".github/openssf-best-practices.yml";

    @Test
    void givenEveryKeyWhenParsedThenEachValueIsReadAndNothingIsWrong() {
        ConfigFile file = ConfigParser.parse(FILE, """
                target_level: silver
                criteria:
                  crypto_weaknesses:
                    status: N/A
                    justification: The software does no cryptography.
                  OSPS-AC-01.01:
                    status: met
                    justification: "The organisation enforces 2FA: https://github.com/acme"
                check_run: gate
                fixup_pull_requests:
                  enabled: false
                  files: [SECURITY.md, CODE_OF_CONDUCT.md]
                paths: [services/api/, ./services/web, .]
                project_url: https://www.bestpractices.dev/en/projects/1234
                badge_id: 1234
                locked: [check_run]
                """);

        assertThat(file.problems()).isEmpty();
        assertThat(file.targetLevel()).contains(Level.SILVER);
        assertThat(file.criteria()).containsOnlyKeys("crypto_weaknesses", "OSPS-AC-01.01");
        assertThat(file.criteria().get("crypto_weaknesses").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(file.criteria().get("crypto_weaknesses").line()).isEqualTo(3);
        assertThat(file.criteria().get("OSPS-AC-01.01").status()).isEqualTo(Status.MET);
        assertThat(file.checkRun()).contains(CheckRunMode.GATE);
        assertThat(file.fixupEnabled()).contains(false);
        assertThat(file.fixupFiles()).contains(List.of("SECURITY.md", "CODE_OF_CONDUCT.md"));
        assertThat(file.paths()).contains(List.of("services/api", "services/web", ""));
        assertThat(file.projectUrl()).contains("https://www.bestpractices.dev/en/projects/1234");
        assertThat(file.badgeId()).contains(1234L);
        assertThat(file.locked()).containsExactly("check_run");
    }

    @Test
    void givenAnEmptyFileWhenParsedThenItSetsNothingAndIsNotWrong() {
        ConfigFile file = ConfigParser.parse(FILE, "# nothing yet\n");

        assertThat(file.problems()).isEmpty();
        assertThat(file.lines()).isEmpty();
    }

    @Test
    void givenTheShortFormWhenParsedThenFixupPullRequestsAreSwitchedOff() {
        assertThat(ConfigParser.parse(FILE, "fixup_pull_requests: off\n").fixupEnabled()).contains(false);
        assertThat(ConfigParser.parse(FILE, "check_run: off\n").checkRun()).contains(CheckRunMode.OFF);
    }

    @Test
    void givenOneWrongValueWhenParsedThenTheOtherKeysStillCount() {
        ConfigFile file = ConfigParser.parse(FILE, "target_level: platinum\ncheck_run: gate\n");

        assertThat(file.targetLevel()).isEmpty();
        assertThat(file.checkRun()).contains(CheckRunMode.GATE);
        assertThat(file.problems()).hasSize(1);
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("not YAML", "target_level: [passing\n", 2, "",
                        "is not valid YAML"),
                Arguments.of("a list instead of a mapping", "- passing\n", 1, "",
                        "must be a mapping of keys (target_level, criteria"),
                Arguments.of("an unknown key", "check_runs: gate\n", 1, "check_runs",
                        "is not a key of this file; the keys are target_level, criteria, check_run"),
                Arguments.of("an unknown level", "\ntarget_level: platinum\n", 2, "target_level",
                        "`platinum` is not allowed; use one of passing, silver, gold, baseline-1, baseline-2,"
                                + " baseline-3"),
                Arguments.of("an unknown check run mode", "check_run: gating\n", 1, "check_run",
                        "`gating` is not allowed; use one of neutral, gate, gate-regressions, off"),
                Arguments.of("a mode given as a list", "check_run: [gate]\n", 1, "check_run",
                        "must be a single value, not a list"),
                Arguments.of("a status that is not an answer", "criteria:\n  build:\n    status: Done\n"
                        + "    justification: yes it is\n", 3, "criteria.build.status",
                        "`Done` is not allowed; use one of Met, Unmet, N/A"),
                Arguments.of("no justification", "criteria:\n  build:\n    status: N/A\n", 3,
                        "criteria.build.justification", "is mandatory"),
                Arguments.of("a blank justification", "criteria:\n  build:\n    status: N/A\n"
                        + "    justification: '  '\n", 4, "criteria.build.justification", "is mandatory"),
                Arguments.of("no status", "criteria:\n  build:\n    justification: Nothing to build.\n", 3,
                        "criteria.build", "has no `status`; use one of Met, Unmet, N/A"),
                Arguments.of("an answer that is not a mapping", "criteria:\n  build: N/A\n", 2, "criteria.build",
                        "must be a mapping with `status` (Met, Unmet, N/A) and `justification`"),
                Arguments.of("criteria as a list", "criteria:\n  - build\n", 2, "criteria",
                        "must map criterion ids to {status, justification}"),
                Arguments.of("an unknown key in an answer", "criteria:\n  build:\n    status: N/A\n"
                        + "    justification: Nothing to build.\n    reason: none\n", 5, "criteria.build.reason",
                        "is not a key of a criterion; the keys are status, justification"),
                Arguments.of("a key written twice", "check_run: gate\ncheck_run: off\n", 2, "check_run",
                        "is written twice (first at line 1); the first is used"),
                Arguments.of("fixup not a boolean", "fixup_pull_requests:\n  enabled: maybe\n", 2,
                        "fixup_pull_requests.enabled", "`maybe` is not allowed; use true or false"),
                Arguments.of("fixup with an unknown key", "fixup_pull_requests:\n  only: [LICENSE]\n", 2,
                        "fixup_pull_requests.only", "the keys are enabled, files"),
                Arguments.of("fixup files not a list", "fixup_pull_requests:\n  files: SECURITY.md\n", 2,
                        "fixup_pull_requests.files", "must be a list"),
                Arguments.of("an absolute path", "paths: [/services/api]\n", 1, "paths",
                        "`/services/api` is not a directory of the repository; use a relative path"),
                Arguments.of("a path out of the repository", "paths:\n  - ../elsewhere\n", 2, "paths",
                        "`../elsewhere` is not a directory of the repository"),
                Arguments.of("a path listed twice", "paths: [api, api/]\n", 1, "paths", "`api/` is listed twice"),
                Arguments.of("too many paths", "paths: [a, b, c, d, e, f, g, h, i, j, k]\n", 1, "paths",
                        "lists more than 10 paths; `k` and the ones after it are ignored"),
                Arguments.of("a project URL elsewhere", "project_url: http://bestpractices.dev/projects/12\n", 1,
                        "project_url", "is not a project page on bestpractices.dev; use"
                                + " https://www.bestpractices.dev/projects/<id>"),
                Arguments.of("a badge id that is not a number", "badge_id: abc\n", 1, "badge_id",
                        "`abc` is not a project id"),
                Arguments.of("a badge id of zero", "badge_id: 0\n", 1, "badge_id", "`0` is not a project id"),
                Arguments.of("locking what cannot be locked", "locked: [locked]\n", 1, "locked",
                        "`locked` cannot be locked; the keys that can are target_level"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void givenAnInvalidFileWhenParsedThenTheProblemNamesFileLineKeyAndWhatIsAllowed(String scenario, String yaml,
                                                                                  int line, String key,
                                                                                  String message) {
        ConfigFile file = ConfigParser.parse(FILE, yaml);

        assertThat(file.problems()).as(scenario).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.key()).isEqualTo(key);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void aProblemReadsAsFileLineKeyAndMessage() {
        ConfigProblem problem = ConfigParser.parse(FILE, "check_run: gating\n").problems().get(0);

        assertThat(problem.describe()).isEqualTo(FILE + ", line 1, `check_run`: `gating` is not allowed; use one of"
                + " neutral, gate, gate-regressions, off (the default applies)");
    }

    @Test
    void anInvalidDeclarationIsLeftOutWhileTheValidOnesCount() {
        ConfigFile file = ConfigParser.parse(FILE, """
                criteria:
                  build:
                    status: N/A
                  crypto_weaknesses:
                    status: N/A
                    justification: No cryptography here.
                """);

        assertThat(file.criteria()).containsOnlyKeys("crypto_weaknesses");
        assertThat(file.problems()).extracting(ConfigProblem::key).containsExactly("criteria.build.justification");
        assertThat(Optional.of(file.criteria().get("crypto_weaknesses").file())).contains(FILE);
    }
}
