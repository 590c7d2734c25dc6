package io.glaux.iam.api;

import io.glaux.iam.directory.AccessKey;
import io.glaux.iam.directory.EntityKind;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Permissions boundaries through the SDK's IamClient against a server enforcing IAM: set on CreateUser/CreateRole
 * or Put*PermissionsBoundary, reported by GetUser/GetRole (not by the List calls), counted by GetPolicy, applied to
 * the bounded user's calls, and the {@code iam:PermissionsBoundary} condition key that lets an administrator create
 * only bounded users.
 */
class PermissionsBoundaryApiTest {

    private static final String ACCOUNT = "000000000000";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    static Path data;
    static GlauxServer server;
    static IamClient root;
    static String iamGetOnly;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        root = iam(AwsBasicCredentials.create("test", "test"));
        iamGetOnly = root.createPolicy(r -> r.policyName("iam-get-only").policyDocument(policy("iam:Get*", "*", "")))
                .policy().arn();
    }

    @AfterAll
    static void stop() {
        root.close();
        server.close();
    }

    static String policy(String action, String resource, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"" + condition + "}]}";
    }

    static IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    static IamClient userClient(String name, String inlinePolicy) {
        server.iam().putInlinePolicy(EntityKind.USER, name, "p", inlinePolicy);
        AccessKey key = server.iam().createAccessKey(name);
        return iam(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
    }

    @Test
    void createGetPutAndDeleteAUsersBoundary() {
        assertThat(root.createUser(r -> r.userName("bounded").permissionsBoundary(iamGetOnly)).user()
                .permissionsBoundary().permissionsBoundaryArn()).isEqualTo(iamGetOnly);
        AttachedPermissionsBoundary boundary = root.getUser(r -> r.userName("bounded")).user().permissionsBoundary();
        assertThat(boundary.permissionsBoundaryType()).isEqualTo(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY);
        assertThat(boundary.permissionsBoundaryArn()).isEqualTo(iamGetOnly);
        assertThat(root.listUsers().users()).filteredOn(u -> u.userName().equals("bounded"))
                .singleElement().satisfies(u -> assertThat(u.permissionsBoundary()).isNull());
        assertThat(root.getPolicy(r -> r.policyArn(iamGetOnly)).policy().permissionsBoundaryUsageCount())
                .isEqualTo(1);

        root.putUserPermissionsBoundary(r -> r.userName("bounded").permissionsBoundary(READ_ONLY));
        assertThat(root.getUser(r -> r.userName("bounded")).user().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(READ_ONLY);
        root.deleteUserPermissionsBoundary(r -> r.userName("bounded"));
        assertThat(root.getUser(r -> r.userName("bounded")).user().permissionsBoundary()).isNull();
        assertThatThrownBy(() -> root.deleteUserPermissionsBoundary(r -> r.userName("bounded")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aRolesBoundaryIsReportedByGetRole() {
        root.createRole(r -> r.roleName("bounded-role").assumeRolePolicyDocument(TRUST).permissionsBoundary(READ_ONLY));
        assertThat(root.getRole(r -> r.roleName("bounded-role")).role().permissionsBoundary()
                .permissionsBoundaryArn()).isEqualTo(READ_ONLY);
        root.putRolePermissionsBoundary(r -> r.roleName("bounded-role").permissionsBoundary(iamGetOnly));
        assertThat(root.getRole(r -> r.roleName("bounded-role")).role().permissionsBoundary()
                .permissionsBoundaryArn()).isEqualTo(iamGetOnly);
        root.deleteRolePermissionsBoundary(r -> r.roleName("bounded-role"));
        assertThat(root.getRole(r -> r.roleName("bounded-role")).role().permissionsBoundary()).isNull();
    }

    @Test
    void anUnknownPolicyIsNoSuchEntityAndABoundaryBlocksDeletingItsPolicy() {
        String unknown = "arn:aws:iam::" + ACCOUNT + ":policy/missing";
        assertThatThrownBy(() -> root.createUser(r -> r.userName("nobody").permissionsBoundary(unknown)))
                .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Policy " + unknown + " does not exist or is not attachable.");
                });
        assertThatThrownBy(() -> root.getUser(r -> r.userName("nobody"))).isInstanceOf(NoSuchEntityException.class);
        String kept = root.createPolicy(r -> r.policyName("kept").policyDocument(policy("s3:*", "*", ""))).policy()
                .arn();
        root.createUser(r -> r.userName("keeper").permissionsBoundary(kept));
        assertThatThrownBy(() -> root.deletePolicy(r -> r.policyArn(kept)))
                .isInstanceOf(DeleteConflictException.class);
    }

    @Test
    void aBoundaryNarrowsAUserAllowedEverything() {
        server.iam().createUser("narrowed", null, null, iamGetOnly);
        try (IamClient narrowed = userClient("narrowed", policy("*", "*", ""))) {
            assertThat(narrowed.getUser(r -> r.userName("narrowed")).user().userName()).isEqualTo("narrowed");
            assertThatThrownBy(() -> narrowed.createUser(r -> r.userName("escape")))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCOUNT
                                + ":user/narrowed is not authorized to perform: iam:CreateUser on resource: "
                                + "arn:aws:iam::" + ACCOUNT + ":user/escape because no permissions boundary allows"
                                + " the iam:CreateUser action");
                    });
        }
    }

    @Test
    void anAdministratorMayBeAllowedToCreateOnlyBoundedUsers() {
        String onlyBounded = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + "\"iam:CreateUser\",\"iam:PutUserPermissionsBoundary\"],\"Resource\":\"*\",\"Condition\":"
                + "{\"ArnEquals\":{\"iam:PermissionsBoundary\":\"" + iamGetOnly + "\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:AttachUserPolicy\",\"Resource\":\"*\",\"Condition\":"
                + "{\"ArnEquals\":{\"iam:PermissionsBoundary\":\"" + iamGetOnly + "\"}}}]}";
        server.iam().createUser("delegate", null, null);
        server.iam().createUser("unbounded", null, null);
        try (IamClient delegate = userClient("delegate", onlyBounded)) {
            assertThatThrownBy(() -> delegate.createUser(r -> r.userName("free")))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> delegate.createUser(r -> r.userName("free").permissionsBoundary(READ_ONLY)))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            delegate.createUser(r -> r.userName("junior").permissionsBoundary(iamGetOnly));
            assertThat(server.iam().user("junior").permissionsBoundary()).isEqualTo(iamGetOnly);

            // Attaching is asked with the boundary the user has now.
            delegate.attachUserPolicy(r -> r.userName("junior").policyArn(READ_ONLY));
            assertThatThrownBy(() -> delegate.attachUserPolicy(r -> r.userName("unbounded").policyArn(READ_ONLY)))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> delegate.putUserPermissionsBoundary(r -> r.userName("unbounded")
                    .permissionsBoundary(READ_ONLY)))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .contains("iam:PutUserPermissionsBoundary on resource: arn:aws:iam::" + ACCOUNT
                                    + ":user/unbounded"));
        }
        assertThat(server.iam().findUser("free")).isEmpty();
        assertThat(server.iam().user("unbounded").permissionsBoundary()).isNull();
    }
}
