package io.glaux.s3.api;

import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.multipart.MultipartStaging;
import io.glaux.storage.multipart.MultipartUpload;
import io.glaux.storage.multipart.UploadedPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One CompleteMultipartUpload, checked before anything is written: the parts to join, the object's ETag
 * ({@code <md5 of the parts' binary md5s>-<n>}) and checksum (COMPOSITE: the checksum of the parts' checksums,
 * {@code -<n>}; FULL_OBJECT: the checksum of the whole object, computed as the parts stream).
 */
final class MultipartCompletion {

    private final List<UploadedPart> parts;
    private final String etag;
    private final ObjectMetadata metadata;
    private final ChecksumAlgorithm fullObject;
    private final String fullObjectValue;

    private MultipartCompletion(List<UploadedPart> parts, String etag, ObjectMetadata metadata,
            ChecksumAlgorithm fullObject, String fullObjectValue) {
        this.parts = parts;
        this.etag = etag;
        this.metadata = metadata;
        this.fullObject = fullObject;
        this.fullObjectValue = fullObjectValue;
    }

    /** What was committed, and the checksums kept with it. */
    record Result(ObjectInfo info, Map<String, String> checksums) {
    }

    /**
     * Checks the requested parts against the staged ones.
     *
     * @throws S3Exception InvalidPart, EntityTooSmall, InvalidRequest
     */
    static MultipartCompletion check(MultipartUpload upload, List<CompletedPart> requested,
            Map<Integer, UploadedPart> staged, S3Request request, MultipartStaging staging) throws IOException {
        List<UploadedPart> parts = new ArrayList<>();
        for (CompletedPart wanted : requested) {
            UploadedPart part = staged.get(wanted.partNumber());
            if (part == null || !part.etag().equals(wanted.etag())) {
                throw S3Errors.invalidPart(wanted.partNumber(), wanted.etag());
            }
            wanted.checksums().forEach((name, value) -> {
                if (!value.equals(part.checksums().get(name))) {
                    throw S3Errors.invalidPart(wanted.partNumber(), wanted.etag());
                }
            });
            parts.add(part);
        }
        MessageDigest md5s = md5();
        long size = 0;
        for (int i = 0; i < parts.size(); i++) {
            UploadedPart part = parts.get(i);
            if (i < parts.size() - 1 && part.size() < MultipartOperations.MIN_PART) {
                throw S3Errors.entityTooSmall(part.size(), MultipartOperations.MIN_PART)
                        .with("PartNumber", part.partNumber()).with("ETag", part.etag());
            }
            md5s.update(HexFormat.of().parseHex(part.etag()));
            size += part.size();
        }
        String declaredSize = request.header("x-amz-mp-object-size");
        if (declaredSize != null && !declaredSize.trim().equals(Long.toString(size))) {
            throw S3Errors.invalidRequest("The provided 'x-amz-mp-object-size' header value " + declaredSize.trim()
                    + " does not match what was computed: " + size);
        }
        String etag = HexFormat.of().formatHex(md5s.digest()) + "-" + parts.size();
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(upload.checksumAlgorithm());
        if (algorithm == null) {
            return new MultipartCompletion(parts, etag, upload.metadata(), null, null);
        }
        if ("FULL_OBJECT".equals(upload.checksumType())) {
            String declared = request.header(algorithm.header());
            if (declared != null && !algorithm.isWellFormed(declared)) {
                throw S3Errors.invalidRequest("Value for " + algorithm.header() + " header is invalid.");
            }
            String value = declared != null ? declared.trim() : checksumOfParts(algorithm, parts, upload, staging);
            return new MultipartCompletion(parts, etag,
                    upload.metadata().withChecksums(Map.of(algorithm.name(), value)), algorithm, value);
        }
        ChecksumAlgorithm.Digest composite = algorithm.newDigest();
        for (UploadedPart part : parts) {
            String value = part.checksums().get(algorithm.name());
            if (value == null) {
                throw S3Errors.invalidRequest("The upload was created using a " + algorithm.name().toLowerCase(java.util.Locale.ROOT)
                        + " checksum. The complete request must include the checksum for each part. It was missing"
                        + " for part " + part.partNumber() + " in the request.");
            }
            byte[] bytes = Base64.getDecoder().decode(value);
            composite.update(bytes, 0, bytes.length);
        }
        String value = Base64.getEncoder().encodeToString(composite.finish()) + "-" + parts.size();
        return new MultipartCompletion(parts, etag, upload.metadata().withChecksums(Map.of(algorithm.name(), value)),
                null, null);
    }

    /** The metadata the object is written with (the upload's, with the object's checksum). */
    ObjectMetadata metadata() {
        return metadata;
    }

    /**
     * Streams the parts in order into {@code out} and commits it; a full-object checksum is verified first
     * (BadDigest: nothing is published).
     */
    Result stream(MultipartStaging staging, MultipartUpload upload, ObjectUpload out) throws IOException {
        ChecksumAlgorithm.Digest digest = fullObject == null ? null : fullObject.newDigest();
        OutputStream target = digest == null ? out : new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                digest.update(b, off, len);
                out.write(b, off, len);
            }
        };
        for (UploadedPart part : parts) {
            try (InputStream in = staging.openPart(upload, part)) {
                ObjectWrites.copy(in, target);
            }
        }
        if (digest != null) {
            String computed = Base64.getEncoder().encodeToString(digest.finish());
            if (!computed.equals(fullObjectValue)) {
                throw S3Errors.badDigest("The " + fullObject.name() + " you specified did not match the calculated"
                        + " checksum.");
            }
        }
        return new Result(out.commit(etag), metadata.checksums());
    }

    private static String checksumOfParts(ChecksumAlgorithm algorithm, List<UploadedPart> parts,
            MultipartUpload upload, MultipartStaging staging) throws IOException {
        ChecksumAlgorithm.Digest digest = algorithm.newDigest();
        byte[] buffer = new byte[ObjectWrites.BUFFER];
        for (UploadedPart part : parts) {
            try (InputStream in = staging.openPart(upload, part)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return Base64.getEncoder().encodeToString(digest.finish());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
