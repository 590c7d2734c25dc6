package io.glaux.storage;

import io.glaux.persist.DeferredSync;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of objects: buckets of objects addressed by key, as S3 has them. Every path that reads or writes
 * objects goes through a store — the S3 endpoint, the engine's readers and writers, result objects — so the rules
 * below hold everywhere. Implementations: the embedded data folder ({@link LocalFolderStore}) and any S3-compatible
 * endpoint ({@link S3CompatibleStore}).
 *
 * <ul>
 *   <li>Names: bucket names follow S3's rules ({@link ObjectKeys#validateBucket}); a key is 1 to 1024 bytes of UTF-8
 *       ({@link ObjectKeys#validate}). A store never reads or writes outside its own root, whatever the key.</li>
 *   <li>Writes are atomic: an object is either absent, or present with its complete content and metadata; a failed,
 *       abandoned or cut-off {@link ObjectUpload} leaves nothing behind, not even after a crash.</li>
 *   <li>Errors: a missing bucket is {@link NoSuchBucketException}, a missing object {@link NoSuchObjectException}
 *       (both {@link java.nio.file.NoSuchFileException}s), a store that does not answer
 *       {@link StoreUnavailableException}; messages name the store ({@link #name()}) and the object, never a path of
 *       the machine.</li>
 * </ul>
 */
public interface ObjectStore extends AutoCloseable {

    /** The store as messages name it: "the embedded store" or "the S3 store at http://host:port". */
    String name();

    /** Buckets that exist, sorted by name, with their creation times. */
    List<BucketInfo> buckets() throws IOException;

    boolean bucketExists(String bucket) throws IOException;

    /** Creates the bucket; returns false (and changes nothing) when it exists already. */
    boolean createBucket(String bucket) throws IOException;

    /**
     * Deletes an empty bucket.
     *
     * @throws NoSuchBucketException when there is no such bucket
     * @throws BucketNotEmptyException when it still holds objects
     */
    void deleteBucket(String bucket) throws IOException;

    /**
     * One page of the objects whose keys start with the request's prefix, in S3 key order (UTF-8 bytes). With a
     * delimiter, keys that hold it after the prefix are rolled up into common prefixes, as S3 does; an entry (key or
     * common prefix) is returned only when it sorts after {@link ListRequest#startAfter()}.
     */
    ObjectListing list(String bucket, ListRequest request) throws IOException;

    /** The object's size, time stamp, ETag and metadata, or empty when there is no such object (or bucket). */
    Optional<StoredObject> stat(String bucket, String key) throws IOException;

    /**
     * Opens {@code length} bytes from {@code offset} (fewer at the end of the object; {@code length < 0} reads to
     * the end) together with the description of the very object being read, so content and metadata always match.
     *
     * @throws NoSuchBucketException when there is no such bucket
     * @throws NoSuchObjectException when there is no such object
     */
    ObjectRead read(String bucket, String key, long offset, long length) throws IOException;

    /** Starts an atomic write of one object; nothing is visible until {@link ObjectUpload#commit()}. */
    ObjectUpload startUpload(String bucket, String key, ObjectMetadata metadata) throws IOException;

    /**
     * As {@link #startUpload(String, String, ObjectMetadata)}, for an object whose ETag need not be the MD5 of its
     * bytes: Glaux's own large files (SPICE's datasets), where reading every byte through MD5 cost a third of an
     * import. Its ETag is opaque, as S3 gives objects encrypted with SSE-KMS, and new whenever the object is written
     * again. A store that computes ETags itself, or one that must digest the bytes anyway, starts a plain upload.
     */
    default ObjectUpload startUploadWithoutDigest(String bucket, String key, ObjectMetadata metadata)
            throws IOException {
        return startUpload(bucket, key, metadata);
    }

    /** Deletes the object; deleting a missing object is not an error (as in S3). */
    void delete(String bucket, String key) throws IOException;

    /** Names of the buckets that exist, sorted. */
    default List<String> listBuckets() throws IOException {
        return buckets().stream().map(BucketInfo::name).toList();
    }

    /**
     * One page of the objects under {@code prefix}, recursively (no delimiter).
     *
     * @param continuationToken null for the first page, else {@link ObjectListing#nextContinuationToken()}
     * @param maxKeys at most this many objects (1..1000)
     */
    default ObjectListing list(String bucket, String prefix, String continuationToken, int maxKeys)
            throws IOException {
        return list(bucket, ListRequest.under(prefix, ListingPages.startAfter(continuationToken), maxKeys));
    }

    /** The object's size and time stamp, or empty when there is no such object. */
    default Optional<ObjectInfo> head(String bucket, String key) throws IOException {
        return stat(bucket, key).map(StoredObject::info);
    }

    /** The object's bytes from {@code offset}, as {@link #read}. */
    default InputStream get(String bucket, String key, long offset, long length) throws IOException {
        return read(bucket, key, offset, length).content();
    }

    /** Starts an atomic write of an object without metadata. */
    default ObjectUpload startUpload(String bucket, String key) throws IOException {
        return startUpload(bucket, key, ObjectMetadata.EMPTY);
    }

    /** Writes a whole object atomically. */
    default ObjectInfo put(String bucket, String key, byte[] content) throws IOException {
        try (ObjectUpload upload = startUpload(bucket, key)) {
            upload.write(content);
            return upload.commit();
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
        List<ObjectInfo> all = new ArrayList<>();
        String startAfter = null;
        ObjectListing page;
        do {
            page = list(bucket, ListRequest.under(prefix, startAfter, 1000));
            all.addAll(page.objects());
            startAfter = page.nextStartAfter().orElse(null);
        } while (startAfter != null);
        return all;
    }

    /**
     * This store with its KMS keys used as {@code user} (SSE-KMS data keys generated and decrypted as that caller).
     * A store that encrypts nothing itself returns itself.
     */
    default ObjectStore usingKeysAs(io.glaux.storage.crypto.KeyUser user) {
        return this;
    }

    /**
     * This store with its writes left for {@code pending} to force to disk: uploads and new buckets are published as
     * atomically as ever (a crash of the process still leaves each object whole or absent), but the disk is not
     * waited for until {@link DeferredSync#force()}, so after a power cut before it they may be missing. For a set of
     * writes that is redone whole when it was interrupted. Closing the view closes nothing: the store it came from
     * owns what it holds. A store whose writes are durable when they return (an S3 endpoint) returns itself.
     */
    default ObjectStore deferringSync(DeferredSync pending) {
        return this;
    }

    @Override
    default void close() throws IOException {
    }
}
