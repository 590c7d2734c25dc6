package io.glaux.sts.api;

import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * IAM and STS with enforcement on, through the SDK's IamClient and StsClient: IAM actions on their entities' ARNs,
 * GetCallerIdentity and GetSessionToken needing no permission, and AssumeRole needing the trust policy to allow the
 * caller (by name, or by delegating to the account, when an identity policy must allow it too).
 */
class IamStsAuthorizationTest {

    static final String ACCOUNT = "000000000000";
    static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";

    @TempDir
    static Path data;
    static GlauxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        // Trusts the account: callers need an identity policy allowing sts:AssumeRole on it.
        server.iam().createRole("delegated", null, trust("\"" + ROOT + "\""), null, null, null);
        server.iam().putInlinePolicy(EntityKind.ROLE, "delegated", "iam-read", policy("iam:GetUser", "*"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String trust(String principals) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + principals + "},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static String policy(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static AwsCredentials userKey(String name, String identityPolicy) {
        server.iam().createUser(name, null, null);
        if (identityPolicy != null) {
            server.iam().putInlinePolicy(EntityKind.USER, name, "p", identityPolicy);
        }
        AccessKey key = server.iam().createAccessKey(name);
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    static IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    static StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    static String userArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    static String roleArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    @Test
    void aUserAllowedIamGetStarReadsButMayNotCreateUsers() {
        try (IamClient reader = iam(userKey("reader", policy("iam:Get*", "*")))) {
            assertThat(reader.getUser(r -> r.userName("reader")).user().arn()).isEqualTo(userArn("reader"));
            assertThat(reader.getRole(r -> r.roleName("delegated")).role().arn()).isEqualTo(roleArn("delegated"));
            assertThatThrownBy(() -> reader.createUser(r -> r.userName("intruder")))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + userArn("reader")
                                + " is not authorized to perform: iam:CreateUser on resource: "
                                + userArn("intruder") + " because no identity-based policy allows the"
                                + " iam:CreateUser action. To allow it: ");
                    });
            assertThatThrownBy(() -> reader.listUsers()).isInstanceOfSatisfying(IamException.class, e ->
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + userArn("reader")
                            + " is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::" + ACCOUNT
                            + ":user/ because"));
        }
        assertThat(server.iam().findUser("intruder")).isEmpty();
    }

    @Test
    void attachingAPolicyIsAskedOnTheEntityWithTheIamPolicyArnKey() {
        String onlyReadOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:AttachUserPolicy\",\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":{\"iam:PolicyARN\":"
                + "\"arn:aws:iam::aws:policy/ReadOnlyAccess\"}}}]}";
        server.iam().createUser("target", null, null);
        try (IamClient admin = iam(userKey("attacher", onlyReadOnly))) {
            admin.attachUserPolicy(r -> r.userName("target").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
            assertThatThrownBy(() -> admin.attachUserPolicy(r -> r.userName("target")
                    .policyArn("arn:aws:iam::aws:policy/AdministratorAccess"))).isInstanceOf(IamException.class)
                    .hasMessageContaining("is not authorized to perform: iam:AttachUserPolicy on resource: "
                            + userArn("target"));
        }
    }

    @Test
    void getCallerIdentityAndGetSessionTokenNeedNoPermission() {
        try (StsClient nobody = sts(userKey("nobody", null))) {
            assertThat(nobody.getCallerIdentity().arn()).isEqualTo(userArn("nobody"));
            assertThat(nobody.getSessionToken().credentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void assumeRoleNeedsTheIdentityPolicyWhenTheTrustPolicyNamesTheAccount() {
        try (StsClient without = sts(userKey("no-assume", null))) {
            assertThatThrownBy(() -> without.assumeRole(r -> r.roleArn(roleArn("delegated")).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + userArn("no-assume")
                                + " is not authorized to perform: sts:AssumeRole on resource: "
                                + roleArn("delegated") + ". To allow it: Allow sts:AssumeRole on "
                                + roleArn("delegated"));
                    });
        }
        try (StsClient with = sts(userKey("may-assume", policy("sts:AssumeRole", roleArn("delegated"))))) {
            assertThat(with.assumeRole(r -> r.roleArn(roleArn("delegated")).roleSessionName("s1")).assumedRoleUser()
                    .arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/delegated/s1");
        }
    }

    @Test
    void anIdentityPolicyAloneDoesNotAssumeARoleWhoseTrustPolicyNamesSomeoneElse() {
        server.iam().createRole("private", null, trust("\"" + userArn("the-one") + "\""), null, null, null);
        try (StsClient eager = sts(userKey("eager", policy("sts:AssumeRole", "*")))) {
            assertThatThrownBy(() -> eager.assumeRole(r -> r.roleArn(roleArn("private")).roleSessionName("s1")))
                    .isInstanceOf(StsException.class).hasMessageStartingWith("User: " + userArn("eager")
                            + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn("private")
                            + ". To allow it: ");
        }
        try (StsClient theOne = sts(userKey("the-one", null))) {
            // Named in the trust policy itself: no identity policy needed, as STS documents within an account.
            assertThat(theOne.assumeRole(r -> r.roleArn(roleArn("private")).roleSessionName("s1"))
                    .assumedRoleUser().arn()).endsWith(":assumed-role/private/s1");
        }
    }

    @Test
    void theAssumedSessionHasTheRolesRightsAndNotTheUsers() {
        AwsCredentials userKey = userKey("switcher", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":[\"sts:AssumeRole\",\"iam:ListRoles\"],\"Resource\":\"*\"}]}");
        Credentials credentials;
        try (StsClient sts = sts(userKey); IamClient asUser = iam(userKey)) {
            assertThat(asUser.listRoles().roles()).isNotEmpty();
            assertThatThrownBy(() -> asUser.getUser(r -> r.userName("switcher"))).isInstanceOf(IamException.class);
            credentials = sts.assumeRole(r -> r.roleArn(roleArn("delegated")).roleSessionName("work")).credentials();
        }
        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/delegated/work";
        try (IamClient asRole = iam(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()))) {
            assertThat(asRole.getUser(r -> r.userName("switcher")).user().userName()).isEqualTo("switcher");
            assertThatThrownBy(() -> asRole.listRoles()).isInstanceOfSatisfying(IamException.class, e ->
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: " + sessionArn
                            + " is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT
                            + ":role/ because no identity-based policy allows the iam:ListRoles action"));
        }
    }

    @Test
    void aTrustPolicyNamingNeitherTheCallerNorItsAccountRefusesRoot() {
        server.iam().createRole("closed", null, trust("\"" + userArn("someone") + "\""), null, null, null);
        try (StsClient root = sts(AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID,
                GlauxServer.SECRET_ACCESS_KEY))) {
            assertThatThrownBy(() -> root.assumeRole(r -> r.roleArn(roleArn("closed")).roleSessionName("s1")))
                    .isInstanceOf(StsException.class).hasMessageStartingWith("User: " + ROOT
                            + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn("closed"));
        }
    }
}
