package io.glaux.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import io.minio.messages.ListBucketResultV2;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * A store on any S3-compatible server (AWS S3, MinIO, s3proxy), through the MinIO client with path-style addressing.
 * Uploads are staged in a local temporary folder and sent on commit.
 */
public final class S3CompatibleStore implements ObjectStore {

    private static final String OCTET_STREAM = "application/octet-stream";

    private final OkHttpClient http;
    private final MinioClient client;
    private final S3ListingClient lister;
    private final Path stagingDir;

    /** Stages uploads in the JVM's temporary folder. */
    public S3CompatibleStore(S3StoreConfig config) {
        this(config, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public S3CompatibleStore(S3StoreConfig config, Path stagingDir) {
        this.stagingDir = stagingDir;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofMinutes(5))
                .writeTimeout(Duration.ofMinutes(5))
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
    }

    @Override
    public List<String> listBuckets() throws IOException {
        List<String> names = new ArrayList<>();
        for (Bucket bucket : S3Calls.call("", "", client::listBuckets)) {
            names.add(bucket.name());
        }
        names.sort(null);
        return names;
    }

    @Override
    public boolean bucketExists(String bucket) throws IOException {
        ObjectKeys.validateBucket(bucket);
        return S3Calls.call(bucket, "", () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    @Override
    public void createBucket(String bucket) throws IOException {
        if (bucketExists(bucket)) {
            return;
        }
        try {
            S3Calls.call(bucket, "", () -> {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                return null;
            });
        } catch (IOException e) {
            // Another caller created it in between: the outcome asked for holds.
            if (!"BucketAlreadyOwnedByYou".equals(S3Calls.errorCode(e.getCause()))) {
                throw e;
            }
        }
    }

    @Override
    public ObjectListing list(String bucket, String prefix, String continuationToken, int maxKeys) throws IOException {
        ObjectKeys.validateBucket(bucket);
        ObjectKeys.validatePrefix(prefix);
        ListingPages.checkMaxKeys(maxKeys);
        String startAfter = ListingPages.startAfter(continuationToken);
        ListBucketResultV2 page = S3Calls.call(bucket, prefix, () -> lister.page(bucket, prefix, startAfter, maxKeys));
        List<ObjectInfo> objects = new ArrayList<>();
        for (Item item : page.contents()) {
            if (objects.size() == maxKeys) {
                break; // a server may ignore max-keys; the contract may not
            }
            objects.add(new ObjectInfo(bucket, item.objectName(), item.size(), item.lastModified().toInstant()));
        }
        boolean more = page.isTruncated() || objects.size() < page.contents().size();
        if (!more || objects.isEmpty()) {
            return new ObjectListing(objects, Optional.empty());
        }
        return new ObjectListing(objects,
                Optional.of(ListingPages.tokenAfter(objects.get(objects.size() - 1).key())));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) throws IOException {
        validate(bucket, key);
        try {
            StatObjectResponse stat = S3Calls.call(bucket, key,
                    () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
            return Optional.of(new ObjectInfo(bucket, key, stat.size(), stat.lastModified().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream get(String bucket, String key, long offset, long length) throws IOException {
        validate(bucket, key);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (length == 0) {
            requireExists(bucket, key);
            return InputStream.nullInputStream();
        }
        GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(key);
        if (offset > 0) {
            args.offset(offset);
        }
        if (length > 0) {
            args.offset(offset).length(length);
        }
        try {
            return S3Calls.call(bucket, key, () -> client.getObject(args.build()));
        } catch (IOException e) {
            // A range that starts at or past the end: the object exists and has no bytes there.
            if ("InvalidRange".equals(S3Calls.errorCode(e.getCause()))) {
                return InputStream.nullInputStream();
            }
            throw e;
        }
    }

    @Override
    public ObjectUpload startUpload(String bucket, String key) throws IOException {
        validate(bucket, key);
        Path stagingFile = stagingDir.resolve("glaux-upload-" + UUID.randomUUID() + ".part");
        return new StagedUpload(stagingFile, false, (staged, size) -> send(bucket, key, staged, size));
    }

    @Override
    public void delete(String bucket, String key) throws IOException {
        validate(bucket, key);
        S3Calls.call(bucket, key, () -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private void send(String bucket, String key, Path staged, long size) throws IOException {
        try (InputStream in = Files.newInputStream(staged)) {
            // A known size lets the client choose single-part or multipart upload itself (part size -1).
            S3Calls.call(bucket, key, () -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, size, -1).contentType(OCTET_STREAM).build()));
        }
    }

    private void requireExists(String bucket, String key) throws IOException {
        S3Calls.call(bucket, key, () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    private static void validate(String bucket, String key) {
        ObjectKeys.validateBucket(bucket);
        ObjectKeys.validate(key);
    }
}
