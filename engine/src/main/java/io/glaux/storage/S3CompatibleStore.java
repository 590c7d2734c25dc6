package io.glaux.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import io.minio.messages.ListBucketResultV2;
import io.minio.messages.Prefix;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * A store on any S3-compatible server (AWS S3, MinIO, s3proxy), through the MinIO client with path-style addressing.
 * Uploads are staged in a local staging area (outside every bucket, cleaned at start) and sent on commit, so the
 * server sees a whole object or nothing.
 */
public final class S3CompatibleStore implements ObjectStore {

    private final String name;
    private final S3Calls calls;
    private final OkHttpClient http;
    private final MinioClient client;
    private final S3ListingClient lister;
    private final StagingArea staging;

    /** Stages uploads under the JVM's temporary folder. */
    public S3CompatibleStore(S3StoreConfig config) throws IOException {
        this(config, Path.of(System.getProperty("java.io.tmpdir")).resolve("glaux-staging"));
    }

    /** Stages uploads under {@code stagingRoot} (Glaux uses its data folder). */
    public S3CompatibleStore(S3StoreConfig config, Path stagingRoot) throws IOException {
        this.name = "the S3 store at " + config.endpoint();
        this.calls = new S3Calls(name);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMinutes(1))
                .writeTimeout(Duration.ofMinutes(1))
                .protocols(List.of(Protocol.HTTP_1_1))
                .build();
        MinioClient.Builder syncBuilder = MinioClient.builder().endpoint(config.endpoint()).region(config.region())
                .httpClient(http);
        MinioAsyncClient.Builder asyncBuilder = MinioAsyncClient.builder().endpoint(config.endpoint())
                .region(config.region()).httpClient(http);
        if (config.accessKey() != null) {
            syncBuilder.credentials(config.accessKey(), config.secretKey());
            asyncBuilder.credentials(config.accessKey(), config.secretKey());
        }
        this.client = syncBuilder.build();
        this.client.disableVirtualStyleEndpoint();
        MinioAsyncClient async = asyncBuilder.build();
        async.disableVirtualStyleEndpoint();
        this.lister = new S3ListingClient(async);
        this.staging = new StagingArea(stagingRoot);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<BucketInfo> buckets() throws IOException {
        List<BucketInfo> buckets = new ArrayList<>();
        for (Bucket bucket : calls.call("", "", client::listBuckets)) {
            ZonedDateTime created = bucket.creationDate();
            buckets.add(new BucketInfo(bucket.name(), created == null ? Instant.EPOCH : created.toInstant()));
        }
        buckets.sort((a, b) -> a.name().compareTo(b.name()));
        return buckets;
    }

    @Override
    public boolean bucketExists(String bucket) throws IOException {
        ObjectKeys.validateBucket(bucket);
        return calls.call(bucket, "", () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    @Override
    public boolean createBucket(String bucket) throws IOException {
        if (bucketExists(bucket)) {
            return false;
        }
        try {
            calls.call(bucket, "", () -> {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                return null;
            });
            return true;
        } catch (IOException e) {
            // Another caller created it in between: the outcome asked for holds.
            String code = S3Calls.errorCode(e.getCause());
            if ("BucketAlreadyOwnedByYou".equals(code) || "BucketAlreadyExists".equals(code)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void deleteBucket(String bucket) throws IOException {
        ObjectKeys.validateBucket(bucket);
        calls.call(bucket, "", () -> {
            client.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
            return null;
        });
    }

    @Override
    public ObjectListing list(String bucket, ListRequest request) throws IOException {
        ObjectKeys.validateBucket(bucket);
        ListBucketResultV2 page = calls.call(bucket, request.prefix(), () -> lister.page(bucket, request.prefix(),
                request.delimiter(), request.startAfter(), request.maxKeys()));
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        int served = 0;
        // A server may ignore max-keys; the contract may not. Objects and prefixes are merged in key order.
        List<? extends Item> contents = page.contents();
        List<String> commonPrefixes = new ArrayList<>();
        for (Prefix prefix : page.commonPrefixes()) {
            commonPrefixes.add(decode(prefix.toItem().objectName(), page.encodingType()));
        }
        int i = 0;
        int j = 0;
        while ((i < contents.size() || j < commonPrefixes.size()) && served < request.maxKeys()) {
            boolean takeObject = j >= commonPrefixes.size() || (i < contents.size()
                    && KeyOrder.compare(contents.get(i).objectName(), commonPrefixes.get(j)) < 0);
            if (takeObject) {
                Item item = contents.get(i++);
                objects.add(new ObjectInfo(bucket, item.objectName(), item.size(), item.lastModified().toInstant(),
                        S3ObjectHeaders.etag(item.etag())));
                last = item.objectName();
            } else {
                last = commonPrefixes.get(j++);
                prefixes.add(last);
            }
            served++;
        }
        boolean more = page.isTruncated() || i < contents.size() || j < commonPrefixes.size();
        return new ObjectListing(objects, prefixes, more && last != null ? Optional.of(last) : Optional.empty());
    }

    @Override
    public Optional<StoredObject> stat(String bucket, String key) throws IOException {
        validate(bucket, key);
        try {
            StatObjectResponse stat = calls.call(bucket, key,
                    () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
            return Optional.of(describe(bucket, key, stat.headers(), stat.size()));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public ObjectRead read(String bucket, String key, long offset, long length) throws IOException {
        validate(bucket, key);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (length == 0) {
            return new ObjectRead(stat(bucket, key).orElseThrow(() -> new NoSuchObjectException(bucket, key)),
                    InputStream.nullInputStream());
        }
        GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(key);
        if (offset > 0) {
            args.offset(offset);
        }
        if (length > 0) {
            args.offset(offset).length(length);
        }
        try {
            GetObjectResponse response = calls.call(bucket, key, () -> client.getObject(args.build()));
            return new ObjectRead(describe(bucket, key, response.headers(), totalSize(response.headers())),
                    new UnavailableOnFailure(response, calls, bucket, key));
        } catch (IOException e) {
            // A range that starts at or past the end: the object exists and has no bytes there.
            if ("InvalidRange".equals(S3Calls.errorCode(e.getCause()))) {
                return new ObjectRead(stat(bucket, key).orElseThrow(() -> new NoSuchObjectException(bucket, key)),
                        InputStream.nullInputStream());
            }
            throw e;
        }
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key, ObjectMetadata metadata) throws IOException {
        validate(bucket, key);
        return new StagedUpload(staging.newFile(), false, true,
                (staged, size, md5, etag) -> send(bucket, key, metadata, staged, size));
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        validate(bucket, key);
        calls.call(bucket, key, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** Releases the HTTP client's threads and connections and the staging area. */
    @Override
    public void close() throws IOException {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        staging.close();
    }

    private ObjectInfo send(String bucket, String key, ObjectMetadata metadata, Path staged, long size)
            throws IOException {
        try (InputStream in = Files.newInputStream(staged)) {
            // A known size lets the client choose single-part or multipart upload itself (part size -1).
            PutObjectArgs.Builder put = PutObjectArgs.builder().bucket(bucket).object(key).stream(in, size, -1)
                    .headers(S3ObjectHeaders.headers(metadata))
                    .userMetadata(S3ObjectHeaders.userMetadata(metadata));
            put.contentType(metadata.contentType() == null ? "binary/octet-stream" : metadata.contentType());
            ObjectWriteResponse written = calls.call(bucket, key, () -> client.putObject(put.build()));
            Instant modified = lastModified(written.headers()).orElseGet(Instant::now);
            return new ObjectInfo(bucket, key, size, modified, S3ObjectHeaders.etag(written.etag()));
        }
    }

    private static StoredObject describe(String bucket, String key, Headers headers, long size) {
        Instant modified = lastModified(headers).orElse(Instant.EPOCH);
        return new StoredObject(new ObjectInfo(bucket, key, size, modified, S3ObjectHeaders.etag(headers.get("ETag"))),
                S3ObjectHeaders.metadata(headers));
    }

    private static Optional<Instant> lastModified(Headers headers) {
        String value = headers.get("Last-Modified");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The whole object's size: from Content-Range on a ranged answer, else Content-Length. */
    private static long totalSize(Headers headers) {
        String range = headers.get("Content-Range");
        if (range != null && range.contains("/")) {
            try {
                return Long.parseLong(range.substring(range.indexOf('/') + 1).trim());
            } catch (NumberFormatException e) {
                // fall through to Content-Length
            }
        }
        String length = headers.get("Content-Length");
        return length == null ? -1 : Long.parseLong(length.trim());
    }

    private static String decode(String name, String encodingType) {
        return "url".equals(encodingType) ? URLDecoder.decode(name, StandardCharsets.UTF_8) : name;
    }

    private void validate(String bucket, String key) {
        ObjectKeys.validateBucket(bucket);
        ObjectKeys.validate(key);
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidKeyException("Object key '" + key + "' has a '.' or '..' segment, which the client of "
                        + name + " cannot address");
            }
        }
    }

    /** A body whose reading fails when the store goes away mid-read: the failure names the store and object. */
    private static final class UnavailableOnFailure extends java.io.FilterInputStream {
        private final S3Calls calls;
        private final String bucket;
        private final String key;

        UnavailableOnFailure(InputStream in, S3Calls calls, String bucket, String key) {
            super(in);
            this.calls = calls;
            this.bucket = bucket;
            this.key = key;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw calls.toIOException(e, bucket, key);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw calls.toIOException(e, bucket, key);
            }
        }
    }
}
