package dev.bpkeeper.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The fake GitHub, with the app waiting up to ten seconds for each request instead of one: for tests that hold a
 * request on purpose (a fault's delay) to make evaluations overlap, and for many evaluations at once on 2 cores.
 */
public class PatientFakeGitHubResource extends FakeGitHubResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("github.request-timeout", "PT10S");
        return config;
    }
}
