package dev.bpkeeper.read;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered answers, one per page and repository, valid while the stored result keeps its ETag: a new evaluation
 * replaces the old rendering instead of piling up beside it. Bounded by bytes (a report page is far larger than a
 * badge): when the budget is spent it starts again empty, which only costs a few renderings.
 */
final class RenderedAnswers {
    private record Entry(String etag, ReadResponse answer) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long budget;

    RenderedAnswers(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** The answer rendered for this page from the result with this ETag, or null. */
    ReadResponse get(String page, String etag) {
        Entry entry = entries.get(page);
        return entry != null && entry.etag().equals(etag) ? entry.answer() : null;
    }

    void put(String page, String etag, ReadResponse answer) {
        long size = answer.body().length + 256L;
        if (bytes.addAndGet(size) > budget) {
            clear();
            bytes.addAndGet(size);
        }
        Entry previous = entries.put(page, new Entry(etag, answer));
        if (previous != null) {
            bytes.addAndGet(-(previous.answer().body().length + 256L));
        }
    }

    void clear() {
        entries.clear();
        bytes.set(0);
    }
}
