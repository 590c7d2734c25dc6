package io.glaux.s3.api;

import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectRead;
import io.glaux.storage.StoredObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Operations on one object: PutObject, GetObject, HeadObject, DeleteObject, its tags and ACL. */
final class ObjectOperations {

    /** S3's largest single PUT: 5 GiB. */
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    private static final Set<String> OWNER_ONLY_ACLS = Set.of("private", "bucket-owner-full-control");

    private final S3Backend backend;

    ObjectOperations(S3Backend backend) {
        this.backend = backend;
    }

    /** PutObject: the body, verified while it streams, with its headers, metadata and tags. */
    void putObject(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        String key = request.key();
        S3Backend.checkNames(bucket, key);
        checkWriteOptions(request);
        ObjectMetadata metadata = ObjectHeaders.fromRequest(request)
                .withEncryption(ServerSideEncryption.requested(request, backend));
        RequestPayload payload = RequestPayload.of(request);
        if (payload.length() < 0) {
            throw S3Errors.missingContentLength();
        }
        if (payload.length() > MAX_SINGLE_PUT) {
            throw S3Errors.entityTooLarge(payload.length(), MAX_SINGLE_PUT);
        }
        if (request.header("If-None-Match") != null || request.header("If-Match") != null) {
            backend.requireBucket(bucket);
            Preconditions.checkWrite(request, backend.store().head(bucket, key).orElse(null));
        }
        ObjectWrites.Written written = ObjectWrites.write(backend, backend.storeFor(request), bucket, key, metadata,
                payload);
        response.header("ETag", ObjectHeaders.quote(written.info().etag()));
        ServerSideEncryption.answer(response, written.encryption());
        ObjectHeaders.writeChecksums(response, written.checksums());
        response.empty(200);
    }

    void getObject(S3Request request, S3Response response) throws IOException {
        read(request, response, false);
    }

    void headObject(S3Request request, S3Response response) throws IOException {
        read(request, response, true);
    }

    /** DeleteObject: 204 whether or not the key existed, as S3 answers. */
    void deleteObject(S3Request request, S3Response response) throws IOException {
        S3Backend.checkNames(request.bucket(), request.key());
        checkVersionId(request.query("versionId"));
        backend.store().delete(request.bucket(), request.key());
        response.empty(204);
    }

    void getTagging(S3Request request, S3Response response) throws IOException {
        response.xml(TagSets.toXml(stat(request).metadata().tags()));
    }

    /** PutObjectTagging: the object is written anew with the tags (same bytes and ETag). */
    void putTagging(S3Request request, S3Response response) throws IOException {
        stat(request);
        Map<String, String> tags = TagSets.fromXml(RequestBodies.read(request), TagSets.OBJECT_LIMIT,
                "Object tags cannot be greater than " + TagSets.OBJECT_LIMIT);
        ObjectWrites.rewrite(backend.storeFor(request), request.bucket(), request.key(),
                metadata -> metadata.withTags(tags));
        response.empty(200);
    }

    void deleteTagging(S3Request request, S3Response response) throws IOException {
        if (!stat(request).metadata().tags().isEmpty()) {
            ObjectWrites.rewrite(backend.storeFor(request), request.bucket(), request.key(),
                    metadata -> metadata.withTags(Map.of()));
        }
        response.empty(204);
    }

    void getAcl(S3Request request, S3Response response) throws IOException {
        stat(request);
        response.xml(BucketConfigOperations.ownerOnlyAcl());
    }

    void putAcl(S3Request request, S3Response response) throws IOException {
        stat(request);
        BucketConfigOperations.checkOwnerOnlyAcl(request);
        response.empty(200);
    }

    /**
     * GetObject and HeadObject: conditions first (304/412), then the range (206, or 416 past the end), then the
     * object's headers and bytes. Content and headers come from one read of the store, so they always match.
     */
    private void read(S3Request request, S3Response response, boolean head) throws IOException {
        String bucket = request.bucket();
        String key = request.key();
        S3Backend.checkNames(bucket, key);
        checkVersionId(request.query("versionId"));
        int partNumber = partNumber(request.query("partNumber"));
        String rangeHeader = partNumber > 0 ? null : request.header("Range");
        for (int attempt = 0; ; attempt++) {
            StoredObject object = stat(request);
            if (Preconditions.notModified(request, object.info())) {
                response.header("ETag", ObjectHeaders.quote(object.info().etag()))
                        .header("Last-Modified", HttpDates.format(object.info().lastModified()));
                response.empty(304);
                return;
            }
            long size = object.info().size();
            ByteRange range = ByteRange.parse(rangeHeader, size);
            if (head) {
                respond(request, response, object, range, partNumber);
                response.body(range != null || partNumber > 0 ? 206 : 200, range == null ? size : range.length());
                return;
            }
            ObjectRead read = backend.storeFor(request).read(bucket, key, range == null ? 0 : range.first(),
                    range == null ? -1 : range.length());
            try (read) {
                if (!Objects.equals(read.object().info().etag(), object.info().etag()) && attempt < 3) {
                    continue; // replaced between the look and the read: decide again on the new object
                }
                StoredObject served = read.object();
                ByteRange servedRange = ByteRange.parse(rangeHeader, served.info().size());
                respond(request, response, served, servedRange, partNumber);
                long length = servedRange == null ? served.info().size() : servedRange.length();
                OutputStream out = response.body(servedRange != null || partNumber > 0 ? 206 : 200, length);
                copyExactly(read.content(), out, length);
                return;
            }
        }
    }

    private static void respond(S3Request request, S3Response response, StoredObject object, ByteRange range,
            int partNumber) {
        ObjectHeaders.write(response, request, object, range == null);
        long size = object.info().size();
        if (range != null) {
            response.header("Content-Range", range.contentRange(size));
        } else if (partNumber > 0) {
            response.header("x-amz-mp-parts-count", "1");
            response.header("Content-Range", size == 0 ? "bytes */0" : "bytes 0-" + (size - 1) + "/" + size);
        }
    }

    /** The object's description; NoSuchBucket or NoSuchKey when there is none. */
    private StoredObject stat(S3Request request) throws IOException {
        S3Backend.checkNames(request.bucket(), request.key());
        var found = backend.store().stat(request.bucket(), request.key());
        if (found.isPresent()) {
            return found.get();
        }
        if (!backend.store().bucketExists(request.bucket())) {
            throw S3Errors.noSuchBucket(request.bucket());
        }
        throw S3Errors.noSuchKey(request.key());
    }

    /**
     * {@code partNumber} of a GET: 0 when absent. Glaux keeps a multipart object as one piece, so part 1 is the
     * whole object and {@code x-amz-mp-parts-count} is 1.
     */
    private static int partNumber(String value) {
        if (value == null) {
            return 0;
        }
        int part;
        try {
            part = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            part = -1;
        }
        if (part < 1 || part > 10_000) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", value);
        }
        if (part > 1) {
            throw new S3Exception(416, "InvalidPartNumber", "The requested partnumber is not satisfiable")
                    .with("PartNumberRequested", part).with("ActualPartCount", 1);
        }
        return part;
    }

    /** Glaux keeps one version per key, whose id is {@code null}; any other version id is not valid. */
    static void checkVersionId(String versionId) {
        if (versionId != null && !versionId.equals("null")) {
            throw S3Errors.invalidVersionId(versionId);
        }
    }

    /** Refuses what a write may ask that Glaux does not do: ACLs beyond the owner's, customer keys. */
    static void checkWriteOptions(S3Request request) {
        String acl = request.header("x-amz-acl");
        if (acl != null && !OWNER_ONLY_ACLS.contains(acl.trim().toLowerCase(Locale.ROOT))) {
            throw S3Errors.aclNotSupported();
        }
        if (request.header("x-amz-server-side-encryption-customer-algorithm") != null) {
            throw S3Errors.notImplemented("Glaux does not implement server-side encryption with customer keys.");
        }
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        long copied = ObjectWrites.copy(in, out);
        if (copied != length) {
            throw new IOException("The store returned " + copied + " bytes where " + length + " were expected");
        }
    }
}
