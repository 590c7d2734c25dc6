package io.glaux.s3.api;

import io.glaux.storage.ObjectInfo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * S3's conditional requests: {@code If-Match}, {@code If-None-Match}, {@code If-Modified-Since},
 * {@code If-Unmodified-Since} on reads, the {@code x-amz-copy-source-if-*} headers on copies, and
 * {@code If-Match}/{@code If-None-Match: *} on writes. Evaluated in RFC 9110's order, which gives S3's documented
 * answers when two conditions disagree. Times compare at whole seconds, as Last-Modified has them.
 */
final class Preconditions {

    private Preconditions() {
    }

    /**
     * A GET or HEAD's conditions against the object: true when the answer is 304 Not Modified.
     *
     * @throws S3Exception PreconditionFailed (412)
     */
    static boolean notModified(S3Request request, ObjectInfo object) {
        return evaluate(object, request.header("If-Match"), request.header("If-None-Match"),
                request.header("If-Modified-Since"), request.header("If-Unmodified-Since"), "");
    }

    /** A copy's conditions on its source: every failed one is 412 PreconditionFailed, as S3 answers copies. */
    static void checkCopySource(S3Request request, ObjectInfo source) {
        if (evaluate(source, request.header("x-amz-copy-source-if-match"),
                request.header("x-amz-copy-source-if-none-match"),
                request.header("x-amz-copy-source-if-modified-since"),
                request.header("x-amz-copy-source-if-unmodified-since"), "x-amz-copy-source-")) {
            throw S3Errors.preconditionFailed(request.header("x-amz-copy-source-if-none-match") != null
                    ? "x-amz-copy-source-If-None-Match" : "x-amz-copy-source-If-Modified-Since");
        }
    }

    /**
     * A write's conditions on the object it replaces ({@code existing}, null when absent): {@code If-None-Match: *}
     * fails when the key exists, {@code If-Match} when it is missing (404) or has another ETag (412).
     */
    static void checkWrite(S3Request request, ObjectInfo existing) {
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw S3Errors.notImplemented("If-None-Match on writes only supports '*'");
            }
            if (existing != null) {
                throw S3Errors.preconditionFailed("If-None-Match");
            }
        }
        String ifMatch = request.header("If-Match");
        if (ifMatch != null) {
            if (existing == null) {
                throw S3Errors.noSuchKey(request.key());
            }
            if (!matches(ifMatch, existing.etag())) {
                throw S3Errors.preconditionFailed("If-Match");
            }
        }
    }

    private static boolean evaluate(ObjectInfo object, String ifMatch, String ifNoneMatch, String ifModifiedSince,
            String ifUnmodifiedSince, String prefix) {
        Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
        if (ifMatch != null) {
            if (!matches(ifMatch, object.etag())) {
                throw S3Errors.preconditionFailed(prefix + "If-Match");
            }
        } else {
            Instant since = HttpDates.parse(ifUnmodifiedSince);
            if (since != null && modified.isAfter(since)) {
                throw S3Errors.preconditionFailed(prefix + "If-Unmodified-Since");
            }
        }
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, object.etag());
        }
        Instant since = HttpDates.parse(ifModifiedSince);
        return since != null && !modified.isAfter(since);
    }

    /** Whether an entity-tag list ({@code "a", W/"b"} or {@code *}) names the ETag. */
    static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (etag != null && tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
