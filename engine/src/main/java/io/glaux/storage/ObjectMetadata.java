package io.glaux.storage;

import io.glaux.storage.crypto.ObjectEncryption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an object is written with besides its bytes, kept with it atomically: the HTTP headers S3 stores
 * ({@code Content-Type}, {@code Content-Encoding}, {@code Content-Disposition}, {@code Content-Language},
 * {@code Cache-Control}, {@code Expires}; null when not given), user metadata ({@code x-amz-meta-<name>}, names in lower
 * case without the prefix), the checksums the writer declared ({@code CRC32}, {@code CRC32C}, {@code SHA1},
 * {@code SHA256} → base64 value), the object's tags, and its encryption at rest: null for an object kept as it was
 * written, else what a writer asks for ({@link ObjectEncryption#sseS3()}, {@link ObjectEncryption#sseKms}) and, once
 * stored, how it was encrypted ({@link io.glaux.storage.crypto.EncryptingStore}).
 */
public record ObjectMetadata(String contentType, String contentEncoding, String contentDisposition,
        String contentLanguage, String cacheControl, String expires, Map<String, String> userMetadata,
        Map<String, String> checksums, Map<String, String> tags, ObjectEncryption encryption) {

    public static final ObjectMetadata EMPTY = new ObjectMetadata(null, null, null, null, null, null, Map.of(),
            Map.of(), Map.of());

    /** Metadata of an object kept unencrypted (or whose encryption the store chooses). */
    public ObjectMetadata(String contentType, String contentEncoding, String contentDisposition,
            String contentLanguage, String cacheControl, String expires, Map<String, String> userMetadata,
            Map<String, String> checksums, Map<String, String> tags) {
        this(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl, expires, userMetadata,
                checksums, tags, null);
    }

    public ObjectMetadata {
        userMetadata = userMetadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(userMetadata));
        checksums = checksums == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(checksums));
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** Only a content type. */
    public static ObjectMetadata ofContentType(String contentType) {
        return new ObjectMetadata(contentType, null, null, null, null, null, Map.of(), Map.of(), Map.of());
    }

    public ObjectMetadata withTags(Map<String, String> newTags) {
        return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl,
                expires, userMetadata, checksums, newTags, encryption);
    }

    public ObjectMetadata withChecksums(Map<String, String> newChecksums) {
        return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl,
                expires, userMetadata, newChecksums, tags, encryption);
    }

    /** This metadata with another encryption (null: none). */
    public ObjectMetadata withEncryption(ObjectEncryption newEncryption) {
        return new ObjectMetadata(contentType, contentEncoding, contentDisposition, contentLanguage, cacheControl,
                expires, userMetadata, checksums, tags, newEncryption);
    }
}
