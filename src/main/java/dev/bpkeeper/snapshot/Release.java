package dev.bpkeeper.snapshot;

import java.time.Instant;
import java.util.List;

/** A published release on the forge (GitHub Releases). */
public record Release(
        String tagName,
        String name,
        String body,
        boolean draft,
        boolean prerelease,
        Instant publishedAt,
        List<String> assetNames,
        String webUrl) {

    public Release {
        assetNames = List.copyOf(assetNames);
        body = body == null ? "" : body;
        name = name == null ? "" : name;
    }
}
