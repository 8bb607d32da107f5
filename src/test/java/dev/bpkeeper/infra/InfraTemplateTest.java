package dev.bpkeeper.infra;

import static dev.bpkeeper.infra.SamTemplate.cast;
import static dev.bpkeeper.infra.SamTemplate.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.bpkeeper.act.store.StoreConfig;
import dev.bpkeeper.act.store.Tables;
import dev.bpkeeper.queue.QueueConfig;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** infra/template.yaml deploys what the code is: its functions, its tables, its queue's retries, no secret in sight. */
class InfraTemplateTest {
    private static final Map<String, Object> TEMPLATE = SamTemplate.load(Path.of("infra/template.yaml"));
    private static final Set<String> CODE_EXPORTS = codeExports();
    private static final TemplateInvariants INVARIANTS = new TemplateInvariants(CODE_EXPORTS,
            Tables.definitions(new TablesNamedAfterTheirKeys()),
            Map.of("dead-letters-table", "on AWS the SQS dead-letter queue keeps failed jobs"), maxAttempts(),
            StoreCalls.actionsByTable());

    @Test
    void givenTheTemplate_whenCheckedAgainstTheCode_thenNothingIsAmiss() {
        assertThat(INVARIANTS.problems(TEMPLATE)).isEmpty();
    }

    @Test
    void givenTheHttpApi_whenItsRoutesAreListed_thenWebhookBadgeReportAndOrgPagesReachTheirFunctions() {
        Map<String, String> routes = new java.util.TreeMap<>();
        cast(TEMPLATE.get("Resources")).forEach((name, r) -> cast(cast(cast(r).get("Properties")).get("Events"))
                .values().forEach(e -> {
                    Map<String, Object> p = cast(cast(e).get("Properties"));
                    if ("HttpApi".equals(cast(e).get("Type"))) {
                        assertThat(p.get("PayloadFormatVersion")).isEqualTo("2.0");
                        routes.put(p.get("Method") + " " + p.get("Path"), cast(cast(cast(cast(r).get("Properties"))
                                .get("Environment")).get("Variables")).get("QUARKUS_FUNQY_EXPORT").toString());
                    }
                }));

        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of("POST /webhook", "webhook-event",
                "GET /badge/{proxy+}", "read-http", "GET /report/{proxy+}", "read-http",
                "GET /org/{proxy+}", "read-http"));
    }

    static Stream<Arguments> brokenTemplates() {
        return Stream.of(
                broken("a webhook secret in plain environment", "would hold a secret in plain text",
                        t -> variables(t, "WebhookFunction").put("GITHUB_WEBHOOK_SECRET", "hunter2")),
                broken("a secret passed as a parameter", "carries a secret",
                        t -> cast(t.get("Parameters")).put("GitHubPrivateKey", Map.of("Type", "String",
                                "NoEcho", true))),
                broken("a policy on every resource", "is not a resource of this template",
                        t -> statements(t, "EvaluateFunction").get(1).put("Resource", "*")),
                broken("a wildcard action", "wildcard action",
                        t -> statements(t, "WebhookFunction").get(1).put("Action", List.of("dynamodb:*"))),
                broken("a managed policy", "not an inline statement list",
                        t -> list(properties(t, "ReadFunction").get("Policies")).add("AmazonDynamoDBFullAccess")),
                broken("an action the code never calls", "the code calls",
                        t -> list(statements(t, "ReadFunction").get(0).get("Action")).add("dynamodb:DeleteItem")),
                broken("an action the code calls but no function may", "the code calls",
                        t -> statements(t, "ReadFunction").get(0).put("Action", List.of("dynamodb:GetItem",
                                "dynamodb:Query"))),
                broken("a table granted but not configured", "may use tables",
                        t -> variables(t, "EvaluateFunction").remove("BPKEEPER_STORE_GITHUB_CACHE_TABLE")),
                broken("a secret granted to a function that does not read it", "does not need secretsmanager",
                        t -> variables(t, "WebhookFunction").remove("BPKEEPER_APP_CREDENTIALS_SECRET_ID")),
                broken("an export the code lacks", "which no @Funq in the code defines",
                        t -> variables(t, "WebhookFunction").put("QUARKUS_FUNQY_EXPORT", "webhook")),
                broken("a dead-letter queue the function may not send to", "needs sqs:SendMessage on DeadLetterQueue",
                        t -> list(cast(list(properties(t, "EvaluateFunction").get("Policies")).get(0))
                                .get("Statement")).removeIf(st -> "DeadLetterJobsGivenUpWithTheirReason"
                                .equals(cast(st).get("Sid")))),
                broken("no dead-letter queue", "no dead-letter queue",
                        t -> properties(t, "JobQueue").remove("RedrivePolicy")),
                broken("more tries on AWS than locally", "maxReceiveCount",
                        t -> cast(properties(t, "JobQueue").get("RedrivePolicy")).put("maxReceiveCount", 3)),
                broken("no partial batch failures", "does not report batch item failures",
                        t -> sqsEvent(t).remove("FunctionResponseTypes")),
                broken("no maximum concurrency", "no maximum concurrency",
                        t -> sqsEvent(t).remove("ScalingConfig")),
                broken("a key schema the code does not use", "key schema",
                        t -> cast(list(properties(t, "EvaluationsTable").get("KeySchema")).get(1))
                                .put("AttributeName", "sha")),
                broken("an index the code does not have", "indexes",
                        t -> properties(t, "EvaluationsTable").remove("GlobalSecondaryIndexes")),
                broken("deliveries kept for ever", "items never expire",
                        t -> properties(t, "DeliveriesTable").remove("TimeToLiveSpecification")),
                broken("installations that expire", "items expire, but the code keeps them",
                        t -> properties(t, "InstallationsTable").put("TimeToLiveSpecification",
                                Map.of("AttributeName", "ttl", "Enabled", true))),
                broken("a table without point-in-time recovery", "no point-in-time recovery",
                        t -> properties(t, "GitHubCacheTable").remove("PointInTimeRecoverySpecification")),
                broken("a table with a fixed name", "named otherwise",
                        t -> properties(t, "DeliveriesTable").put("TableName", "deliveries")),
                broken("a provisioned table", "not on-demand",
                        t -> properties(t, "InstallationsTable").put("BillingMode", "PROVISIONED")),
                broken("no log retention", "no log group with a retention",
                        t -> cast(t.get("Resources")).remove("EvaluateLogs")),
                broken("no SnapStart", "no SnapStart",
                        t -> cast(cast(t.get("Globals")).get("Function")).remove("SnapStart")),
                broken("no webhook URL output", "no output WebhookUrl",
                        t -> cast(t.get("Outputs")).remove("WebhookUrl")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTemplates")
    void givenABrokenTemplate_whenChecked_thenTheProblemIsNamed(String name, String expected,
                                                               Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> copy = cast(SamTemplate.copy(TEMPLATE));
        breakIt.accept(copy);

        assertThat(INVARIANTS.problems(copy)).anySatisfy(p -> assertThat(p).contains(expected));
    }

    private static Arguments broken(String name, String expected, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(name, expected, breakIt);
    }

    private static Map<String, Object> properties(Map<String, Object> template, String resource) {
        return cast(cast(cast(template.get("Resources")).get(resource)).get("Properties"));
    }

    private static Map<String, Object> variables(Map<String, Object> template, String function) {
        return cast(cast(properties(template, function).get("Environment")).get("Variables"));
    }

    private static List<Map<String, Object>> statements(Map<String, Object> template, String function) {
        return list(cast(list(properties(template, function).get("Policies")).get(0)).get("Statement")).stream()
                .map(SamTemplate::cast).toList();
    }

    private static Map<String, Object> sqsEvent(Map<String, Object> template) {
        return cast(cast(cast(properties(template, "EvaluateFunction").get("Events")).get("Jobs")).get("Properties"));
    }

    /** Every @Funq function in the code, by its exported name. */
    static Set<String> codeExports() {
        JavaClasses classes = new ClassFileImporter().importPackages("dev.bpkeeper.edge");
        Set<String> names = new LinkedHashSet<>();
        classes.forEach(c -> c.getMethods().forEach(m -> m.getAnnotations().stream()
                .filter(a -> a.getRawType().getName().equals("io.quarkus.funqy.Funq"))
                .forEach(a -> {
                    String value = a.get("value").map(Object::toString).orElse("");
                    names.add(value.isEmpty() ? m.getName() : value);
                })));
        return names;
    }

    private static int maxAttempts() {
        try {
            return Integer.parseInt(QueueConfig.class.getMethod("maxAttempts").getAnnotation(WithDefault.class)
                    .value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names each table after its configuration key, so that the template's environment variables can be matched. */
    private static final class TablesNamedAfterTheirKeys implements StoreConfig {
        @Override
        public String evaluationsTable() {
            return "evaluations-table";
        }

        @Override
        public String deliveriesTable() {
            return "deliveries-table";
        }

        @Override
        public String installationsTable() {
            return "installations-table";
        }

        @Override
        public String githubCacheTable() {
            return "github-cache-table";
        }

        @Override
        public String deadLettersTable() {
            return "dead-letters-table";
        }

        @Override
        public boolean createTables() {
            return true;
        }

        @Override
        public Duration tablesWait() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration historyRetention() {
            return Duration.ofDays(90);
        }

        @Override
        public Duration deliveryRetention() {
            return Duration.ofDays(7);
        }
    }

}
