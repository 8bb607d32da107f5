package dev.bpkeeper.infra;

import static dev.bpkeeper.infra.SamTemplate.cast;
import static dev.bpkeeper.infra.SamTemplate.list;

import dev.bpkeeper.act.store.Tables;
import dev.bpkeeper.infra.SamTemplate.Intrinsic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

/**
 * What infra/template.yaml must keep true for the code it deploys, as a list of problems (empty when all hold).
 *
 * @param exports the Funqy functions in the code
 * @param tables the tables the code needs, named after their configuration key (e.g. "evaluations-table")
 * @param awsOnlyReplaced tables the code uses only locally, with what replaces them on AWS
 * @param maxAttempts the local queue's tries before dead-lettering, which the SQS redrive policy repeats
 * @param codeActions per table (configuration key), the DynamoDB actions the code calls on it
 */
record TemplateInvariants(Set<String> exports, List<Tables.Definition> tables, Map<String, String> awsOnlyReplaced,
                          int maxAttempts, Map<String, Set<String>> codeActions) {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "PRIVATE_KEY|WEBHOOK_SECRET|CLIENT_SECRET|TOKEN|PASSWORD|(^|_)SECRET$");
    private static final String TABLE_VARIABLE = "BPKEEPER_STORE_(.+)_TABLE";

    List<String> problems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> resources = cast(template.get("Resources"));
        Map<String, Object> globals = cast(cast(template.get("Globals")).get("Function"));
        Map<String, Object> functions = ofType(resources, "AWS::Serverless::Function");
        if (functions.isEmpty()) {
            problems.add("no function");
        }
        Set<String> tablesInUse = new LinkedHashSet<>();
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        functions.forEach((name, resource) -> {
            Map<String, Object> properties = cast(cast(resource).get("Properties"));
            Map<String, Object> environment = environment(globals, properties);
            checkExport(name, environment, problems);
            checkEnvironmentHasNoSecret(name, environment, problems);
            tablesInUse.addAll(checkPolicies(name, environment, properties, resources, granted, problems));
            checkLogGroup(name, resources, problems);
        });
        checkTables(resources, tablesInUse, granted, problems);
        checkQueue(resources, functions, problems);
        checkColdStarts(globals, problems);
        checkParameters(cast(template.get("Parameters")), problems);
        for (String output : List.of("WebhookUrl", "BadgeBaseUrl")) {
            if (!cast(template.get("Outputs")).containsKey(output)) {
                problems.add("no output " + output);
            }
        }
        return problems;
    }

    private void checkExport(String function, Map<String, Object> environment, List<String> problems) {
        Object export = environment.get("QUARKUS_FUNQY_EXPORT");
        if (!(export instanceof String name)) {
            problems.add(function + ": no QUARKUS_FUNQY_EXPORT");
        } else if (!exports.contains(name)) {
            problems.add(function + ": exports '" + name + "', which no @Funq in the code defines");
        }
    }

    private static void checkEnvironmentHasNoSecret(String function, Map<String, Object> environment,
                                                    List<String> problems) {
        environment.forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).find()) {
                problems.add(function + ": the environment variable " + key + " would hold a secret in plain text");
            }
            if (value instanceof String text && text.contains("PRIVATE KEY")) {
                problems.add(function + ": " + key + " holds a private key");
            }
        });
    }

    /** @return the tables the function may touch */
    private static Set<String> checkPolicies(String function, Map<String, Object> environment,
                                             Map<String, Object> properties, Map<String, Object> resources,
                                             Map<String, Set<String>> granted, List<String> problems) {
        List<Object> policies = list(properties.get("Policies"));
        if (policies.isEmpty()) {
            problems.add(function + ": no policy of its own");
        }
        Map<String, Set<String>> actionsByResource = new LinkedHashMap<>();
        for (Object policy : policies) {
            if (!(policy instanceof Map<?, ?>) || !cast(policy).containsKey("Statement")) {
                problems.add(function + ": policy " + policy + " is not an inline statement list (managed and"
                        + " template policies grant more than the function uses)");
                continue;
            }
            for (Object statement : list(cast(policy).get("Statement"))) {
                Map<String, Object> s = cast(statement);
                if (!"Allow".equals(s.get("Effect"))) {
                    continue;
                }
                List<Object> actions = list(s.get("Action"));
                for (Object action : actions) {
                    if (action.toString().contains("*")) {
                        problems.add(function + ": wildcard action " + action);
                    }
                }
                for (Object resource : list(s.get("Resource"))) {
                    String target = target(resource);
                    if (target == null) {
                        problems.add(function + ": resource " + resource + " is not a resource of this template");
                        continue;
                    }
                    actions.forEach(a -> actionsByResource.computeIfAbsent(target, k -> new LinkedHashSet<>())
                            .add(a.toString()));
                }
            }
        }
        Set<String> toldTables = new LinkedHashSet<>();
        environment.forEach((key, value) -> {
            if (key.matches(TABLE_VARIABLE) && value instanceof Intrinsic ref && ref.target() != null) {
                toldTables.add(ref.target());
            }
        });
        Set<String> grantedTables = new LinkedHashSet<>();
        actionsByResource.keySet().stream().filter(r -> "AWS::DynamoDB::Table".equals(type(resources, r)))
                .forEach(grantedTables::add);
        grantedTables.forEach(t -> granted.computeIfAbsent(t, k -> new java.util.TreeSet<>())
                .addAll(actionsByResource.get(t)));
        if (!grantedTables.equals(toldTables)) {
            problems.add(function + ": may use tables " + grantedTables + " but is told about " + toldTables);
        }
        requireGrantIff(function, environment.containsKey("BPKEEPER_APP_CREDENTIALS_SECRET_ID"), actionsByResource,
                "GitHubAppSecretArn", "secretsmanager:GetSecretValue", problems);
        requireGrantIff(function, environment.containsKey("BPKEEPER_QUEUE_SQS_URL"), actionsByResource,
                "JobQueue", "sqs:SendMessage", problems);
        requireGrantIff(function, environment.containsKey("BPKEEPER_QUEUE_SQS_DEAD_LETTER_URL"), actionsByResource,
                "DeadLetterQueue", "sqs:SendMessage", problems);
        return toldTables;
    }

    private static void requireGrantIff(String function, boolean needed, Map<String, Set<String>> grants,
                                        String resource, String action, List<String> problems) {
        boolean granted = grants.getOrDefault(resource, Set.of()).contains(action);
        if (needed != granted) {
            problems.add(function + (needed ? " needs " : " does not need ") + action + " on " + resource);
        }
    }

    private static void checkLogGroup(String function, Map<String, Object> resources, List<String> problems) {
        boolean found = ofType(resources, "AWS::Logs::LogGroup").values().stream().map(r ->
                cast(cast(r).get("Properties"))).anyMatch(p -> p.get("LogGroupName") instanceof Intrinsic sub
                && sub.argument().equals("/aws/lambda/${" + function + "}") && p.get("RetentionInDays") != null);
        if (!found) {
            problems.add(function + ": no log group with a retention");
        }
    }

    private void checkTables(Map<String, Object> resources, Set<String> tablesInUse,
                             Map<String, Set<String>> granted, List<String> problems) {
        Map<String, Object> declared = ofType(resources, "AWS::DynamoDB::Table");
        Map<String, String> configKeyOf = new LinkedHashMap<>();
        ofType(resources, "AWS::Serverless::Function").values().forEach(f -> cast(cast(cast(cast(f)
                .get("Properties")).get("Environment")).get("Variables")).forEach((key, value) -> {
                    if (key.matches(TABLE_VARIABLE) && value instanceof Intrinsic ref && ref.target() != null) {
                        configKeyOf.put(ref.target(), key.replaceAll(TABLE_VARIABLE, "$1")
                                .toLowerCase(Locale.ROOT).replace('_', '-') + "-table");
                    }
                }));
        for (Tables.Definition code : tables) {
            String key = code.request().tableName();
            if (!configKeyOf.containsValue(key) && !awsOnlyReplaced.containsKey(key)) {
                problems.add("no table for " + key);
            }
        }
        declared.forEach((name, resource) -> {
            Map<String, Object> p = cast(cast(resource).get("Properties"));
            String key = configKeyOf.get(name);
            if (key == null || !tablesInUse.contains(name)) {
                problems.add(name + ": no function uses it");
                return;
            }
            Tables.Definition code = tables.stream().filter(t -> t.request().tableName().equals(key)).findFirst()
                    .orElse(null);
            if (code == null) {
                problems.add(name + ": the code has no " + key);
                return;
            }
            compare(name, code, p, problems);
            Set<String> needed = new java.util.TreeSet<>(codeActions.getOrDefault(key, Set.of()));
            Set<String> given = granted.getOrDefault(name, Set.of());
            if (!given.equals(needed)) {
                problems.add(name + ": the functions may " + given + ", the code calls " + needed);
            }
            if (!(p.get("TableName") instanceof Intrinsic sub) || !sub.argument().equals("${AWS::StackName}-"
                    + key.replaceAll("-table$", ""))) {
                problems.add(name + ": named otherwise than ${AWS::StackName}-" + key.replaceAll("-table$", ""));
            }
            if (!"PAY_PER_REQUEST".equals(p.get("BillingMode"))) {
                problems.add(name + ": not on-demand");
            }
            if (!Boolean.TRUE.equals(cast(p.get("PointInTimeRecoverySpecification"))
                    .get("PointInTimeRecoveryEnabled"))) {
                problems.add(name + ": no point-in-time recovery");
            }
        });
    }

    private static void compare(String name, Tables.Definition code, Map<String, Object> p, List<String> problems) {
        CreateTableRequest request = code.request();
        Map<String, String> keys = new LinkedHashMap<>();
        list(p.get("KeySchema")).forEach(k -> keys.put(cast(k).get("AttributeName").toString(),
                cast(k).get("KeyType").toString()));
        Map<String, String> codeKeys = new LinkedHashMap<>();
        request.keySchema().forEach(k -> codeKeys.put(k.attributeName(), k.keyTypeAsString()));
        if (!keys.equals(codeKeys)) {
            problems.add(name + ": key schema " + keys + " differs from the code's " + codeKeys);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        list(p.get("AttributeDefinitions")).forEach(a -> attributes.put(cast(a).get("AttributeName").toString(),
                cast(a).get("AttributeType").toString()));
        Map<String, String> codeAttributes = new LinkedHashMap<>();
        request.attributeDefinitions().forEach(a -> codeAttributes.put(a.attributeName(),
                a.attributeTypeAsString()));
        if (!attributes.equals(codeAttributes)) {
            problems.add(name + ": attributes " + attributes + " differ from the code's " + codeAttributes);
        }
        Map<String, String> indexes = new LinkedHashMap<>();
        list(p.get("GlobalSecondaryIndexes")).forEach(i -> {
            StringBuilder shape = new StringBuilder();
            list(cast(i).get("KeySchema")).forEach(k -> shape.append(cast(k).get("AttributeName")).append(':')
                    .append(cast(k).get("KeyType")).append(' '));
            indexes.put(cast(i).get("IndexName").toString(),
                    shape + cast(cast(i).get("Projection")).get("ProjectionType").toString());
        });
        Map<String, String> codeIndexes = new LinkedHashMap<>();
        for (GlobalSecondaryIndex index : request.globalSecondaryIndexes()) {
            StringBuilder shape = new StringBuilder();
            index.keySchema().forEach(k -> shape.append(k.attributeName()).append(':').append(k.keyTypeAsString())
                    .append(' '));
            codeIndexes.put(index.indexName(), shape + index.projection().projectionTypeAsString());
        }
        if (!indexes.equals(codeIndexes)) {
            problems.add(name + ": indexes " + indexes + " differ from the code's " + codeIndexes);
        }
        Map<String, Object> ttl = cast(p.get("TimeToLiveSpecification"));
        boolean expires = Boolean.TRUE.equals(ttl.get("Enabled")) && Tables.TTL.equals(ttl.get("AttributeName"));
        if (expires != code.withTtl()) {
            problems.add(name + (code.withTtl() ? ": items never expire, but the code sets '" + Tables.TTL + "'"
                    : ": items expire, but the code keeps them"));
        }
    }

    private void checkQueue(Map<String, Object> resources, Map<String, Object> functions, List<String> problems) {
        Map<String, Object> queue = cast(cast(resources.get("JobQueue")).get("Properties"));
        Map<String, Object> redrive = cast(queue.get("RedrivePolicy"));
        if (!(redrive.get("deadLetterTargetArn") instanceof Intrinsic dlq)
                || !"AWS::SQS::Queue".equals(type(resources, dlq.target())) || "JobQueue".equals(dlq.target())) {
            problems.add("JobQueue: no dead-letter queue");
        }
        if (!Integer.valueOf(maxAttempts).equals(redrive.get("maxReceiveCount"))) {
            problems.add("JobQueue: maxReceiveCount " + redrive.get("maxReceiveCount") + " is not the queue's "
                    + maxAttempts + " attempts");
        }
        List<Map<String, Object>> consumers = new ArrayList<>();
        functions.forEach((name, f) -> cast(cast(cast(f).get("Properties")).get("Events")).values().forEach(e -> {
            Map<String, Object> event = cast(e);
            if ("SQS".equals(event.get("Type"))) {
                Map<String, Object> p = new LinkedHashMap<>(cast(event.get("Properties")));
                p.put("__timeout", cast(cast(f).get("Properties")).get("Timeout"));
                consumers.add(p);
            }
        }));
        if (consumers.size() != 1) {
            problems.add(consumers.size() + " consumers of the queue, expected the evaluate function alone");
            return;
        }
        Map<String, Object> consumer = consumers.get(0);
        if (!list(consumer.get("FunctionResponseTypes")).contains("ReportBatchItemFailures")) {
            problems.add("the queue's consumer does not report batch item failures: one bad job fails its batch");
        }
        if (cast(consumer.get("ScalingConfig")).get("MaximumConcurrency") == null) {
            problems.add("the queue's consumer has no maximum concurrency to protect the GitHub rate limit");
        }
        if (consumer.get("__timeout") instanceof Integer timeout && queue.get("VisibilityTimeout") instanceof Integer
                visibility && visibility < 6 * timeout) {
            problems.add("JobQueue: visibility timeout " + visibility + " s is under six times the consumer's "
                    + timeout + " s");
        }
    }

    private static void checkColdStarts(Map<String, Object> globals, List<String> problems) {
        if (!"PublishedVersions".equals(cast(globals.get("SnapStart")).get("ApplyOn"))
                || globals.get("AutoPublishAlias") == null) {
            problems.add("no SnapStart on published versions");
        }
    }

    private static void checkParameters(Map<String, Object> parameters, List<String> problems) {
        parameters.forEach((name, p) -> {
            if (Boolean.TRUE.equals(cast(p).get("NoEcho")) || name.matches("(?i).*(private|webhooksecret|token).*")) {
                problems.add("parameter " + name + " carries a secret; pass the secret's ARN instead");
            }
        });
    }

    private static Map<String, Object> environment(Map<String, Object> globals, Map<String, Object> properties) {
        Map<String, Object> environment = new LinkedHashMap<>(cast(cast(globals.get("Environment")).get("Variables")));
        environment.putAll(cast(cast(properties.get("Environment")).get("Variables")));
        return environment;
    }

    private static Map<String, Object> ofType(Map<String, Object> resources, String type) {
        Map<String, Object> found = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            if (type.equals(cast(r).get("Type"))) {
                found.put(name, r);
            }
        });
        return found;
    }

    private static String type(Map<String, Object> resources, String name) {
        return name == null ? null : (String) cast(resources.get(name)).get("Type");
    }

    /** The resource or parameter a policy resource names: !Ref X, !GetAtt X.Arn or !Sub "${X.Arn}/index/...". */
    private static String target(Object resource) {
        if (resource instanceof Intrinsic intrinsic) {
            if (intrinsic.target() != null) {
                return intrinsic.target();
            }
            if (intrinsic.function().equals("Sub")) {
                java.util.regex.Matcher m = Pattern.compile("^\\$\\{([A-Za-z0-9]+)\\.Arn}/")
                        .matcher(intrinsic.argument().toString());
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }
}
