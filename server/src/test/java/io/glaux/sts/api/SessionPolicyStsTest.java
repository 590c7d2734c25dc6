package io.glaux.sts.api;

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
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.PackedPolicyTooLargeException;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AssumeRole's session policies through the SDK's StsClient against a server enforcing IAM: the inline
 * {@code Policy} and the managed {@code PolicyArns} narrow what the session may do to what its role's policies and
 * one of them both allow, bad ones are refused as STS refuses them, and {@code PackedPolicySize} says how much of the
 * allowed space they take. The session's calls are IAM reads, which the role's policy allows.
 */
class SessionPolicyStsTest {

    private static final String ACCOUNT = "000000000000";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/reader";
    private static final String GET_ROLE_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:GetRole\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path data;
    static GlauxServer server;
    static StsClient root;
    static String listRolesArn;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        server.iam().createRole("reader", null, IamStsAuthorizationTest.trust("\"arn:aws:iam::" + ACCOUNT
                + ":root\""), null, null, null);
        server.iam().putInlinePolicy(EntityKind.ROLE, "reader", "iam-read", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:Get*\",\"iam:List*\"],\"Resource\":\"*\"}]}");
        listRolesArn = server.iam().createPolicy("list-roles", "/", IamStsAuthorizationTest.policy("iam:ListRoles",
                "*"), null).arn();
        root = sts(AwsBasicCredentials.create("test", "test"));
    }

    @AfterAll
    static void stop() {
        root.close();
        server.close();
    }

    static StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    static IamClient iamAs(Credentials session) {
        return IamClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))).build();
    }

    static AssumeRoleResponse assume(Consumer<AssumeRoleRequest.Builder> more) {
        return root.assumeRole(r -> {
            r.roleArn(ROLE).roleSessionName("s1");
            more.accept(r);
        });
    }

    @Test
    void anInlineSessionPolicyNarrowsTheRole() {
        AssumeRoleResponse assumed = assume(r -> r.policy(GET_ROLE_ONLY));
        assertThat(assumed.packedPolicySize()).isEqualTo((GET_ROLE_ONLY.length() * 100 + 2047) / 2048);
        try (IamClient session = iamAs(assumed.credentials())) {
            assertThat(session.getRole(r -> r.roleName("reader")).role().arn()).isEqualTo(ROLE);
            assertThatThrownBy(session::listRoles).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:sts::" + ACCOUNT
                        + ":assumed-role/reader/s1 is not authorized to perform: iam:ListRoles on resource: "
                        + "arn:aws:iam::" + ACCOUNT + ":role/ because no session policy allows the iam:ListRoles"
                        + " action");
            });
        }
    }

    @Test
    void aManagedSessionPolicyAddsToTheInlineOneWithinTheRole() {
        AssumeRoleResponse assumed = assume(r -> r.policy(GET_ROLE_ONLY)
                .policyArns(PolicyDescriptorType.builder().arn(listRolesArn).build()));
        assertThat(assumed.packedPolicySize())
                .isEqualTo(((GET_ROLE_ONLY.length() + listRolesArn.length()) * 100 + 2047) / 2048);
        try (IamClient session = iamAs(assumed.credentials())) {
            assertThat(session.getRole(r -> r.roleName("reader")).role().roleName()).isEqualTo("reader");
            assertThat(session.listRoles().roles()).extracting(role -> role.roleName()).contains("reader");
            assertThatThrownBy(session::listUsers).isInstanceOf(IamException.class);
        }
    }

    @Test
    void withoutSessionPoliciesTheSessionHasTheRolesPermissionsAndNoPackedSize() {
        AssumeRoleResponse assumed = assume(r -> { });
        assertThat(assumed.packedPolicySize()).isNull();
        try (IamClient session = iamAs(assumed.credentials())) {
            assertThat(session.listUsers().users()).isNotNull();
        }
    }

    @Test
    void aSessionPolicyCannotGrantMoreThanTheRole() {
        AssumeRoleResponse assumed = assume(r -> r.policy(IamStsAuthorizationTest.policy("iam:*", "*")));
        try (IamClient session = iamAs(assumed.credentials())) {
            assertThatThrownBy(() -> session.createUser(r -> r.userName("x")))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .contains("because no identity-based policy allows the iam:CreateUser action"));
        }
    }

    @Test
    void aMalformedPolicyIsMalformedPolicyDocument() {
        assertThatThrownBy(() -> assume(r -> r.policy("{\"Statement\":[{\"Effect\":\"Allow\"}]}")))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e ->
                        assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> assume(r -> r.policy("not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void anUnknownPolicyArnIsRefused() {
        String unknown = "arn:aws:iam::" + ACCOUNT + ":policy/missing";
        assertThatThrownBy(() -> assume(r -> r.policyArns(PolicyDescriptorType.builder().arn(unknown).build())))
                .isInstanceOfSatisfying(MalformedPolicyDocumentException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Policy " + unknown
                        + " does not exist or is not attachable."));
    }

    @Test
    void elevenPolicyArnsAreTooMany() {
        List<PolicyDescriptorType> eleven = Collections.nCopies(11, PolicyDescriptorType.builder()
                .arn(listRolesArn).build());
        assertThatThrownBy(() -> assume(r -> r.policyArns(eleven)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }

    @Test
    void policiesBeyondThePackedLimitAreTooLarge() {
        String sid = "x".repeat(1900);
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetRole\",\"Resource\":\"*\"}]}";
        assertThat(assume(r -> r.policy(big)).packedPolicySize()).isBetween(96, 100);
        List<PolicyDescriptorType> arns = Collections.nCopies(3, PolicyDescriptorType.builder().arn(listRolesArn)
                .build());
        assertThatThrownBy(() -> assume(r -> r.policy(big).policyArns(arns)))
                .isInstanceOfSatisfying(PackedPolicyTooLargeException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).matches("Packed policy consumes 10\\d% of allotted "
                        + "space, please use smaller policy for assume role\\."));
    }
}
