package io.glaux.s3.api;

import io.glaux.storage.BucketInfo;
import io.glaux.storage.ListRequest;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectListing;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectRead;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.StoreUnavailableException;
import io.glaux.storage.StoredObject;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A store that fails on demand: unreachable, failing with a raw error, or failing to publish uploads. */
final class FailingStore implements ObjectStore {

    enum Failure { NONE, UNAVAILABLE, BROKEN, COMMIT }

    private final ObjectStore store;
    volatile Failure failure = Failure.NONE;

    FailingStore(ObjectStore store) {
        this.store = store;
    }

    private void check() throws IOException {
        switch (failure) {
            case UNAVAILABLE -> throw new StoreUnavailableException("The test store at http://127.0.0.1:1 did not"
                    + " answer", null);
            case BROKEN -> throw new IOException("/very/secret/path/of/the/machine: disk on fire");
            default -> {
            }
        }
    }

    @Override
    public String name() {
        return "the failing test store";
    }

    @Override
    public List<BucketInfo> buckets() throws IOException {
        check();
        return store.buckets();
    }

    @Override
    public boolean bucketExists(String bucket) throws IOException {
        check();
        return store.bucketExists(bucket);
    }

    @Override
    public boolean createBucket(String bucket) throws IOException {
        check();
        return store.createBucket(bucket);
    }

    @Override
    public void deleteBucket(String bucket) throws IOException {
        check();
        store.deleteBucket(bucket);
    }

    @Override
    public ObjectListing list(String bucket, ListRequest request) throws IOException {
        check();
        return store.list(bucket, request);
    }

    @Override
    public Optional<StoredObject> stat(String bucket, String key) throws IOException {
        check();
        return store.stat(bucket, key);
    }

    @Override
    public ObjectRead read(String bucket, String key, long offset, long length) throws IOException {
        check();
        return store.read(bucket, key, offset, length);
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key, ObjectMetadata metadata) throws IOException {
        check();
        ObjectUpload upload = store.startUpload(bucket, key, metadata);
        return new ObjectUpload() {
            @Override
            public void write(int b) throws IOException {
                upload.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                upload.write(b, off, len);
            }

            @Override
            public ObjectInfo commit(String etag) throws IOException {
                if (failure == Failure.COMMIT) {
                    throw new IOException("cut off before publishing");
                }
                return upload.commit(etag);
            }

            @Override
            public void close() throws IOException {
                upload.close();
            }
        };
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        check();
        store.delete(bucket, key);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
