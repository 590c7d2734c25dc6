package io.glaux.storage.crypto;

import io.glaux.persist.DeferredSync;
import io.glaux.storage.BucketInfo;
import io.glaux.storage.ListRequest;
import io.glaux.storage.NoSuchObjectException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectListing;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectRead;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.S3Location;
import io.glaux.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Encryption at rest, once, for every reader and writer of a store: an object written with
 * {@link ObjectMetadata#encryption()} set is stored as AES-256-GCM segments ({@link SegmentLayout}) under a data key
 * of its own ({@link EnvelopeKeys}: SSE-S3 or SSE-KMS), the sealed {@link ObjectEncryption} kept in its metadata; an
 * object written without is stored as it is (Glaux's own files stay readable by other tools). Reads decrypt: sizes,
 * ranges and ETags (the MD5 of the plaintext) are the plaintext's, and a range decrypts only the segments it touches,
 * so Parquet's footer-first reads and ranged GETs stay cheap and no read or write ever holds a whole object.
 *
 * <p>{@link #usingKeysAs(KeyUser)} gives the same store with KMS calls made as a caller; without it they are Glaux's
 * own. Wraps a store that keeps {@link ObjectMetadata} whole ({@link io.glaux.storage.LocalFolderStore}).
 */
public final class EncryptingStore implements ObjectStore {

    private static final int ATTEMPTS = 3;

    private final ObjectStore inner;
    private final EnvelopeKeys keys;
    private final KeyUser user;

    public EncryptingStore(ObjectStore inner, EnvelopeKeys keys) {
        this(inner, keys, null);
    }

    private EncryptingStore(ObjectStore inner, EnvelopeKeys keys, KeyUser user) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.user = user;
    }

    @Override
    public ObjectStore usingKeysAs(KeyUser keyUser) {
        return new EncryptingStore(inner, keys, keyUser);
    }

    /** The store underneath, which holds the ciphertext. */
    public ObjectStore inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<BucketInfo> buckets() throws IOException {
        return inner.buckets();
    }

    @Override
    public boolean bucketExists(String bucket) throws IOException {
        return inner.bucketExists(bucket);
    }

    @Override
    public boolean createBucket(String bucket) throws IOException {
        return inner.createBucket(bucket);
    }

    @Override
    public void deleteBucket(String bucket) throws IOException {
        inner.deleteBucket(bucket);
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        inner.delete(bucket, key);
    }

    @Override
    public ObjectListing list(String bucket, ListRequest request) throws IOException {
        ObjectListing page = inner.list(bucket, request);
        List<ObjectInfo> objects = new ArrayList<>(page.objects().size());
        for (ObjectInfo object : page.objects()) {
            Optional<StoredObject> stored = inner.stat(bucket, object.key());
            ObjectEncryption encryption = stored.map(found -> found.metadata().encryption()).orElse(null);
            objects.add(encryption == null || stored.get().info().size() != object.size() ? object
                    : plain(object, encryption));
        }
        return new ObjectListing(objects, page.commonPrefixes(), page.nextStartAfter());
    }

    @Override
    public Optional<StoredObject> stat(String bucket, String key) throws IOException {
        return inner.stat(bucket, key).map(EncryptingStore::plain);
    }

    @Override
    public ObjectRead read(String bucket, String key, long offset, long length) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        S3Location location = new S3Location(bucket, key);
        for (int attempt = 1; ; attempt++) {
            Optional<StoredObject> seen = inner.stat(bucket, key);
            ObjectEncryption encryption = seen.map(found -> found.metadata().encryption()).orElse(null);
            if (encryption == null) {
                ObjectRead read = inner.read(bucket, key, offset, length);
                if (read.object().metadata().encryption() == null) {
                    return read;
                }
                read.close();
            } else {
                ObjectRead read = readEncrypted(location, seen.get(), encryption, offset, length);
                if (read != null) {
                    return read;
                }
            }
            if (attempt == ATTEMPTS) {
                throw new NoSuchObjectException(bucket, key);
            }
        }
    }

    /** The plaintext range of an encrypted object; null when the object was replaced since it was looked at. */
    private ObjectRead readEncrypted(S3Location location, StoredObject seen, ObjectEncryption encryption,
            long offset, long length) throws IOException {
        SegmentLayout layout = new SegmentLayout(encryption.segmentSize());
        long storedSize = seen.info().size();
        long plainSize = layout.plainSize(storedSize);
        long start = Math.min(offset, plainSize);
        long end = length < 0 ? plainSize : Math.min(plainSize, start + length);
        long first = start == end ? 0 : layout.segmentOf(start);
        long last = start == end ? 0 : layout.segmentOf(end - 1);
        long storedStart = layout.storedOffset(first);
        long storedEnd = Math.min(storedSize, layout.storedOffset(last + 1));
        byte[] dataKey = keys.unseal(location, encryption, user);
        ObjectRead read = inner.read(location.bucket(), location.key(), storedStart, storedEnd - storedStart);
        if (!sameGeneration(read.object(), seen)) {
            read.close();
            return null;
        }
        if (start == end) {
            read.close();
            return new ObjectRead(plain(read.object()), new ByteArrayInputStream(new byte[0]));
        }
        return new ObjectRead(plain(read.object()), new DecryptingInputStream(read.content(),
                new SegmentCipher(dataKey, keys.random()), layout, layout.segments(storedSize), first,
                (int) (start - first * layout.segmentSize()), end - start, location));
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key, ObjectMetadata metadata) throws IOException {
        ObjectEncryption requested = metadata.encryption();
        if (requested == null) {
            return inner.startUpload(bucket, key, metadata);
        }
        EnvelopeKeys.Sealed sealed = keys.seal(new S3Location(bucket, key), requested.asRequest(), user);
        ObjectUpload upload = inner.startUpload(bucket, key, metadata.withEncryption(sealed.encryption()));
        return new EncryptedUpload(upload, new SegmentCipher(sealed.dataKey(), keys.random()),
                new SegmentLayout(sealed.encryption().segmentSize()));
    }

    /** An upload that asks for encryption still digests its plaintext, for the ETag an encrypted object has here. */
    @Override
    public ObjectUpload startUploadWithoutDigest(String bucket, String key, ObjectMetadata metadata)
            throws IOException {
        return metadata.encryption() == null ? inner.startUploadWithoutDigest(bucket, key, metadata)
                : startUpload(bucket, key, metadata);
    }

    @Override
    public ObjectStore deferringSync(DeferredSync pending) {
        return new EncryptingStore(inner.deferringSync(pending), keys, user);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    private static boolean sameGeneration(StoredObject a, StoredObject b) {
        return Objects.equals(a.info().etag(), b.info().etag()) && a.info().size() == b.info().size()
                && Objects.equals(a.info().lastModified(), b.info().lastModified());
    }

    /** The description of a stored object as its reader sees it: the plaintext's size. */
    private static StoredObject plain(StoredObject stored) {
        ObjectEncryption encryption = stored.metadata().encryption();
        return encryption == null ? stored : new StoredObject(plain(stored.info(), encryption), stored.metadata());
    }

    private static ObjectInfo plain(ObjectInfo info, ObjectEncryption encryption) {
        if (encryption.segmentSize() <= 0) {
            return info;
        }
        return new ObjectInfo(info.bucket(), info.key(), new SegmentLayout(encryption.segmentSize())
                .plainSize(info.size()), info.lastModified(), info.etag());
    }

    /** An upload whose bytes are encrypted on their way to the store's own upload; its ETag is the plaintext's MD5. */
    private static final class EncryptedUpload extends ObjectUpload {

        private final ObjectUpload upload;
        private final EncryptingOutputStream encrypting;
        private final MessageDigest md5;
        private final DigestOutputStream out;
        private long size;

        EncryptedUpload(ObjectUpload upload, SegmentCipher cipher, SegmentLayout layout) {
            this.upload = upload;
            this.encrypting = new EncryptingOutputStream(upload, cipher, layout);
            try {
                this.md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is missing from this Java runtime", e);
            }
            this.out = new DigestOutputStream(encrypting, md5);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            size++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            size += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public ObjectInfo commit(String etag) throws IOException {
            encrypting.finish();
            ObjectInfo stored = upload.commit(etag == null ? HexFormat.of().formatHex(md5.digest()) : etag);
            return new ObjectInfo(stored.bucket(), stored.key(), size, stored.lastModified(), stored.etag());
        }

        @Override
        public void close() throws IOException {
            upload.close();
        }
    }
}
