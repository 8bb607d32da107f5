package dev.bpkeeper.github;

import java.util.Optional;

/**
 * Where answers to GitHub GETs are kept with their ETag, so that the next identical request can be conditional:
 * GitHub answers 304 without counting it against the rate limit. Kept outside the process (DynamoDB) so that it
 * survives Lambda cold starts. A cache that fails is a cache miss, never an error.
 */
public interface EtagCache {

    Optional<Entry> get(String key);

    void put(String key, Entry entry);

    /** A cached answer: its validator, its body, and the headers a client needs again (pagination). */
    record Entry(String etag, byte[] body, String contentType, String link) {
    }

    /** For clients that must not cache (the App's own JWT calls, tests of the cache itself). */
    EtagCache NONE = new EtagCache() {
        @Override
        public Optional<Entry> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, Entry entry) {
        }
    };
}
