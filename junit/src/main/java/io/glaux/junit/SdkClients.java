package io.glaux.junit;

import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/**
 * AWS SDK for Java v2 clients configured for a Glaux server, made on first use. Kept in its own class so the
 * extension loads without the SDK on the class path.
 */
public final class SdkClients implements AutoCloseable {

    private final GlauxServer server;
    private AthenaClient athena;
    private S3Client s3;

    public SdkClients(GlauxServer server) {
        this.server = server;
    }

    /** Static dummy credentials, as Glaux accepts any. */
    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY));
    }

    /** A new Athena client for the server; the caller closes it. */
    public static AthenaClient newAthenaClient(GlauxServer server) {
        return AthenaClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(GlauxServer.REGION)).credentialsProvider(credentials()).build();
    }

    /** A new path-style S3 client for the server; the caller closes it. */
    public static S3Client newS3Client(GlauxServer server) {
        return S3Client.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(GlauxServer.REGION)).credentialsProvider(credentials())
                .forcePathStyle(true).build();
    }

    public synchronized AthenaClient athena() {
        if (athena == null) {
            athena = newAthenaClient(server);
        }
        return athena;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = newS3Client(server);
        }
        return s3;
    }

    @Override
    public synchronized void close() {
        if (athena != null) {
            athena.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }
}
