package dev.bpkeeper.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.LatestChanged;
import dev.bpkeeper.act.store.StorageException;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.testing.Pages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The read side's rules on their own: names, validators, routes, and storage that is down. */
class ReadRulesTest {

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "plain                  | acme          | true",
        "digits and hyphens     | a-1-b         | true",
        "one character          | a             | true",
        "39 characters          | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | true",
        "40 characters          | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | false",
        "empty                  | ''            | false",
        "leading hyphen         | -acme         | false",
        "underscore             | a_b           | false",
        "dot                    | a.b           | false",
        "markup                 | <b>           | false",
        "percent-encoded        | a%2e          | false",
        "unicode letter         | ä             | false"})
    void givenAnOwner_whenChecked_thenGitHubsAccountRulesDecide(String name, String owner, boolean valid) {
        assertThat(RepositoryNames.isOwner(owner)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "plain                  | widget        | true",
        "dots, dashes, _        | my.repo-x_1   | true",
        "starts with a dot      | .github       | true",
        "dot                    | .             | false",
        "dot-dot                | ..            | false",
        "empty                  | ''            | false",
        "slash                  | a/b           | false",
        "space                  | a b           | false",
        "quote                  | a\"b          | false",
        "101 characters         | rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr | false"})
    void givenARepositoryName_whenChecked_thenGitHubsRulesDecide(String name, String repository, boolean valid) {
        assertThat(RepositoryNames.isRepository(repository)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the same tag           | \"abc\"              | true",
        "weak form of it        | W/\"abc\"            | true",
        "one of a list          | \"x\", \"abc\"       | true",
        "any                    | *                    | true",
        "another tag            | \"abd\"              | false",
        "unquoted               | abc                  | false",
        "empty                  | ''                   | false"})
    void givenIfNoneMatch_whenCompared_thenItMatchesWeaklyAsHttpSays(String name, String header, boolean matches) {
        assertThat(ReadHandler.matches(header, "\"abc\"")).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "badge                  | /badge/acme/widget.svg        | ''              | BADGE_SVG   | acme/widget",
        "repository ending .svg | /badge/acme/a.svg.svg         | ''              | BADGE_SVG   | acme/a.svg",
        "baseline badge         | /badge/acme/widget.svg        | level=baseline  | BADGE_SVG   | acme/widget",
        "shields JSON           | /badge/acme/widget.json       | ''              | BADGE_JSON  | acme/widget",
        "report                 | /report/acme/widget           | ''              | REPORT_HTML | acme/widget",
        "report JSON            | /report/acme/widget.json      | ''              | REPORT_JSON | acme/widget",
        "org                    | /org/acme                     | sort=name       | ORG         | ''",
        "sub-project            | /badge/acme/mono.svg          | path=services/api | BADGE_SVG | acme/mono/services/api",
        "sub-project, encoded   | /report/acme/mono             | path=services%2Fapi | REPORT_HTML | acme/mono/services/api",
        "the root as a path     | /report/acme/mono             | path=.          | REPORT_HTML | acme/mono",
        "path going up          | /report/acme/mono             | path=../other   | INVALID     | ''",
        "absolute path          | /report/acme/mono             | path=/etc       | INVALID     | ''",
        "empty segment          | /report/acme/mono             | path=a//b       | INVALID     | ''",
        "markup in the path     | /badge/acme/mono.svg          | path=%3Cb%3E    | INVALID     | ''",
        "unknown level          | /badge/acme/widget.svg        | level=platinum  | INVALID     | ''",
        "bad owner              | /report/-x/widget             | ''              | INVALID     | ''",
        "nothing                | /                             | ''              | NOT_FOUND   | ''",
        "empty                  | ''                            | ''              | NOT_FOUND   | ''"})
    void givenAPath_whenRouted_thenThePageAndRepositoryAreKnown(String name, String path, String query,
                                                               ReadRoute.Kind kind, String repository) {
        ReadRoute route = ReadRoute.parse(new ReadRequest("GET", path, query, Map.of()));

        assertThat(route.kind()).isEqualTo(kind);
        if (!repository.isEmpty()) {
            assertThat(route.repository()).isEqualTo(repository);
        }
    }

    @Test
    void givenANewResult_whenItsPageIsRendered_thenItReplacesTheOldRenderingAndTheByteBudgetHolds() {
        RenderedAnswers answers = new RenderedAnswers(2_000);
        ReadResponse old = new ReadResponse(200, Map.of(), new byte[500]);
        ReadResponse fresh = new ReadResponse(200, Map.of(), new byte[600]);

        answers.put("badge|acme/widget", "etag-1", old);
        answers.put("badge|acme/widget", "etag-2", fresh);

        assertThat(answers.get("badge|acme/widget", "etag-1")).as("the old rendering is gone").isNull();
        assertThat(answers.get("badge|acme/widget", "etag-2")).isSameAs(fresh);

        answers.put("report|acme/widget", "etag-2", new ReadResponse(200, Map.of(), new byte[1_500]));
        assertThat(answers.get("badge|acme/widget", "etag-2")).as("over budget: started again").isNull();
        assertThat(answers.get("report|acme/widget", "etag-2")).isNotNull();
    }

    @Test
    void givenACachedResult_whenThisProcessChangesIt_thenOnlyThatRepositoryIsReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        ReadHandler handler = handler(new EvaluationStore() {
            @Override
            public Optional<StoredEvaluation> latest(String repository) {
                reads.incrementAndGet();
                return Optional.empty();
            }
        });
        ReadRequest badge = Pages.request(Pages.badge("acme/widget"));
        handler.handle(badge);
        handler.handle(badge);
        assertThat(reads).as("kept in memory for the TTL").hasValue(1);

        handler.onLatestChanged(new LatestChanged("acme/other"));
        handler.handle(badge);
        assertThat(reads).as("another repository changed").hasValue(1);

        handler.onLatestChanged(new LatestChanged("ACME/Widget"));
        assertThat(handler.fromMemory(badge)).isEmpty();
        handler.handle(badge);
        assertThat(reads).as("read again after its own change").hasValue(2);
    }

    @Test
    void givenAReadRacingAChange_whenItFinishesAfterTheChange_thenItsResultIsAnsweredButNotKept() {
        AtomicInteger reads = new AtomicInteger();
        ReadHandler[] handler = new ReadHandler[1];
        handler[0] = handler(new EvaluationStore() {
            @Override
            public Optional<StoredEvaluation> latest(String repository) {
                if (reads.incrementAndGet() == 1) {
                    // A save lands while this read is on its way back with the older result.
                    handler[0].onLatestChanged(new LatestChanged(repository));
                }
                return Optional.empty();
            }
        });
        ReadRequest badge = Pages.request(Pages.badge("acme/widget"));

        assertThat(handler[0].handle(badge).status()).isEqualTo(404);

        assertThat(handler[0].fromMemory(badge)).as("the racing read was not kept").isEmpty();
        handler[0].handle(badge);
        handler[0].handle(badge);
        assertThat(reads).as("the next read is kept").hasValue(2);
    }

    @Test
    void givenStorageThatIsDown_whenABadgeIsAsked_thenTheAnswerIs503AndNothingIsCached() {
        ReadHandler handler = handler(new EvaluationStore() {
            @Override
            public Optional<StoredEvaluation> latest(String repository) {
                throw new StorageException("Could not read the evaluation of " + repository, new RuntimeException());
            }
        });
        ReadRequest request = Pages.request(Pages.badge("acme/widget"));

        ReadResponse answer = handler.handle(request);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(handler.fromMemory(request)).as("a failure is not remembered").isEmpty();
    }

    /** A handler on its own, with the given storage and a TTL far longer than any test. */
    private static ReadHandler handler(EvaluationStore evaluations) {
        ReadHandler handler = new ReadHandler();
        handler.evaluations = evaluations;
        handler.settings = new ReadSettings() {
            public Optional<List<String>> showPrivateOwners() {
                return Optional.empty();
            }

            public Duration cacheTtl() {
                return Duration.ofHours(1);
            }

            public int cacheEntries() {
                return 10;
            }
        };
        handler.createCaches();
        return handler;
    }
}
