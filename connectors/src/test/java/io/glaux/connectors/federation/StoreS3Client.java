package io.glaux.connectors.federation;

import io.glaux.storage.ObjectStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A test double for the storage only: the S3 client the SDK's spiller writes spilled blocks with, putting them into a
 * Glaux store (the one the connector under test reads them back from). It does nothing else S3 does.
 */
final class StoreS3Client implements S3Client {

    private final ObjectStore store;

    StoreS3Client(ObjectStore store) {
        this.store = store;
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            byte[] bytes = in.readAllBytes();
            store.createBucket(request.bucket());
            store.put(request.bucket(), request.key(), bytes);
            return PutObjectResponse.builder().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
