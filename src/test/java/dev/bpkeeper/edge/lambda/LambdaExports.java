package dev.bpkeeper.edge.lambda;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Lambda artifact runs one function per deployment, chosen by QUARKUS_FUNQY_EXPORT; each profile here is one
 * of them. The mock event server (Quarkus's stand-in for the Lambda runtime API) takes a free port.
 */
final class LambdaExports {
    private LambdaExports() {
    }

    /** Where the mock event server takes an event and answers with the function's output. */
    static String invokeUrl() {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        return "http://localhost:" + port + "/";
    }

    public static class Webhook implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "webhook-event", "quarkus.lambda.mock-event-server.test-port", "0");
        }
    }

    public static class Read implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "read-http", "quarkus.lambda.mock-event-server.test-port", "0");
        }
    }

    public static class Evaluate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "evaluate", "quarkus.lambda.mock-event-server.test-port", "0");
        }
    }
}
