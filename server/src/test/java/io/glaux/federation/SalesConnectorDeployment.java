package io.glaux.federation;

import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalogType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The test connector deployed as a user deploys one, as the account's root: its package uploaded to a code bucket,
 * a Lambda function created from it (spilling to a spill bucket) and a LAMBDA data catalog naming the function.
 */
public final class SalesConnectorDeployment {

    private SalesConnectorDeployment() {
    }

    /** Deploys the connector as {@code function} behind the data catalog {@code catalog}; waits until it is active. */
    public static void deploy(GlauxServer server, String function, String catalog) throws Exception {
        StaticCredentialsProvider root = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY));
        URI endpoint = URI.create(server.endpoint());
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(root).build();
             AthenaClient athena = AthenaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(root).build();
             LambdaClient lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(root).overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)))
                     .build()) {
            for (String bucket : new String[] {"fed-code", "fed-spill"}) {
                if (!server.glaux().store().bucketExists(bucket)) {
                    s3.createBucket(b -> b.bucket(bucket));
                }
            }
            s3.putObject(b -> b.bucket("fed-code").key(function + ".zip"),
                    RequestBody.fromBytes(SalesConnectorPackage.zip()));
            lambda.createFunction(b -> b.functionName(function).runtime(Runtime.JAVA17)
                    .role("arn:aws:iam::000000000000:role/lambda").handler(SalesConnectorPackage.HANDLER)
                    .code(c -> c.s3Bucket("fed-code").s3Key(function + ".zip")).memorySize(512).timeout(60)
                    .environment(e -> e.variables(Map.of("spill_bucket", "fed-spill", "spill_prefix",
                            "athena-spill"))));
            lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(function));
            athena.createDataCatalog(b -> b.name(catalog).type(DataCatalogType.LAMBDA)
                    .parameters(Map.of("function", function)));
        }
    }
}
