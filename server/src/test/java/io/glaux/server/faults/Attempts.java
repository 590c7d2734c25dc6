package io.glaux.server.faults;

import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every HTTP attempt an SDK client makes (status and error code as the server answered them), so a test sees
 * what the server sent before the SDK's retries hid it. Clients use the SDK's standard retry mode: 3 attempts.
 */
final class Attempts implements ExecutionInterceptor {

    /** One attempt: the HTTP status and the error code the server named (Athena's header, S3's none: null). */
    record Attempt(int status, String errorType) {
    }

    private final List<Attempt> attempts = new ArrayList<>();

    @Override
    public synchronized void afterTransmission(Context.AfterTransmission context,
            ExecutionAttributes executionAttributes) {
        attempts.add(new Attempt(context.httpResponse().statusCode(),
                context.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null)));
    }

    synchronized List<Attempt> all() {
        return List.copyOf(attempts);
    }

    synchronized List<Integer> statuses() {
        return attempts.stream().map(Attempt::status).toList();
    }

    synchronized void clear() {
        attempts.clear();
    }

    AthenaClient athena(GlauxServer server) {
        return AthenaClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(this))
                .build();
    }

    S3Client s3(GlauxServer server) {
        return S3Client.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).forcePathStyle(true)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(this))
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID,
                GlauxServer.SECRET_ACCESS_KEY));
    }
}
