package dev.bpkeeper.orchestrate;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Settings of the app itself. */
@ConfigMapping(prefix = "bpkeeper")
public interface AppSettings {
    /** Where this app is reachable by people (for report links in check runs), e.g. https://bp.example.org. */
    Optional<String> publicUrl();
}
