package io.glaux.catalog.ddl;

import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectKeys;
import io.glaux.storage.ObjectListing;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** A test double of {@link ObjectStore}: buckets of keys in sorted maps, with S3's paginated listing. */
final class InMemoryObjectStore implements ObjectStore {

    private final Map<String, NavigableMap<String, byte[]>> buckets = new TreeMap<>();
    int listCalls;

    @Override
    public synchronized List<String> listBuckets() {
        return new ArrayList<>(buckets.keySet());
    }

    @Override
    public synchronized boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    @Override
    public synchronized void createBucket(String bucket) {
        ObjectKeys.validateBucket(bucket);
        buckets.computeIfAbsent(bucket, b -> new TreeMap<>());
    }

    @Override
    public synchronized ObjectListing list(String bucket, String prefix, String continuationToken, int maxKeys)
            throws IOException {
        if (maxKeys < 1 || maxKeys > 1000) {
            throw new IllegalArgumentException("maxKeys must be 1..1000");
        }
        ObjectKeys.validatePrefix(prefix);
        listCalls++;
        NavigableMap<String, byte[]> objects = bucket(bucket);
        String from = continuationToken != null ? continuationToken : prefix == null ? "" : prefix;
        List<ObjectInfo> page = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : objects.tailMap(from, continuationToken == null).entrySet()) {
            if (prefix != null && !e.getKey().startsWith(prefix)) {
                break;
            }
            if (page.size() == maxKeys) {
                return new ObjectListing(page, Optional.of(page.get(page.size() - 1).key()));
            }
            page.add(new ObjectInfo(bucket, e.getKey(), e.getValue().length, Instant.EPOCH));
        }
        return new ObjectListing(page, Optional.empty());
    }

    @Override
    public synchronized Optional<ObjectInfo> head(String bucket, String key) throws IOException {
        byte[] content = bucket(bucket).get(key);
        return content == null ? Optional.empty()
                : Optional.of(new ObjectInfo(bucket, key, content.length, Instant.EPOCH));
    }

    @Override
    public synchronized InputStream get(String bucket, String key, long offset, long length) throws IOException {
        byte[] content = bucket(bucket).get(key);
        if (content == null) {
            throw new NoSuchFileException("s3://" + bucket + "/" + key);
        }
        int start = (int) Math.min(offset, content.length);
        int end = length < 0 ? content.length : (int) Math.min(content.length, start + length);
        return new ByteArrayInputStream(content, start, end - start);
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key) throws IOException {
        ObjectKeys.validate(key);
        bucket(bucket);
        return new ObjectUpload() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void commit() {
                synchronized (InMemoryObjectStore.this) {
                    buckets.get(bucket).put(key, buffer.toByteArray());
                }
            }

            @Override
            public void close() {
                // nothing staged outside the buffer
            }
        };
    }

    @Override
    public synchronized void delete(String bucket, String key) throws IOException {
        bucket(bucket).remove(key);
    }

    void put(String bucket, String key) throws IOException {
        createBucket(bucket);
        put(bucket, key, new byte[] {1});
    }

    private NavigableMap<String, byte[]> bucket(String bucket) throws IOException {
        NavigableMap<String, byte[]> objects = buckets.get(bucket);
        if (objects == null) {
            throw new NoSuchFileException("The specified bucket does not exist: " + bucket);
        }
        return objects;
    }
}
