package dev.bpkeeper.act.store;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Whether the tables exist yet. They are created in the background at start so that HTTP opens without waiting
 * for them; a storage call made before they exist waits here (bounded) instead of failing, so nothing is
 * answered as if storage were ready before it is.
 */
@Singleton
public class TablesReady {

    @Inject
    StoreConfig config;

    private final CompletableFuture<Void> created = new CompletableFuture<>();

    void created() {
        created.complete(null);
    }

    void failed(Throwable cause) {
        created.completeExceptionally(cause);
    }

    public boolean isReady() {
        return created.isDone() && !created.isCompletedExceptionally();
    }

    /**
     * Returns once the tables exist, waiting at most bpkeeper.store.tables-wait; throws the SDK's client exception
     * (storage unavailable) otherwise.
     */
    public void await() {
        await(config.tablesWait());
    }

    public void await(Duration patience) {
        if (isReady()) {
            return;
        }
        try {
            created.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw SdkClientException.create("The DynamoDB tables are still being created after " + patience);
        } catch (ExecutionException e) {
            throw SdkClientException.create("The DynamoDB tables could not be created: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("Interrupted while waiting for the DynamoDB tables", e);
        }
    }
}
