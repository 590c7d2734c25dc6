package io.glaux.athena.api;

import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.iam.directory.Session;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
}
