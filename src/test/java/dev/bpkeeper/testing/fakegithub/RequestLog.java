package dev.bpkeeper.testing.fakegithub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Every request the fake received, in arrival order of their answers. */
final class RequestLog {
    private final List<RecordedRequest> entries = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        entries.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(entries);
    }

    synchronized long count(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return entries.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && pattern.matcher(r.path()).matches()).count();
    }

    synchronized long billed() {
        return entries.stream().filter(RecordedRequest::billed).count();
    }

    synchronized void clear() {
        entries.clear();
    }
}
