package io.glaux.s3.api;

import io.glaux.storage.multipart.MultipartUpload;
import io.glaux.storage.multipart.UploadedPart;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** ListParts and ListMultipartUploads over the staged uploads. */
final class MultipartListings {

    private final S3Backend backend;

    MultipartListings(S3Backend backend) {
        this.backend = backend;
    }

    /** ListParts: the parts after {@code part-number-marker}, at most {@code max-parts} (default and limit 1000). */
    void listParts(MultipartUpload upload, S3Request request, S3Response response) throws IOException {
        int max = ListTokens.maxKeys(request.query("max-parts"), "max-parts", 1000, 1000);
        int marker = ListTokens.maxKeys(request.query("part-number-marker"), "part-number-marker", 0, 10_000);
        List<UploadedPart> after = backend.multipart().parts(upload).stream()
                .filter(part -> part.partNumber() > marker).toList();
        boolean truncated = after.size() > max;
        List<UploadedPart> page = truncated ? after.subList(0, max) : after;
        XmlWriter xml = XmlWriter.document("ListPartsResult").element("Bucket", upload.bucket())
                .element("Key", upload.key()).element("UploadId", upload.uploadId());
        S3Backend.owner(xml, "Initiator");
        S3Backend.owner(xml, "Owner");
        xml.element("StorageClass", "STANDARD").element("PartNumberMarker", marker)
                .element("NextPartNumberMarker", page.isEmpty() ? null : page.get(page.size() - 1).partNumber())
                .element("MaxParts", max).element("IsTruncated", truncated)
                .element("ChecksumAlgorithm", upload.checksumAlgorithm())
                .element("ChecksumType", upload.checksumType());
        for (UploadedPart part : page) {
            xml.start("Part").element("PartNumber", part.partNumber()).element("LastModified", part.lastModified())
                    .element("ETag", ObjectHeaders.quote(part.etag())).element("Size", part.size());
            checksums(xml, part.checksums());
            xml.end();
        }
        response.xml(xml);
    }

    /**
     * ListMultipartUploads: the bucket's uploads in progress by key and initiation time, after
     * {@code key-marker}/{@code upload-id-marker}, keys rolled up at {@code delimiter} into common prefixes.
     */
    void listMultipartUploads(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        backend.requireBucket(bucket);
        String prefix = request.query("prefix") == null ? "" : request.query("prefix");
        String delimiter = request.query("delimiter");
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        String keyMarker = request.query("key-marker");
        String uploadIdMarker = request.query("upload-id-marker");
        int max = ListTokens.maxKeys(request.query("max-uploads"), "max-uploads", 1000, 1000);
        String encodingType = request.query("encoding-type");
        if (encodingType != null && !encodingType.equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type",
                    encodingType);
        }
        UnaryOperator<String> enc = encodingType == null ? UnaryOperator.identity()
                : text -> text == null ? null : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2F", "/");

        List<MultipartUpload> all = backend.multipart().uploads(bucket);
        int markerIndex = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).uploadId().equals(uploadIdMarker) && all.get(i).key().equals(keyMarker)) {
                markerIndex = i;
            }
        }
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        String lastKey = null;
        String lastUploadId = null;
        for (int i = 0; i < all.size(); i++) {
            MultipartUpload upload = all.get(i);
            String key = upload.key();
            if (!key.startsWith(prefix) || !after(key, i, keyMarker, uploadIdMarker, markerIndex)) {
                continue;
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            String common = cut < 0 ? null : key.substring(0, cut + delimiter.length());
            if (common != null && (prefixes.contains(common)
                    || keyMarker != null && !keyMarker.isEmpty() && common.compareTo(keyMarker) <= 0)) {
                continue;
            }
            if (uploads.size() + prefixes.size() == max) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                lastKey = common;
                lastUploadId = null;
            } else {
                uploads.add(upload);
                lastKey = key;
                lastUploadId = upload.uploadId();
            }
        }
        XmlWriter xml = XmlWriter.document("ListMultipartUploadsResult").element("Bucket", bucket)
                .element("KeyMarker", enc.apply(keyMarker == null ? "" : keyMarker))
                .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker);
        if (truncated) {
            xml.element("NextKeyMarker", enc.apply(lastKey)).element("NextUploadIdMarker", lastUploadId);
        }
        xml.element("Prefix", enc.apply(prefix)).element("Delimiter", enc.apply(delimiter))
                .element("MaxUploads", max).element("EncodingType", encodingType).element("IsTruncated", truncated);
        for (MultipartUpload upload : uploads) {
            xml.start("Upload").element("Key", enc.apply(upload.key())).element("UploadId", upload.uploadId());
            S3Backend.owner(xml, "Initiator");
            S3Backend.owner(xml, "Owner");
            xml.element("StorageClass", "STANDARD").element("Initiated", upload.initiated())
                    .element("ChecksumAlgorithm", upload.checksumAlgorithm())
                    .element("ChecksumType", upload.checksumType()).end();
        }
        for (String common : prefixes) {
            xml.start("CommonPrefixes").element("Prefix", enc.apply(common)).end();
        }
        response.xml(xml);
    }

    /**
     * Whether the upload at {@code index} comes after the markers: a later key, or with {@code upload-id-marker} the
     * same key initiated after the marker's upload.
     */
    private static boolean after(String key, int index, String keyMarker, String uploadIdMarker, int markerIndex) {
        if (keyMarker == null || keyMarker.isEmpty()) {
            return true;
        }
        int order = key.compareTo(keyMarker);
        if (order != 0) {
            return order > 0;
        }
        return uploadIdMarker != null && !uploadIdMarker.isEmpty() && index > markerIndex;
    }

    private static void checksums(XmlWriter xml, Map<String, String> checksums) {
        checksums.forEach((name, value) -> {
            ChecksumAlgorithm algorithm = ChecksumAlgorithm.named(name);
            if (algorithm != null) {
                xml.element(algorithm.element(), value);
            }
        });
    }
}
