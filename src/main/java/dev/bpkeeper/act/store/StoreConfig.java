package dev.bpkeeper.act.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Table names and retention; names are configurable so that several deployments can share an account. */
@ConfigMapping(prefix = "bpkeeper.store")
public interface StoreConfig {
    @WithDefault("bpkeeper-evaluations")
    String evaluationsTable();

    @WithDefault("bpkeeper-deliveries")
    String deliveriesTable();

    @WithDefault("bpkeeper-installations")
    String installationsTable();

    @WithDefault("bpkeeper-github-cache")
    String githubCacheTable();

    @WithDefault("bpkeeper-dead-letters")
    String deadLettersTable();

    /** Create missing tables at start-up (local and tests); on AWS the SAM template owns them. */
    @WithDefault("true")
    boolean createTables();

    /**
     * How long a storage call made before the tables exist waits for their creation (in the background at start):
     * longer than that takes once HTTP answers (under 3 s on two busy cores), short enough that a webhook held
     * there still gets its answer (503 if the tables are not there yet) within GitHub's 10 s.
     */
    @WithDefault("PT5S")
    Duration tablesWait();

    /** How long a per-commit evaluation is kept (the latest one per repository is kept for ever). */
    @WithDefault("P90D")
    Duration historyRetention();

    /** How long a delivery id is remembered; GitHub redelivers within days, not weeks. */
    @WithDefault("P7D")
    Duration deliveryRetention();
}
