package dev.bpkeeper.read;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Settings of the badge, report and organisation pages. */
@ConfigMapping(prefix = "bpkeeper.read")
public interface ReadSettings {
    /**
     * Owners (organisations or users, by login, any case) whose private repositories' results may be shown to
     * anyone. Absent: no private result is ever served, and such a repository looks exactly like one never
     * evaluated.
     */
    @WithName("show-private-owners")
    Optional<List<String>> showPrivateOwners();

    /**
     * How long a stored result is answered from memory before DynamoDB is asked again: an evaluation stored by
     * another process (on AWS, the evaluate function) shows on the badge at most this much later, and a popular
     * badge costs one read per this period. One stored by this process (the local server) shows at once.
     */
    @WithName("cache-ttl")
    @WithDefault("PT10S")
    Duration cacheTtl();

    /** How many repositories' results (and rendered answers) are kept in memory at most. */
    @WithName("cache-entries")
    @WithDefault("10000")
    int cacheEntries();

    default boolean showsPrivateOf(String owner) {
        return showPrivateOwners().orElse(List.of()).stream()
                .anyMatch(o -> o.strip().toLowerCase(Locale.ROOT).equals(owner.toLowerCase(Locale.ROOT)));
    }
}
