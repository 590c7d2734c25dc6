package io.glaux.catalog.ddl;

import io.glaux.storage.BucketInfo;
import io.glaux.storage.BucketNotEmptyException;
import io.glaux.storage.ListRequest;
import io.glaux.storage.NoSuchBucketException;
import io.glaux.storage.NoSuchObjectException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectRead;
import io.glaux.storage.StoredObject;
import io.glaux.storage.ObjectKeys;
import io.glaux.storage.ObjectListing;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    public String name() {
        return "the in-memory test store";
    }

    @Override
    public synchronized List<BucketInfo> buckets() {
        return buckets.keySet().stream().map(name -> new BucketInfo(name, Instant.EPOCH)).toList();
    }

    @Override
    public synchronized boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    @Override
    public synchronized boolean createBucket(String bucket) {
        ObjectKeys.validateBucket(bucket);
        return buckets.putIfAbsent(bucket, new TreeMap<>()) == null;
    }

    @Override
    public synchronized void deleteBucket(String bucket) throws IOException {
        if (!bucket(bucket).isEmpty()) {
            throw new BucketNotEmptyException(bucket);
        }
        buckets.remove(bucket);
    }

    /** Recursive listings only: the DDL needs no delimiter. */
    @Override
    public synchronized ObjectListing list(String bucket, ListRequest request) throws IOException {
        if (request.delimiter() != null) {
            throw new UnsupportedOperationException("the in-memory test store lists without a delimiter");
        }
        listCalls++;
        String prefix = request.prefix();
        String startAfter = request.startAfter();
        NavigableMap<String, byte[]> objects = bucket(bucket);
        String from = startAfter != null ? startAfter : prefix;
        List<ObjectInfo> page = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : objects.tailMap(from, startAfter == null).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (page.size() == request.maxKeys()) {
                return new ObjectListing(page, Optional.of(page.get(page.size() - 1).key()));
            }
            page.add(new ObjectInfo(bucket, e.getKey(), e.getValue().length, Instant.EPOCH));
        }
        return new ObjectListing(page, Optional.empty());
    }

    @Override
    public synchronized Optional<StoredObject> stat(String bucket, String key) throws IOException {
        byte[] content = bucket(bucket).get(key);
        return content == null ? Optional.empty()
                : Optional.of(new StoredObject(new ObjectInfo(bucket, key, content.length, Instant.EPOCH),
                        ObjectMetadata.EMPTY));
    }

    @Override
    public synchronized ObjectRead read(String bucket, String key, long offset, long length) throws IOException {
        byte[] content = bucket(bucket).get(key);
        if (content == null) {
            throw new NoSuchObjectException(bucket, key);
        }
        int start = (int) Math.min(offset, content.length);
        int end = length < 0 ? content.length : (int) Math.min(content.length, start + length);
        return new ObjectRead(stat(bucket, key).orElseThrow(),
                new ByteArrayInputStream(content, start, end - start));
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key, ObjectMetadata metadata) throws IOException {
        ObjectKeys.validate(key);
        bucket(bucket);
        return new ObjectUpload() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public ObjectInfo commit(String etag) {
                synchronized (InMemoryObjectStore.this) {
                    buckets.get(bucket).put(key, buffer.toByteArray());
                }
                return new ObjectInfo(bucket, key, buffer.size(), Instant.EPOCH, etag);
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
            throw new NoSuchBucketException(bucket);
        }
        return objects;
    }
}
