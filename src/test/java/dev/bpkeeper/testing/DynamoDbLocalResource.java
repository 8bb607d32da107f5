package dev.bpkeeper.testing;

import dev.bpkeeper.edge.EmbeddedDynamoDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The real DynamoDB engine (Amazon's DynamoDB Local, in this JVM, in memory) for every @QuarkusTest. */
public class DynamoDbLocalResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedDynamoDb db;

    @Override
    public Map<String, String> start() {
        db = EmbeddedDynamoDb.start(0, null);
        return Map.of("quarkus.dynamodb.endpoint-override", db.endpoint());
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}
