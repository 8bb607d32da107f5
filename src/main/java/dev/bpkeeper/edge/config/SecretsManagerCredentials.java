package dev.bpkeeper.edge.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Reads the App's credentials from one AWS Secrets Manager secret (a JSON document, see {@link AppCredentials}),
 * with the function's own role through the default credentials chain. One GetSecretValue per cold start.
 */
public final class SecretsManagerCredentials {

    private SecretsManagerCredentials() {
    }

    /**
     * @param secretId the secret's ARN or name
     * @param region the region, or empty for the default chain (AWS_REGION on Lambda)
     * @param endpoint another endpoint than AWS's (tests), or empty
     */
    public static AppCredentials read(String secretId, Optional<String> region, Optional<String> endpoint) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create());
        region.map(Region::of).ifPresent(builder::region);
        endpoint.map(URI::create).ifPresent(builder::endpointOverride);
        String where = "The Secrets Manager secret " + secretId;
        try (SecretsManagerClient client = builder.build()) {
            String document = client.getSecretValue(b -> b.secretId(secretId)).secretString();
            if (document == null) {
                throw new IllegalStateException(where + " holds binary data, not the JSON document of the App");
            }
            return AppCredentials.parse(document, where);
        } catch (SdkException e) {
            // The SDK's message names the secret and the refusal, never its value.
            throw new IllegalStateException(where + " could not be read: " + e.getMessage(), e);
        }
    }
}
