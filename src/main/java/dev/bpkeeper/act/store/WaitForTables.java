package dev.bpkeeper.act.store;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Holds every DynamoDB call but the tables' own creation until the tables exist (see {@link TablesReady}); one
 * place for all stores, registered on the client by quarkus.dynamodb.interceptors.
 */
@Singleton
@Unremovable
public class WaitForTables implements ExecutionInterceptor {

    @Inject
    TablesReady tables;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof CreateTableRequest || context.request() instanceof UpdateTimeToLiveRequest
                || context.request() instanceof DescribeTableRequest || context.request() instanceof UpdateTableRequest) {
            return;
        }
        tables.await();
    }
}
