package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/** The AWS SDK for Java v2 clients of a test, pointed at a Glaux server. */
public final class QuickSightClients {

    public static final String ACCOUNT = "000000000000";

    private QuickSightClients() {
    }

    public static QuickSightClient quickSight(GlauxServer server) {
        return QuickSightClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY))).build();
    }

    /**
     * Registers QuickSight-managed users of these names (READER), so that resource permissions may name them
     * ({@code arn:aws:quicksight:us-east-1:000000000000:user/default/<name>}).
     */
    public static void registerUsers(QuickSightClient quickSight, String... names) {
        for (String name : names) {
            quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default").identityType("QUICKSIGHT")
                    .email(name + "@example.com").userRole("READER").userName(name));
        }
    }

    public static S3Client s3(GlauxServer server) {
        return S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
                        .create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY))).build();
    }

    public static AthenaClient athena(GlauxServer server) {
        return AthenaClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY))).build();
    }
}
