package io.glaux.storage.multipart;

import io.glaux.storage.ObjectMetadata;

import java.time.Instant;

/**
 * A multipart upload in progress: the object it will become ({@code bucket}, {@code key}, {@code metadata}) and the
 * checksum the client asked for ({@code checksumAlgorithm} such as {@code CRC32}, {@code checksumType}
 * {@code COMPOSITE} or {@code FULL_OBJECT}; both null when none).
 */
public record MultipartUpload(String uploadId, String bucket, String key, Instant initiated, ObjectMetadata metadata,
        String checksumAlgorithm, String checksumType) {
}
