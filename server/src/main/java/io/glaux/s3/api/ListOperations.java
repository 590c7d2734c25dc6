package io.glaux.s3.api;

import io.glaux.storage.ListRequest;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectListing;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Listings of a bucket's objects: ListObjects (v1, markers), ListObjectsV2 (continuation tokens) and
 * ListObjectVersions, which on Glaux's unversioned buckets shows each object once as its only, latest version
 * {@code null} (so tools that empty a bucket version by version work).
 */
final class ListOperations {

    private static final int DEFAULT_MAX_KEYS = 1000;

    private final S3Backend backend;

    ListOperations(S3Backend backend) {
        this.backend = backend;
    }

    /** ListObjects, or ListObjectsV2 with {@code list-type=2}. */
    void listObjects(S3Request request, S3Response response) throws IOException {
        String listType = request.query("list-type");
        if (listType != null && !listType.equals("2")) {
            throw S3Errors.invalidArgument("Invalid List Type specified in Request", "list-type", listType);
        }
        if (listType != null) {
            listObjectsV2(request, response);
            return;
        }
        String bucket = request.bucket();
        Paging paging = Paging.of(request);
        String marker = request.query("marker");
        ObjectListing page = page(bucket, paging, marker);
        UnaryOperator<String> enc = paging.encoder();
        XmlWriter xml = XmlWriter.document("ListBucketResult").element("Name", bucket)
                .element("Prefix", enc.apply(paging.prefix())).element("Marker", enc.apply(marker == null ? "" : marker))
                .element("MaxKeys", paging.maxKeys()).element("Delimiter", enc.apply(paging.delimiter()))
                .element("IsTruncated", page.truncated());
        if (page.truncated() && paging.delimiter() != null) {
            xml.element("NextMarker", enc.apply(page.nextStartAfter().get()));
        }
        contents(xml, page.objects(), enc, true);
        commonPrefixes(xml, page.commonPrefixes(), enc);
        response.xml(xml.element("EncodingType", paging.encodingType()));
    }

    private void listObjectsV2(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        Paging paging = Paging.of(request);
        String token = request.query("continuation-token");
        String startAfter = request.query("start-after");
        String after = token != null ? ListTokens.decode(token, "continuation-token") : startAfter;
        ObjectListing page = page(bucket, paging, after);
        UnaryOperator<String> enc = paging.encoder();
        XmlWriter xml = XmlWriter.document("ListBucketResult").element("Name", bucket)
                .element("Prefix", enc.apply(paging.prefix())).element("MaxKeys", paging.maxKeys())
                .element("Delimiter", enc.apply(paging.delimiter())).element("EncodingType", paging.encodingType())
                .element("KeyCount", page.objects().size() + page.commonPrefixes().size())
                .element("IsTruncated", page.truncated()).element("ContinuationToken", token)
                .element("NextContinuationToken", page.nextStartAfter().map(ListTokens::encode).orElse(null))
                .element("StartAfter", enc.apply(startAfter));
        contents(xml, page.objects(), enc, "true".equals(request.query("fetch-owner")));
        commonPrefixes(xml, page.commonPrefixes(), enc);
        response.xml(xml);
    }

    /** ListObjectVersions: each object once, VersionId {@code null}, IsLatest true; paged by {@code key-marker}. */
    void listObjectVersions(S3Request request, S3Response response) throws IOException {
        String bucket = request.bucket();
        Paging paging = Paging.of(request);
        String keyMarker = request.query("key-marker");
        String versionIdMarker = request.query("version-id-marker");
        if (versionIdMarker != null && !versionIdMarker.isEmpty() && (keyMarker == null || keyMarker.isEmpty())) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.",
                    "version-id-marker", versionIdMarker);
        }
        ObjectListing page = page(bucket, paging, keyMarker == null || keyMarker.isEmpty() ? null : keyMarker);
        UnaryOperator<String> enc = paging.encoder();
        XmlWriter xml = XmlWriter.document("ListVersionsResult").element("Name", bucket)
                .element("Prefix", enc.apply(paging.prefix()))
                .element("KeyMarker", enc.apply(keyMarker == null ? "" : keyMarker))
                .element("VersionIdMarker", versionIdMarker == null ? "" : versionIdMarker)
                .element("MaxKeys", paging.maxKeys()).element("Delimiter", enc.apply(paging.delimiter()))
                .element("IsTruncated", page.truncated());
        if (page.truncated()) {
            xml.element("NextKeyMarker", enc.apply(page.nextStartAfter().get())).element("NextVersionIdMarker", "null");
        }
        for (ObjectInfo object : page.objects()) {
            xml.start("Version").element("Key", enc.apply(object.key())).element("VersionId", "null")
                    .element("IsLatest", true).element("LastModified", object.lastModified())
                    .element("ETag", ObjectHeaders.quote(object.etag())).element("Size", object.size());
            S3Backend.owner(xml, "Owner").element("StorageClass", "STANDARD").end();
        }
        commonPrefixes(xml, page.commonPrefixes(), enc);
        response.xml(xml.element("EncodingType", paging.encodingType()));
    }

    private ObjectListing page(String bucket, Paging paging, String startAfter) throws IOException {
        if (paging.maxKeys() == 0) {
            backend.requireBucket(bucket);
            return new ObjectListing(List.of(), List.of(), Optional.empty());
        }
        return backend.store().list(bucket, new ListRequest(paging.prefix(), paging.delimiter(),
                startAfter == null || startAfter.isEmpty() ? null : startAfter, paging.maxKeys()));
    }

    private static void contents(XmlWriter xml, List<ObjectInfo> objects, UnaryOperator<String> enc, boolean owner) {
        for (ObjectInfo object : objects) {
            xml.start("Contents").element("Key", enc.apply(object.key()))
                    .element("LastModified", object.lastModified())
                    .element("ETag", ObjectHeaders.quote(object.etag())).element("Size", object.size());
            if (owner) {
                S3Backend.owner(xml, "Owner");
            }
            xml.element("StorageClass", "STANDARD").end();
        }
    }

    private static void commonPrefixes(XmlWriter xml, List<String> prefixes, UnaryOperator<String> enc) {
        for (String prefix : prefixes) {
            xml.start("CommonPrefixes").element("Prefix", enc.apply(prefix)).end();
        }
    }

    /** The parameters every listing shares. */
    private record Paging(String prefix, String delimiter, int maxKeys, String encodingType) {

        static Paging of(S3Request request) {
            String encodingType = request.query("encoding-type");
            if (encodingType != null && !encodingType.equals("url")) {
                throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type",
                        encodingType);
            }
            String delimiter = request.query("delimiter");
            return new Paging(request.query("prefix") == null ? "" : request.query("prefix"),
                    delimiter == null || delimiter.isEmpty() ? null : delimiter,
                    ListTokens.maxKeys(request.query("max-keys"), "max-keys", DEFAULT_MAX_KEYS, DEFAULT_MAX_KEYS),
                    encodingType);
        }

        /** With {@code encoding-type=url}: keys and prefixes URL-encoded (slashes kept), as S3 does. */
        UnaryOperator<String> encoder() {
            if (encodingType == null) {
                return UnaryOperator.identity();
            }
            return text -> text == null ? null
                    : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2F", "/");
        }
    }
}
