package dev.bpkeeper.read;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small in-memory map whose entries expire after a while; when it is full it starts again empty (simple, and
 * a full cache only means a few more reads). Safe for concurrent use.
 */
final class MemoryCache<K, V> {
    private record Entry<V>(V value, long storedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int capacity;

    MemoryCache(Duration ttl, int capacity) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = Math.max(1, capacity);
    }

    /** The value, or null when absent or expired. */
    V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.storedAt() > ttlNanos) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    void put(K key, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime()));
    }

    void remove(K key) {
        entries.remove(key);
    }

    void removeIf(java.util.function.Predicate<K> matching) {
        entries.keySet().removeIf(matching);
    }

    void clear() {
        entries.clear();
    }
}
