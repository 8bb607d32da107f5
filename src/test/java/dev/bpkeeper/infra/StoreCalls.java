package dev.bpkeeper.infra;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.bpkeeper.act.store.KeptJobs;
import dev.bpkeeper.act.store.StoreConfig;
import dev.bpkeeper.act.store.Tables;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DynamoDB actions the code calls, per table: each store class is read from its bytecode for the tables it names
 * (StoreConfig accessors) and the DynamoDbClient methods it calls, as IAM actions ("getItem" → "dynamodb:GetItem").
 * Table creation is left out: on AWS the template creates the tables.
 */
final class StoreCalls {
    private StoreCalls() {
    }

    static Map<String, Set<String>> actionsByTable() {
        Map<String, Set<String>> actions = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().importPackages("dev.bpkeeper.act.store")) {
            // KeptJobs serves the in-process queue only: on AWS, SQS keeps the jobs and no function calls it.
            if (type.isAssignableTo(Tables.class) || type.isAssignableTo(KeptJobs.class)
                    || type.getName().contains("Test")) {
                continue;
            }
            Set<String> tables = new TreeSet<>();
            Set<String> calls = new TreeSet<>();
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                String owner = call.getTargetOwner().getName();
                String method = call.getName();
                if (owner.equals(StoreConfig.class.getName()) && method.endsWith("Table")) {
                    tables.add(method.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
                } else if (owner.equals("software.amazon.awssdk.services.dynamodb.DynamoDbClient")) {
                    String action = method.replaceAll("Paginator$", "");
                    calls.add("dynamodb:" + Character.toUpperCase(action.charAt(0)) + action.substring(1));
                }
            }
            tables.forEach(t -> actions.computeIfAbsent(t, k -> new TreeSet<>()).addAll(calls));
        }
        return actions;
    }
}
