package dev.bpkeeper.testing.fakegithub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What GitHub holds for a check run after every create and update so far. Annotations accumulate over PATCHes, as on
 * GitHub; {@code output} is the latest title/summary/text.
 */
public record CheckRun(long id, String name, String headSha, String status, String conclusion, String externalId,
        String detailsUrl, String title, String summary, String text, List<JsonNode> annotations,
        List<JsonNode> actions) {
}
