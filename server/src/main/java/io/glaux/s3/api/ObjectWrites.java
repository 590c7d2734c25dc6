package io.glaux.s3.api;

import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectRead;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.crypto.ObjectEncryption;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writing an object's bytes into the store: streamed into one {@link ObjectUpload}, verified, and only then
 * committed, so an object appears whole or not at all and a body that fails its checks stores nothing.
 */
final class ObjectWrites {

    static final int BUFFER = 64 * 1024;

    private ObjectWrites() {
    }

    /** The result of a write: what the store published, the checksums kept with it and how it is encrypted. */
    record Written(ObjectInfo info, Map<String, String> checksums, ObjectEncryption encryption) {
    }

    /**
     * Writes a request body as {@code bucket/key}. A checksum sent as a header is known before the body and kept
     * with the object as it streams; one sent as a trailer is only known after it, so that body is first received
     * into a temporary file of the staging area (the store's upload takes the metadata when it starts).
     */
    static Written write(S3Backend backend, ObjectStore store, String bucket, String key, ObjectMetadata metadata,
            RequestPayload payload) throws IOException {
        if (!payload.checksumInTrailer()) {
            ObjectMetadata declared = payload.algorithm() == null ? metadata
                    : metadata.withChecksums(Map.of(payload.algorithm().name(), payload.declaredChecksum()));
            try (ObjectUpload upload = store.startUpload(bucket, key, declared); InputStream in = payload.open()) {
                copy(in, upload);
                RequestPayload.Verified verified = payload.verify();
                return written(store, upload.commit(verified.md5Hex()), verified.checksums());
            }
        }
        Path spool = backend.multipart().temporaryFile();
        try {
            try (InputStream in = payload.open(); OutputStream out = Files.newOutputStream(spool)) {
                copy(in, out);
            }
            RequestPayload.Verified verified = payload.verify();
            try (ObjectUpload upload = store.startUpload(bucket, key, metadata.withChecksums(verified.checksums()));
                    InputStream in = Files.newInputStream(spool)) {
                copy(in, upload);
                return written(store, upload.commit(verified.md5Hex()), verified.checksums());
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** What was written, with the encryption the store gave it (looked up, as only the store knows its key). */
    static Written written(ObjectStore store, ObjectInfo info, Map<String, String> checksums) throws IOException {
        ObjectEncryption encryption = store.stat(info.bucket(), info.key())
                .filter(found -> java.util.Objects.equals(found.info().etag(), info.etag()))
                .map(found -> found.metadata().encryption()).orElse(null);
        return new Written(info, checksums, encryption);
    }

    /**
     * Writes the object anew with changed metadata (its tags), keeping its bytes and ETag: the store has no way to
     * change an object's metadata in place.
     */
    static ObjectInfo rewrite(ObjectStore store, String bucket, String key, UnaryOperator<ObjectMetadata> change)
            throws IOException {
        try (ObjectRead read = store.read(bucket, key, 0, -1);
                ObjectUpload upload = store.startUpload(bucket, key, change.apply(read.object().metadata()))) {
            copy(read.content(), upload);
            return upload.commit(read.object().info().etag());
        }
    }

    /** Copies everything; returns the number of bytes. */
    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
