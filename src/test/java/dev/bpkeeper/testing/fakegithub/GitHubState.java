package dev.bpkeeper.testing.fakegithub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the routes read and change: the app, installations, tokens, repositories. */
final class GitHubState {
    final AppRegistry apps = new AppRegistry();
    final Ids ids = new Ids();
    final RateLimits rateLimits = new RateLimits();
    private final Map<String, FakeRepository> repositories = new LinkedHashMap<>();

    synchronized FakeRepository repository(String fullName) {
        return repositories.computeIfAbsent(fullName.toLowerCase(), k -> new FakeRepository(fullName, ids.next(), ids));
    }

    /** GitHub resolves owner and name case-insensitively. */
    synchronized Optional<FakeRepository> find(String owner, String name) {
        return Optional.ofNullable(repositories.get((owner + "/" + name).toLowerCase()));
    }

    synchronized List<FakeRepository> all() {
        return new ArrayList<>(repositories.values());
    }
}
