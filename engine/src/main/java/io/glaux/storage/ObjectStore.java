package io.glaux.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * An S3-like object store: buckets of objects addressed by key. Every implementation validates keys with
 * {@link ObjectKeys#validate} and never reads or writes outside its own root.
 *
 * <p>Writes are atomic: an object is either absent, or present with its complete content; a failed or abandoned
 * {@link ObjectUpload} leaves nothing behind.
 */
public interface ObjectStore extends AutoCloseable {

    /** Buckets that exist, sorted by name. */
    List<String> listBuckets() throws IOException;

    boolean bucketExists(String bucket) throws IOException;

    /** Creates the bucket if it does not exist yet. */
    void createBucket(String bucket) throws IOException;

    /**
     * One page of the objects whose keys start with {@code prefix}, in key order, recursively (no delimiter).
     *
     * @param continuationToken null for the first page, else {@link ObjectListing#nextContinuationToken()}
     * @param maxKeys at most this many objects (1..1000)
     */
    ObjectListing list(String bucket, String prefix, String continuationToken, int maxKeys) throws IOException;

    /** The object's size and time stamp, or empty when there is no such object. */
    Optional<ObjectInfo> head(String bucket, String key) throws IOException;

    /**
     * Reads {@code length} bytes from {@code offset} (fewer at the end of the object); {@code length < 0} reads to
     * the end. Throws {@link java.nio.file.NoSuchFileException} when the object does not exist.
     */
    InputStream get(String bucket, String key, long offset, long length) throws IOException;

    /** Starts an atomic write of one object; nothing is visible until {@link ObjectUpload#commit()}. */
    ObjectUpload startUpload(String bucket, String key) throws IOException;

    /** Deletes the object; deleting a missing object is not an error (as in S3). */
    void delete(String bucket, String key) throws IOException;

    /** Writes a whole object atomically. */
    default void put(String bucket, String key, byte[] content) throws IOException {
        try (ObjectUpload upload = startUpload(bucket, key)) {
            upload.write(content);
            upload.commit();
        }
    }

    /** Reads a whole object; meant for small objects (metadata, DDL scripts). */
    default byte[] getAll(String bucket, String key) throws IOException {
        try (InputStream in = get(bucket, key, 0, -1)) {
            return in.readAllBytes();
        }
    }

    /** Every object under a prefix, following continuation tokens. */
    default List<ObjectInfo> listAll(String bucket, String prefix) throws IOException {
        List<ObjectInfo> all = new java.util.ArrayList<>();
        String token = null;
        do {
            ObjectListing page = list(bucket, prefix, token, 1000);
            all.addAll(page.objects());
            token = page.nextContinuationToken().orElse(null);
        } while (token != null);
        return all;
    }

    @Override
    default void close() throws IOException {
    }
}
