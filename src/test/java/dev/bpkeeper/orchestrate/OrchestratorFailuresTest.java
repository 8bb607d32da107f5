package dev.bpkeeper.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.StorageException;
import dev.bpkeeper.github.GitHubClients;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.intake.Job;
import dev.bpkeeper.queue.JobHandler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the orchestrator turns failures into the queue's decisions: retry later, or let go. */
class OrchestratorFailuresTest {

    private static Orchestrator orchestrator(EvaluationStore store) {
        Orchestrator orchestrator = new Orchestrator();
        orchestrator.store = store;
        orchestrator.github = new GitHubClients();
        return orchestrator;
    }

    private static Job deleteRepository() {
        return new Job(Job.Kind.DELETE_REPOSITORY, 7, "acme/widget", null, null, "repository deleted", 0, null, "d", 0);
    }

    @Test
    void aStorageFailureIsRetriedNotLost() {
        Orchestrator orchestrator = orchestrator(new EvaluationStore() {
            @Override
            public void deleteRepository(String repository) {
                throw new StorageException("DynamoDB is unreachable", null);
            }
        });

        assertThatThrownBy(() -> orchestrator.handle(deleteRepository()))
                .isInstanceOf(JobHandler.RetryableException.class).hasMessageContaining("DynamoDB is unreachable")
                .satisfies(e -> assertThat(((JobHandler.RetryableException) e).isFailure()).isTrue());
    }

    @Test
    void aRateLimitedGitHubIsRetriedAfterTheTimeItNamed() {
        Orchestrator orchestrator = orchestrator(new EvaluationStore() {
            @Override
            public List<String> repositoriesOf(long installationId) {
                throw new GitHubFailure(GitHubFailure.Kind.RATE_LIMITED, 403, Duration.ofSeconds(42), "rate limited", null);
            }
        });

        assertThatThrownBy(() -> orchestrator.handle(new Job(Job.Kind.DELETE_INSTALLATION, 7, null, null, null,
                "installation deleted", 0, null, "d", 0)))
                .isInstanceOf(JobHandler.RetryableException.class)
                .satisfies(e -> assertThat(((JobHandler.RetryableException) e).notBefore())
                        .isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    void aRepositoryThatIsGoneIsLetGoWithoutRetrying() {
        Orchestrator orchestrator = orchestrator(new EvaluationStore() {
            @Override
            public void deleteRepository(String repository) {
                throw new GitHubFailure(GitHubFailure.Kind.NOT_FOUND, 404, null, "not found", null);
            }
        });

        orchestrator.handle(deleteRepository());
    }

    @Test
    void aRequestGitHubRejectsIsNotRepeated() {
        Orchestrator orchestrator = orchestrator(new EvaluationStore() {
            @Override
            public void deleteRepository(String repository) {
                throw new GitHubFailure(GitHubFailure.Kind.REJECTED, 422, null, "invalid", null);
            }
        });

        assertThatThrownBy(() -> orchestrator.handle(deleteRepository())).isInstanceOf(GitHubFailure.class);
    }
}
