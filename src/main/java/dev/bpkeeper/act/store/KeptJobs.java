package dev.bpkeeper.act.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.intake.Job;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The in-process queue's jobs, kept in the deliveries table with the delivery that brought them
 * ({@link DeliveryLog#firstTime(String, String, List)} writes them in its one conditional write) until each has
 * finished: what a crash or a stop leaves unfinished, the next start runs again. Not used on AWS, where SQS keeps
 * the jobs (so the functions are granted none of these calls).
 */
@Singleton
public class KeptJobs {
    /** The delivery's jobs (JSON array) while some are unfinished; gzip-compressed in {@link #JOBS_GZ} when large. */
    static final String JOBS = "jobs";
    static final String JOBS_GZ = "jobsGz";
    /** The positions (in {@link #JOBS}) of the jobs not finished yet; DynamoDB drops the set with its last member. */
    static final String UNFINISHED = "unfinished";
    /** Present (always {@link #RESUMABLE}) while jobs are unfinished: the key of the sparse index below. */
    public static final String RESUME = "resume";
    static final String RESUMABLE = "yes";
    /** The deliveries with unfinished jobs (keys only): few, whatever the number of deliveries remembered. */
    public static final String UNFINISHED_INDEX = "unfinished-jobs";
    /** Above this, the jobs are kept compressed: an item holds 400 KB at most (an installation of many repos). */
    static final int COMPRESS_ABOVE = 64 * 1024;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    ObjectMapper json;

    /** The job at {@code position} of the delivery finished (done or dead-lettered): not run again after a restart. */
    public void finished(String deliveryId, int position) {
        Map<String, AttributeValue> key = Map.of(Tables.ID, AttributeValue.fromS(deliveryId));
        try {
            Map<String, AttributeValue> left = dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(config.deliveriesTable()).key(key).updateExpression("DELETE #u :p")
                    .conditionExpression("attribute_exists(#u)")
                    .expressionAttributeNames(Map.of("#u", UNFINISHED))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromNs(List.of(Integer.toString(position)))))
                    .returnValues(ReturnValue.UPDATED_NEW).build()).attributes();
            if (left == null || !left.containsKey(UNFINISHED)) {
                // The last one: the jobs need not be kept, and the delivery leaves the index of unfinished work.
                dynamo.updateItem(UpdateItemRequest.builder().tableName(config.deliveriesTable()).key(key)
                        .updateExpression("REMOVE #j, #g, #r").conditionExpression("attribute_not_exists(#u)")
                        .expressionAttributeNames(Map.of("#j", JOBS, "#g", JOBS_GZ, "#r", RESUME, "#u", UNFINISHED))
                        .build());
            }
        } catch (ConditionalCheckFailedException notKept) {
            // Never kept (a job the queue was handed directly) or already finished (run twice after a restart).
        } catch (SdkException e) {
            throw new StorageException("Could not mark job " + position + " of delivery " + deliveryId + " finished",
                    e);
        }
    }

    /** One job kept with its delivery and not finished yet. */
    public record KeptJob(String deliveryId, int position, Job job) {
    }

    /** Every kept job not finished yet, oldest delivery first: what a crash or a stop left to do. */
    public List<KeptJob> unfinished() {
        List<KeptJob> jobs = new ArrayList<>();
        try {
            List<String> ids = dynamo.queryPaginator(QueryRequest.builder().tableName(config.deliveriesTable())
                    .indexName(UNFINISHED_INDEX).keyConditionExpression("#r = :y")
                    .expressionAttributeNames(Map.of("#r", RESUME))
                    .expressionAttributeValues(Map.of(":y", AttributeValue.fromS(RESUMABLE))).build()).items()
                    .stream().map(i -> i.get(Tables.ID).s()).toList();
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (String id : ids) {
                Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                        .tableName(config.deliveriesTable()).key(Map.of(Tables.ID, AttributeValue.fromS(id)))
                        .consistentRead(true).build()).item();
                if (item != null && item.containsKey(UNFINISHED)) {
                    items.add(item);
                }
            }
            items.sort(java.util.Comparator.comparing(i -> i.get("receivedAt").s()));
            for (Map<String, AttributeValue> item : items) {
                List<Job> all = jobsOf(item);
                for (String position : item.get(UNFINISHED).ns()) {
                    int p = Integer.parseInt(position);
                    if (p < all.size()) {
                        jobs.add(new KeptJob(item.get(Tables.ID).s(), p, all.get(p)));
                    }
                }
            }
        } catch (SdkException e) {
            throw new StorageException("Could not read the unfinished jobs", e);
        }
        return jobs;
    }

    /** The attributes that keep {@code jobs} with their delivery, all unfinished. */
    static Map<String, AttributeValue> attributes(List<Job> jobs, ObjectMapper json) {
        String text;
        try {
            text = json.writeValueAsString(jobs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job could not be written as JSON", e);
        }
        List<String> positions = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            positions.add(Integer.toString(i));
        }
        return Map.of(text.length() > COMPRESS_ABOVE ? JOBS_GZ : JOBS, text.length() > COMPRESS_ABOVE
                        ? AttributeValue.fromB(SdkBytes.fromByteArray(gzip(text))) : AttributeValue.fromS(text),
                UNFINISHED, AttributeValue.fromNs(positions), RESUME, AttributeValue.fromS(RESUMABLE));
    }

    private List<Job> jobsOf(Map<String, AttributeValue> item) {
        try {
            String text = item.containsKey(JOBS) ? item.get(JOBS).s() : gunzip(item.get(JOBS_GZ).b().asByteArray());
            return List.of(json.readValue(text, Job[].class));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StorageException("The jobs of delivery " + item.get(Tables.ID).s() + " could not be read", e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
