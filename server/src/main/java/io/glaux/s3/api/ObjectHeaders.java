package io.glaux.s3.api;

import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.StoredObject;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The headers S3 keeps with an object ({@code Content-Type}, {@code Content-Encoding}, {@code Content-Disposition},
 * {@code Content-Language}, {@code Cache-Control}, {@code Expires}, {@code x-amz-meta-*}, {@code x-amz-tagging}):
 * read from a write request into {@link ObjectMetadata}, and answered back on reads.
 */
final class ObjectHeaders {

    static final String META = "x-amz-meta-";
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    private static final int MAX_USER_METADATA = 2048;

    private ObjectHeaders() {
    }

    /** The metadata a PutObject, CreateMultipartUpload or REPLACE copy writes (checksums not included). */
    static ObjectMetadata fromRequest(S3Request request) {
        Map<String, String> user = new TreeMap<>();
        int size = 0;
        for (String name : Collections.list(request.http().getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META) && lower.length() > META.length()) {
                String value = String.join(",", Collections.list(request.http().getHeaders(name)));
                String key = lower.substring(META.length());
                user.put(key, value);
                size += key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (size > MAX_USER_METADATA) {
            throw S3Errors.metadataTooLarge(size);
        }
        return new ObjectMetadata(request.header("Content-Type"), contentEncoding(request.header("Content-Encoding")),
                request.header("Content-Disposition"), request.header("Content-Language"),
                request.header("Cache-Control"), request.header("Expires"), user, Map.of(),
                TagSets.fromHeader(request.header("x-amz-tagging")));
    }

    /** Content-Encoding without {@code aws-chunked}, which only describes the request's framing. */
    static String contentEncoding(String header) {
        if (header == null) {
            return null;
        }
        String kept = Arrays.stream(header.split(",")).map(String::trim)
                .filter(token -> !token.isEmpty() && !token.equalsIgnoreCase("aws-chunked"))
                .collect(Collectors.joining(","));
        return kept.isEmpty() ? null : kept;
    }

    /**
     * The object's headers on a GET or HEAD: ETag, Last-Modified, the stored headers ({@code response-*} query
     * parameters override them), user metadata, the tag count, and the checksums when the client asked for them and
     * gets the whole object.
     */
    static void write(S3Response response, S3Request request, StoredObject object, boolean wholeObject) {
        ObjectInfo info = object.info();
        ObjectMetadata metadata = object.metadata();
        response.header("ETag", quote(info.etag()))
                .header("Last-Modified", HttpDates.format(info.lastModified()))
                .header("Accept-Ranges", "bytes")
                .header("Content-Type", override(request, "response-content-type",
                        metadata.contentType() == null ? DEFAULT_CONTENT_TYPE : metadata.contentType()))
                .header("Content-Encoding", override(request, "response-content-encoding", metadata.contentEncoding()))
                .header("Content-Disposition", override(request, "response-content-disposition",
                        metadata.contentDisposition()))
                .header("Content-Language", override(request, "response-content-language",
                        metadata.contentLanguage()))
                .header("Cache-Control", override(request, "response-cache-control", metadata.cacheControl()))
                .header("Expires", override(request, "response-expires", metadata.expires()));
        ServerSideEncryption.answer(response, metadata.encryption());
        metadata.userMetadata().forEach((name, value) -> response.header(META + name, value));
        if (!metadata.tags().isEmpty()) {
            response.header("x-amz-tagging-count", String.valueOf(metadata.tags().size()));
        }
        if (wholeObject && "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"))) {
            writeChecksums(response, metadata.checksums());
        }
    }

    /** {@code x-amz-checksum-<algorithm>} and {@code x-amz-checksum-type} for each kept checksum. */
    static void writeChecksums(S3Response response, Map<String, String> checksums) {
        checksums.forEach((name, value) -> {
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(name);
            if (algorithm != null) {
                response.header(algorithm.header(), value);
                response.header("x-amz-checksum-type", value.contains("-") ? "COMPOSITE" : "FULL_OBJECT");
            }
        });
    }

    static String quote(String etag) {
        return etag == null ? null : "\"" + etag + "\"";
    }

    private static String override(S3Request request, String parameter, String stored) {
        String value = request.query(parameter);
        return value != null ? value : stored;
    }
}
