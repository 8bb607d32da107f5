package dev.bpkeeper.orchestrate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * Settings of the app itself. Every key under "bpkeeper." is declared in a mapping (this one, StoreConfig or
 * QueueConfig), so a mistyped key fails at start-up instead of being ignored.
 */
@ConfigMapping(prefix = "bpkeeper")
public interface AppSettings {
    /** Where this app is reachable by people (for report links in check runs), e.g. https://bp.example.org. */
    Optional<String> publicUrl();

    /**
     * Answer the Lambda functions (webhook-event, evaluate, read-http) over this server's HTTP too; off, they answer
     * 404 on `serve`, where a person or GitHub uses /webhook and the pages, and on Lambda API Gateway and SQS call
     * them. Tests that imitate Lambda open it.
     */
    @WithName("functions.http.enabled")
    @WithDefault("false")
    boolean functionsOverHttp();

    /** Open the evaluate function (the SQS consumer's entry point); off locally, where jobs never arrive that way. */
    @WithName("functions.evaluate.enabled")
    @WithDefault("false")
    boolean evaluateFunctionEnabled();

    /**
     * Open fix-up pull requests on their own; when false, the check run offers a button instead. Open ones are
     * kept up to date either way.
     */
    @WithName("fixups.automatic")
    @WithDefault("true")
    boolean automaticFixups();

    /** Read by Main before start-up: false to use AWS's DynamoDB instead of the embedded one. */
    @WithName("dynamodb.embedded")
    Optional<Boolean> embeddedDynamoDb();

    /** Read by Main before start-up: where the embedded DynamoDB keeps its data, or "memory". */
    @WithName("dynamodb.data-dir")
    Optional<String> dynamoDbDataDir();

    /** Read by Main before start-up: the embedded DynamoDB's port (any free one when absent). */
    @WithName("dynamodb.port")
    Optional<Integer> dynamoDbPort();
}
