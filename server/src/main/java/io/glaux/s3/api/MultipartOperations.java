package io.glaux.s3.api;

import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.multipart.MultipartUpload;
import io.glaux.storage.multipart.PartWriter;
import io.glaux.storage.multipart.UploadedPart;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multipart uploads: parts are staged by Glaux ({@link io.glaux.storage.multipart.MultipartStaging}), outside every
 * bucket; CompleteMultipartUpload streams them in order into one upload of the store and commits it with the ETag
 * {@code <md5 of the parts' md5s>-<n>}, so the object appears whole or not at all.
 */
final class MultipartOperations {

    static final long MIN_PART = 5L * 1024 * 1024;
    static final long MAX_PART = 5L * 1024 * 1024 * 1024;

    private final S3Backend backend;
    private final MultipartListings listings;

    MultipartOperations(S3Backend backend) {
        this.backend = backend;
        this.listings = new MultipartListings(backend);
    }

    void createMultipartUpload(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        String key = request.key();
        S3Backend.checkNames(bucket, key);
        ObjectOperations.checkWriteOptions(request);
        ObjectMetadata metadata = ObjectHeaders.fromRequest(request)
                .withEncryption(ServerSideEncryption.requested(request, backend));
        ChecksumAlgorithm algorithm = null;
        String algorithmHeader = request.header("x-amz-checksum-algorithm");
        if (algorithmHeader != null) {
            algorithm = ChecksumAlgorithm.named(algorithmHeader);
            if (algorithm == null) {
                throw S3Errors.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any"
                        + " of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
            }
        }
        String type = checksumType(algorithm, request.header("x-amz-checksum-type"));
        backend.requireBucket(bucket);
        MultipartUpload upload = backend.multipart().create(bucket, key, metadata,
                algorithm == null ? null : algorithm.name(), type);
        ServerSideEncryption.answer(response, upload.metadata().encryption());
        response.header("x-amz-checksum-algorithm", upload.checksumAlgorithm())
                .header("x-amz-checksum-type", upload.checksumType());
        response.xml(XmlWriter.document("InitiateMultipartUploadResult").element("Bucket", bucket)
                .element("Key", key).element("UploadId", upload.uploadId()));
    }

    /** UploadPart: the part's body verified like a PutObject's, staged under a temporary name, then published. */
    void uploadPart(S3Request request, S3Response response) throws IOException {
        MultipartUpload upload = upload(request);
        int partNumber = partNumber(request);
        RequestPayload payload = RequestPayload.of(request);
        if (payload.length() < 0) {
            throw S3Errors.missingContentLength();
        }
        if (payload.length() > MAX_PART) {
            throw S3Errors.entityTooLarge(payload.length(), MAX_PART);
        }
        ChecksumAlgorithm wanted = ChecksumAlgorithm.named(upload.checksumAlgorithm());
        try (PartWriter writer = backend.multipart().startPart(upload, partNumber)) {
            InputStream in = payload.open();
            ChecksummingInputStream extra = wanted != null && wanted != payload.algorithm()
                    ? new ChecksummingInputStream(in, wanted) : null;
            ObjectWrites.copy(extra != null ? extra : in, writer);
            RequestPayload.Verified verified = payload.verify();
            Map<String, String> checksums = new LinkedHashMap<>(verified.checksums());
            if (extra != null) {
                checksums.put(wanted.name(), extra.checksum());
            }
            UploadedPart part = writer.commit(verified.md5Hex(), checksums);
            response.header("ETag", ObjectHeaders.quote(part.etag()));
            ObjectHeaders.writeChecksums(response, verified.checksums());
            response.empty(200);
        }
    }

    /**
     * CompleteMultipartUpload: the listed parts must exist with their ETags (InvalidPart), in ascending order
     * (InvalidPartOrder), all but the last at least 5 MiB (EntityTooSmall). Done under the upload's lock; the upload
     * is removed only after the object was committed, so an interrupted completion can be done again.
     */
    void completeMultipartUpload(S3Request request, S3Response response) throws IOException {
        MultipartUpload upload = upload(request);
        Element document = XmlInput.parse(RequestBodies.read(RequestPayload.of(request, false)),
                "CompleteMultipartUpload");
        List<CompletedPart> requested = CompletedPart.parse(document);
        if (request.header("If-None-Match") != null || request.header("If-Match") != null) {
            Preconditions.checkWrite(request, backend.store().head(upload.bucket(), upload.key()).orElse(null));
        }
        MultipartCompletion.Result result = backend.multipart().exclusively(upload, () -> {
            Map<Integer, UploadedPart> staged = new HashMap<>();
            for (UploadedPart part : backend.multipart().parts(upload)) {
                staged.put(part.partNumber(), part);
            }
            MultipartCompletion completion = MultipartCompletion.check(upload, requested, staged, request,
                    backend.multipart());
            try (ObjectUpload out = backend.storeFor(request).startUpload(upload.bucket(), upload.key(),
                    completion.metadata())) {
                MultipartCompletion.Result done = completion.stream(backend.multipart(), upload, out);
                backend.multipart().remove(upload.uploadId());
                return done;
            }
        });
        ObjectInfo info = result.info();
        XmlWriter xml = XmlWriter.document("CompleteMultipartUploadResult")
                .element("Location", location(request, upload))
                .element("Bucket", upload.bucket()).element("Key", upload.key())
                .element("ETag", ObjectHeaders.quote(info.etag()));
        result.checksums().forEach((name, value) -> {
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(name);
            xml.element(algorithm.element(), value)
                    .element("ChecksumType", value.contains("-") ? "COMPOSITE" : "FULL_OBJECT");
        });
        ServerSideEncryption.answer(response,
                ObjectWrites.written(backend.store(), info, result.checksums()).encryption());
        response.xml(xml);
    }

    void abortMultipartUpload(S3Request request, S3Response response) throws IOException {
        MultipartUpload upload = upload(request);
        backend.multipart().remove(upload.uploadId());
        response.empty(204);
    }

    void listParts(S3Request request, S3Response response) throws IOException {
        listings.listParts(upload(request), request, response);
    }

    void listMultipartUploads(S3Request request, S3Response response) throws IOException {
        listings.listMultipartUploads(request, response);
    }

    /** The upload named by {@code uploadId}, which must be for this bucket and key: else NoSuchUpload. */
    MultipartUpload upload(S3Request request) throws IOException {
        S3Backend.checkNames(request.bucket(), request.key());
        String uploadId = request.query("uploadId");
        MultipartUpload upload = backend.multipart().find(uploadId).orElse(null);
        if (upload == null || !upload.bucket().equals(request.bucket()) || !upload.key().equals(request.key())) {
            if (!backend.store().bucketExists(request.bucket())) {
                throw S3Errors.noSuchBucket(request.bucket());
            }
            throw S3Errors.noSuchUpload(uploadId);
        }
        return upload;
    }

    /** {@code partNumber}: 1 to 10000. */
    static int partNumber(S3Request request) {
        String value = request.query("partNumber");
        try {
            int part = Integer.parseInt(String.valueOf(value).trim());
            if (part >= 1 && part <= 10_000) {
                return part;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                "partNumber", value);
    }

    /** COMPOSITE or FULL_OBJECT as S3 allows them per algorithm (CRC64NVME: full object only). */
    private static String checksumType(ChecksumAlgorithm algorithm, String header) {
        String type = header == null ? null : header.trim().toUpperCase(Locale.ROOT);
        if (type != null && !type.equals("COMPOSITE") && !type.equals("FULL_OBJECT")) {
            throw S3Errors.invalidRequest("Value for x-amz-checksum-type header is invalid.");
        }
        if (algorithm == null) {
            if (type != null) {
                throw S3Errors.invalidRequest("The x-amz-checksum-type header can only be used with the"
                        + " x-amz-checksum-algorithm header.");
            }
            return null;
        }
        boolean crc = algorithm == ChecksumAlgorithm.CRC32 || algorithm == ChecksumAlgorithm.CRC32C
                || algorithm == ChecksumAlgorithm.CRC64NVME;
        if (type == null) {
            return algorithm == ChecksumAlgorithm.CRC64NVME ? "FULL_OBJECT" : "COMPOSITE";
        }
        if (type.equals("FULL_OBJECT") && !crc || type.equals("COMPOSITE") && algorithm == ChecksumAlgorithm.CRC64NVME) {
            throw S3Errors.invalidRequest("The " + algorithm.name() + " checksum algorithm does not support the "
                    + type + " checksum type.");
        }
        return type;
    }

    private static String location(S3Request request, MultipartUpload upload) {
        String host = request.header("Host");
        return "http://" + (host == null ? "localhost" : host) + "/" + upload.bucket() + "/"
                + java.net.URLEncoder.encode(upload.key(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("%2F", "/").replace("+", "%20");
    }
}
