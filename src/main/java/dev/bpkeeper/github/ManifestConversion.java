package dev.bpkeeper.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The last step of GitHub's App manifest flow: the one-time code of the redirect is exchanged
 * (POST /app-manifests/{code}/conversions, no authentication) for the new App's id, private key and webhook secret.
 */
public final class ManifestConversion {
    /** GitHub's codes are hex; anything else is refused before it reaches a URL. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private ManifestConversion() {
    }

    /** The App GitHub created. {@link #toString()} never shows the key or the secret. */
    public record RegisteredApp(long id, String slug, String name, String htmlUrl, String pem, String webhookSecret) {
        @Override
        public String toString() {
            return "RegisteredApp[id=" + id + ", slug=" + slug + ", pem=(hidden), webhookSecret=(hidden)]";
        }
    }

    /**
     * @throws IllegalArgumentException when the code is not one GitHub could have issued
     * @throws GitHubFailure when GitHub refuses (a used or expired code is a 404)
     */
    public static RegisteredApp exchange(String apiUrl, String code, Duration timeout) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("The code from GitHub's redirect is missing or malformed");
        }
        JsonNode app = GitHubHttp.write("POST", apiUrl, "/app-manifests/" + code + "/conversions", null, null,
                timeout);
        if (!app.path("id").canConvertToLong() || app.path("pem").asText("").isBlank()
                || app.path("webhook_secret").asText("").isBlank()) {
            throw new GitHubFailure(GitHubFailure.Kind.TRANSIENT, 201, null,
                    "GitHub's answer to the manifest conversion lacks the App's id, key or webhook secret", null);
        }
        return new RegisteredApp(app.path("id").asLong(), app.path("slug").asText(), app.path("name").asText(),
                app.path("html_url").asText(), app.path("pem").asText(), app.path("webhook_secret").asText());
    }
}
