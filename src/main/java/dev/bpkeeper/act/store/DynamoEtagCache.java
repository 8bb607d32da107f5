package dev.bpkeeper.act.store;

import dev.bpkeeper.github.EtagCache;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ETag cache in DynamoDB (table bpkeeper-github-cache), compressed, kept 30 days. */
@Singleton
public class DynamoEtagCache implements EtagCache {
    private static final Logger LOG = Logger.getLogger(DynamoEtagCache.class);
    static final Duration KEEP = Duration.ofDays(30);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    StoreConfig config;

    @Inject
    Clock clock;

    @Override
    public Optional<Entry> get(String key) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(config.githubCacheTable())
                    .key(Map.of(Tables.ID, AttributeValue.fromS(key)))).item();
            if (item == null || item.isEmpty()) {
                return Optional.empty();
            }
            AttributeValue link = item.get("link");
            return Optional.of(new Entry(item.get("etag").s(), gunzip(item.get("body").b().asByteArray()),
                    item.get("contentType").s(), link == null ? null : link.s()));
        } catch (SdkException | UncheckedIOException e) {
            LOG.debugf("ETag cache miss for %s: %s", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, Entry entry) {
        try {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(Tables.ID, AttributeValue.fromS(key));
            item.put("etag", AttributeValue.fromS(entry.etag()));
            item.put("body", AttributeValue.fromB(SdkBytes.fromByteArray(gzip(entry.body()))));
            item.put("contentType", AttributeValue.fromS(entry.contentType()));
            if (entry.link() != null) {
                item.put("link", AttributeValue.fromS(entry.link()));
            }
            item.put(Tables.TTL, AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond())));
            dynamo.putItem(b -> b.tableName(config.githubCacheTable()).item(item));
        } catch (SdkException e) {
            LOG.debugf("ETag cache not written for %s: %s", key, e.getMessage());
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
