package io.glaux.athena.api;

import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.Session;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Identities for authorization tests against a server with enforcement on: IAM users and role sessions with inline
 * policies written from statements, and the checks of a refusal as an SDK sees it (status, code, AWS's sentence, the
 * fix after it). Shared by the Athena, Lambda and QuickSight authorization tests.
 */
public final class AccessFixture {

    public static final String ACCOUNT = "000000000000";
    /** Trusts the account's root, so the directory can hand out sessions of the role. */
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";

    private AccessFixture() {
    }

    /** A client of {@code server} built by {@code builder}, signing with {@code credentials}, never retrying. */
    public static <B extends AwsClientBuilder<B, C>, C> C client(B builder, GlauxServer server,
                                                                 AwsCredentials credentials, Region region) {
        return builder.endpointOverride(URI.create(server.endpoint())).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
                .build();
    }

    /**
     * A raw HTTP request signed with SigV4 by the SDK's own signer, as a client that builds its requests itself (the
     * web UI, a fuzzer) sends it: the signed headers but {@code Host} and {@code Content-Length}, which the HTTP
     * client sets to the same values, to the URI as the SDK encodes it (a query's {@code +} sent as {@code %20}, an
     * empty parameter name dropped: what the SDK signed, not the characters {@code url} spelled). A null body is an
     * empty one.
     */
    public static HttpRequest signed(String method, String url, Map<String, String> headers, byte[] body,
                                     AwsCredentials credentials, String service) {
        byte[] payload = body == null ? new byte[0] : body;
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(url));
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.getUri()).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        return http.build();
    }

    /** Polls GetQueryExecution until the query has ended (or a minute has passed); its last description. */
    public static software.amazon.awssdk.services.athena.model.QueryExecution awaitEnd(
            software.amazon.awssdk.services.athena.AthenaClient athena, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            var execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            var state = execution.status().state();
            if (state == software.amazon.awssdk.services.athena.model.QueryExecutionState.SUCCEEDED
                    || state == software.amazon.awssdk.services.athena.model.QueryExecutionState.FAILED
                    || state == software.amazon.awssdk.services.athena.model.QueryExecutionState.CANCELLED
                    || System.nanoTime() > deadline) {
                return execution;
            }
            Thread.sleep(10);
        }
    }

    /** An Allow statement of {@code action} (a string or a JSON list) on {@code resource}. */
    public static String allow(String action, String resource) {
        return statement("Allow", "\"Action\":" + quoted(action), resource, null);
    }

    /** A Deny statement of {@code action} on {@code resource}. */
    public static String deny(String action, String resource) {
        return statement("Deny", "\"Action\":" + quoted(action), resource, null);
    }

    /** An Allow statement of everything but {@code notAction} on {@code resource}. */
    public static String allowAllBut(String notAction, String resource) {
        return statement("Allow", "\"NotAction\":" + quoted(notAction), resource, null);
    }

    /** An Allow statement with a Condition block ({@code {"DateGreaterThan":{...}}}). */
    public static String allowIf(String action, String resource, String condition) {
        return statement("Allow", "\"Action\":" + quoted(action), resource, condition);
    }

    private static String statement(String effect, String action, String resource, String condition) {
        return "{\"Effect\":\"" + effect + "\"," + action + ",\"Resource\":" + quoted(resource)
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static String quoted(String value) {
        return value.startsWith("[") ? value : "\"" + value + "\"";
    }

    /** A policy document of {@code statements}. */
    public static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    /** A new IAM user whose one inline policy has {@code statements}, and an access key of it. */
    public static AwsCredentials user(GlauxServer server, String name, String... statements) {
        server.iam().createUser(name, "/", List.of());
        if (statements.length > 0) {
            server.iam().putInlinePolicy(EntityKind.USER, name, name + "-policy", policy(statements));
        }
        AccessKey key = server.iam().createAccessKey(name);
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    /** A new role whose one inline policy has {@code statements}, and the credentials of a session of it. */
    public static AwsCredentials roleSession(GlauxServer server, String role, String session, String... statements) {
        server.iam().createRole(role, "/", TRUST, null, null, List.of());
        server.iam().putInlinePolicy(EntityKind.ROLE, role, role + "-policy", policy(statements));
        Session assumed = server.iam().assumeRole("arn:aws:iam::" + ACCOUNT + ":role/" + role, session,
                Duration.ofHours(1), null);
        return AwsSessionCredentials.create(assumed.accessKeyId(), assumed.secretAccessKey(),
                assumed.sessionToken());
    }

    /** The ARN of the IAM user {@code name}. */
    public static String userArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    /** AWS's sentence for an action no identity policy allows. */
    public static String noPolicyAllows(String principalArn, String action, String resource) {
        return "User: " + principalArn + " is not authorized to perform: " + action
                + (resource.equals("*") ? "" : " on resource: " + resource)
                + " because no identity-based policy allows the " + action + " action";
    }

    /** AWS's sentence for an action an identity policy denies, up to the policy's name. */
    public static String explicitlyDenied(String principalArn, String action, String resource) {
        return "User: " + principalArn + " is not authorized to perform: " + action + " on resource: " + resource
                + " with an explicit deny in an identity-based policy: ";
    }

    /**
     * Checks a refusal as the SDK reports it: the status, the code, and a message that is AWS's sentence (or starts
     * with it, for an explicit deny, which names the policy) followed by the fix.
     */
    public static void assertRefused(AwsServiceException e, int status, String code, String sentence) {
        assertThat(e.statusCode()).as(e.toString()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        String message = e.awsErrorDetails().errorMessage();
        assertThat(message).as("AWS's sentence, then the fix").startsWith(sentence).contains(". To allow it: ");
        if (!sentence.endsWith(": ")) {
            assertThat(message).startsWith(sentence + ". To allow it: ");
        }
    }

    /**
     * One call by one caller through an SDK client, and either what it must do (its own assertions) or the refusal
     * it must get: the principal, action and resource AWS's sentence names, and whether a Deny statement refused it.
     */
    public record AccessCase<C>(String name, C client, Consumer<C> call, String principal, String action,
                                String resource, boolean explicit) {

        public static <C> AccessCase<C> allowed(String name, C client, Consumer<C> call) {
            return new AccessCase<>(name, client, call, null, null, null, false);
        }

        public static <C> AccessCase<C> denied(String name, C client, Consumer<C> call, String principal,
                                               String action, String resource) {
            return new AccessCase<>(name, client, call, principal, action, resource, false);
        }

        public static <C> AccessCase<C> deniedByDeny(String name, C client, Consumer<C> call, String principal,
                                                     String action, String resource) {
            return new AccessCase<>(name, client, call, principal, action, resource, true);
        }

        /** Makes the call; an allowed one must succeed, a refused one must get {@code status} and {@code code}. */
        public void check(int status, String code) {
            if (action == null) {
                call.accept(client);
                return;
            }
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> call.accept(client));
            assertThat(e).as(name + " must be refused").isNotNull();
            assertRefused(e, status, code, explicit ? explicitlyDenied(principal, action, resource)
                    : noPolicyAllows(principal, action, resource));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
