package io.glaux.s3.api;

import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.crypto.ObjectEncryption;
import io.glaux.storage.ObjectRead;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.StoredObject;
import io.glaux.storage.multipart.MultipartUpload;
import io.glaux.storage.multipart.PartWriter;
import io.glaux.storage.multipart.UploadedPart;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CopyObject and UploadPartCopy: an object's bytes (or a range of them) read from the store and written anew. */
final class CopyOperations {

    private static final long MAX_COPY_SOURCE = 5L * 1024 * 1024 * 1024;
    private static final Pattern COPY_RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final S3Backend backend;
    private final MultipartOperations multipart;

    CopyOperations(S3Backend backend, MultipartOperations multipart) {
        this.backend = backend;
        this.multipart = multipart;
    }

    /**
     * CopyObject: metadata and tags copied from the source or replaced from the request
     * ({@code x-amz-metadata-directive}, {@code x-amz-tagging-directive}); copying an object onto itself must change
     * something, as in S3.
     */
    void copyObject(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        String key = request.key();
        S3Backend.checkNames(bucket, key);
        ObjectOperations.checkWriteOptions(request);
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        boolean replaceMetadata = directive(request, "x-amz-metadata-directive");
        boolean replaceTags = directive(request, "x-amz-tagging-directive");
        ObjectMetadata requested = replaceMetadata || replaceTags ? ObjectHeaders.fromRequest(request) : null;
        StoredObject stat = stat(source);
        Preconditions.checkCopySource(request, stat.info());
        if (stat.info().size() > MAX_COPY_SOURCE) {
            throw S3Errors.invalidRequest("The specified copy source is larger than the maximum allowable size for a"
                    + " copy source: " + MAX_COPY_SOURCE);
        }
        if (source.bucket().equals(bucket) && source.key().equals(key) && !replaceMetadata && !replaceTags) {
            throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to"
                    + " itself without changing the object's metadata, storage class, website redirect location or"
                    + " encryption attributes.");
        }
        ObjectInfo written;
        Map<String, String> checksums;
        ObjectStore store = backend.storeFor(request);
        ObjectEncryption encryption = ServerSideEncryption.requested(request, backend);
        try (ObjectRead read = store.read(source.bucket(), source.key(), 0, -1)) {
            ObjectMetadata from = read.object().metadata();
            ObjectMetadata metadata = replaceMetadata ? requested.withChecksums(from.checksums()) : from;
            metadata = metadata.withTags(replaceTags ? requested.tags() : from.tags()).withEncryption(encryption);
            checksums = metadata.checksums();
            try (ObjectUpload upload = store.startUpload(bucket, key, metadata)) {
                ObjectWrites.copy(read.content(), upload);
                written = upload.commit();
            }
        }
        XmlWriter xml = XmlWriter.document("CopyObjectResult").element("ETag", ObjectHeaders.quote(written.etag()))
                .element("LastModified", written.lastModified());
        checksums.forEach((name, value) -> {
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(name);
            if (algorithm != null) {
                xml.element("ChecksumType", value.contains("-") ? "COMPOSITE" : "FULL_OBJECT")
                        .element(algorithm.element(), value);
            }
        });
        ServerSideEncryption.answer(response, ObjectWrites.written(store, written, checksums).encryption());
        response.xml(xml);
    }

    /** UploadPartCopy: a part made of a source object, or of the {@code x-amz-copy-source-range} of it. */
    void uploadPartCopy(S3Request request, S3Response response) throws IOException {
        MultipartUpload upload = multipart.upload(request);
        int partNumber = MultipartOperations.partNumber(request);
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        StoredObject stat = stat(source);
        Preconditions.checkCopySource(request, stat.info());
        long size = stat.info().size();
        long first = 0;
        long length = size;
        String range = request.header("x-amz-copy-source-range");
        if (range != null) {
            Matcher m = COPY_RANGE.matcher(range.trim());
            long last;
            try {
                if (!m.matches()) {
                    throw new NumberFormatException();
                }
                first = Long.parseLong(m.group(1));
                last = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                throw S3Errors.invalidArgument("The x-amz-copy-source-range value must be of the form"
                        + " bytes=first-last where first and last are the zero-based offsets of the first and last"
                        + " bytes to copy", "x-amz-copy-source-range", range);
            }
            if (first > last || last >= size) {
                throw S3Errors.invalidArgument("Range specified is not valid for source object of size: " + size,
                        "x-amz-copy-source-range", range);
            }
            length = last - first + 1;
        }
        if (length > MultipartOperations.MAX_PART) {
            throw S3Errors.entityTooLarge(length, MultipartOperations.MAX_PART);
        }
        ChecksumAlgorithm wanted = ChecksumAlgorithm.named(upload.checksumAlgorithm());
        UploadedPart part;
        try (ObjectRead read = backend.storeFor(request).read(source.bucket(), source.key(), first, length);
                PartWriter writer = backend.multipart().startPart(upload, partNumber)) {
            ChecksummingInputStream in = new ChecksummingInputStream(read.content(), wanted);
            long copied = ObjectWrites.copy(in, writer);
            if (copied != length) {
                throw new IOException("The store returned " + copied + " bytes of " + source.bucket() + "/"
                        + source.key() + " where " + length + " were expected");
            }
            String checksum = in.checksum();
            part = writer.commit(in.md5Hex(), checksum == null ? Map.of() : Map.of(wanted.name(), checksum));
        }
        XmlWriter xml = XmlWriter.document("CopyPartResult").element("ETag", ObjectHeaders.quote(part.etag()))
                .element("LastModified", part.lastModified());
        part.checksums().forEach((name, value) -> xml.element(ChecksumAlgorithm.named(name).element(), value));
        response.xml(xml);
    }

    /** The copy source's description; NoSuchBucket or NoSuchKey (naming the source) when there is none. */
    private StoredObject stat(CopySource source) throws IOException {
        var found = backend.store().stat(source.bucket(), source.key());
        if (found.isPresent()) {
            return found.get();
        }
        if (!backend.store().bucketExists(source.bucket())) {
            throw S3Errors.noSuchBucket(source.bucket());
        }
        throw S3Errors.noSuchKey(source.key());
    }

    /** COPY (false, the default) or REPLACE (true). */
    private static boolean directive(S3Request request, String header) {
        String value = request.header(header);
        if (value == null || value.trim().equalsIgnoreCase("COPY")) {
            return false;
        }
        if (value.trim().toUpperCase(Locale.ROOT).equals("REPLACE")) {
            return true;
        }
        throw S3Errors.invalidArgument("Unknown " + (header.contains("tagging") ? "tagging" : "metadata")
                + " directive.", header, value);
    }
}
