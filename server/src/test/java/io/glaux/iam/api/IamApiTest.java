package io.glaux.iam.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IAM's API through the AWS SDK for Java v2's IamClient. */
class IamApiTest {

    static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"athena:*\",\"Resource\":\"*\"}]}";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"quicksight.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    static GlauxServer server;
    static IamClient iam;

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().start();
        iam = client(server, GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY);
    }

    static IamClient client(GlauxServer server, String key, String secret) {
        return IamClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .build();
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
    }

    @Test
    void usersAreCreatedListedTaggedAndDeleted() {
        User user = iam.createUser(r -> r.userName("sdk-alice").path("/bi/").tags(Tag.builder().key("team")
                .value("bi").build())).user();
        assertThat(user.arn()).isEqualTo("arn:aws:iam::000000000000:user/bi/sdk-alice");
        assertThat(user.userId()).matches("AIDA[A-Z2-7]{16}");
        assertThat(user.createDate()).isNotNull();
        assertThat(iam.getUser(r -> r.userName("sdk-alice")).user()).isEqualTo(user);
        assertThat(iam.listUsers(r -> r.pathPrefix("/bi/")).users()).extracting(User::userName)
                .contains("sdk-alice");
        iam.tagUser(r -> r.userName("sdk-alice").tags(Tag.builder().key("cost").value("42").build()));
        assertThat(iam.listUserTags(r -> r.userName("sdk-alice")).tags()).extracting(Tag::key)
                .containsExactly("team", "cost");
        assertThatThrownBy(() -> iam.createUser(r -> r.userName("SDK-ALICE")))
                .isInstanceOf(EntityAlreadyExistsException.class).extracting(e -> ((IamException) e).statusCode())
                .isEqualTo(409);
        iam.deleteUser(r -> r.userName("sdk-alice"));
        assertThatThrownBy(() -> iam.getUser(r -> r.userName("sdk-alice"))).isInstanceOf(NoSuchEntityException.class)
                .hasMessageContaining("The user with name sdk-alice cannot be found.");
    }

    @Test
    void getUserWithoutANameAnswersTheCaller() {
        iam.createUser(r -> r.userName("self"));
        AccessKey key = iam.createAccessKey(r -> r.userName("self")).accessKey();
        try (IamClient self = client(server, key.accessKeyId(), key.secretAccessKey())) {
            assertThat(self.getUser().user().userName()).isEqualTo("self");
        }
        assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void accessKeysAreLimitedToTwoAndBlockTheirUsersDeletion() {
        iam.createUser(r -> r.userName("keys"));
        AccessKey key = iam.createAccessKey(r -> r.userName("keys")).accessKey();
        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        iam.createAccessKey(r -> r.userName("keys"));
        assertThatThrownBy(() -> iam.createAccessKey(r -> r.userName("keys")))
                .isInstanceOf(LimitExceededException.class);
        iam.updateAccessKey(r -> r.userName("keys").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeys(r -> r.userName("keys")).accessKeyMetadata())
                .filteredOn(m -> m.accessKeyId().equals(key.accessKeyId())).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(StatusType.INACTIVE));
        assertThat(server.iam().find(key.accessKeyId()).orElseThrow().active()).isFalse();
        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName("keys"))).isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("must delete access keys first");
    }

    @Test
    void groupsHoldUsersAndPolicies() {
        iam.createUser(r -> r.userName("member"));
        iam.createGroup(r -> r.groupName("analysts"));
        iam.addUserToGroup(r -> r.groupName("analysts").userName("member"));
        iam.attachGroupPolicy(r -> r.groupName("analysts").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertThat(iam.getGroup(r -> r.groupName("analysts")).users()).extracting(User::userName)
                .containsExactly("member");
        assertThat(iam.listGroupsForUser(r -> r.userName("member")).groups()).extracting(g -> g.groupName())
                .containsExactly("analysts");
        assertThat(iam.listGroups().groups()).extracting(g -> g.groupName()).contains("analysts");
        assertThatThrownBy(() -> iam.deleteGroup(r -> r.groupName("analysts")))
                .isInstanceOf(DeleteConflictException.class);
        iam.removeUserFromGroup(r -> r.groupName("analysts").userName("member"));
        assertThat(iam.listGroupsForUser(r -> r.userName("member")).groups()).isEmpty();
    }

    @Test
    void rolesKeepTheirTrustPolicyUrlEncodedAsIamAnswersIt() {
        Role role = iam.createRole(r -> r.roleName("qs-role").path("/service-role/").assumeRolePolicyDocument(TRUST)
                .description("QuickSight").maxSessionDuration(7200)).role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::000000000000:role/service-role/qs-role");
        assertThat(role.roleId()).matches("AROA[A-Z2-7]{16}");
        Role got = iam.getRole(r -> r.roleName("qs-role")).role();
        assertThat(URLDecoder.decode(got.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(TRUST);
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.description()).isEqualTo("QuickSight");
        String userTrust = TRUST.replace("{\"Service\":\"quicksight.amazonaws.com\"}",
                "{\"AWS\":\"arn:aws:iam::000000000000:root\"}");
        iam.updateAssumeRolePolicy(r -> r.roleName("qs-role").policyDocument(userTrust));
        assertThat(URLDecoder.decode(iam.getRole(r -> r.roleName("qs-role")).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(userTrust);
        assertThatThrownBy(() -> iam.updateAssumeRolePolicy(r -> r.roleName("qs-role").policyDocument(DOC)))
                .isInstanceOf(MalformedPolicyDocumentException.class).hasMessageContaining("Principal");
        iam.tagRole(r -> r.roleName("qs-role").tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("b").value("2").build()));
        iam.untagRole(r -> r.roleName("qs-role").tagKeys("a"));
        assertThat(iam.listRoleTags(r -> r.roleName("qs-role")).tags()).extracting(Tag::key).containsExactly("b");
        // QuickSight's service role is under the same path from the server's first start.
        assertThat(iam.listRoles(r -> r.pathPrefix("/service-role/")).roles()).extracting(Role::roleName)
                .containsExactly("aws-quicksight-service-role-v0", "qs-role");
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument("{}")))
                .isInstanceOf(MalformedPolicyDocumentException.class).extracting(e -> ((IamException) e).statusCode())
                .isEqualTo(400);
    }

    @Test
    void managedPoliciesHaveVersionsAttachmentsAndEntities() {
        Policy policy = iam.createPolicy(r -> r.policyName("athena-all").policyDocument(DOC).description("d"))
                .policy();
        assertThat(policy.arn()).isEqualTo("arn:aws:iam::000000000000:policy/athena-all");
        assertThat(policy.defaultVersionId()).isEqualTo("v1");
        iam.createRole(r -> r.roleName("runner").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("runner").policyArn(policy.arn()));
        iam.attachRolePolicy(r -> r.roleName("runner").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("runner")).attachedPolicies())
                .extracting(AttachedPolicy::policyName).containsExactly("athena-all", "AmazonS3ReadOnlyAccess");
        assertThat(iam.getPolicy(r -> r.policyArn(policy.arn())).policy().attachmentCount()).isEqualTo(1);
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(policy.arn())).policyRoles())
                .extracting(r -> r.roleName()).containsExactly("runner");

        iam.createPolicyVersion(r -> r.policyArn(policy.arn()).policyDocument(DOC.replace("athena:*", "s3:*"))
                .setAsDefault(true));
        assertThat(URLDecoder.decode(iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v2"))
                .policyVersion().document(), StandardCharsets.UTF_8)).contains("s3:*");
        iam.setDefaultPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"));
        iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId("v2"));
        assertThat(iam.listPolicyVersions(r -> r.policyArn(policy.arn())).versions()).hasSize(1);
        assertThatThrownBy(() -> iam.deletePolicy(r -> r.policyArn(policy.arn())))
                .isInstanceOf(DeleteConflictException.class);
        iam.detachRolePolicy(r -> r.roleName("runner").policyArn(policy.arn()));
        iam.deletePolicy(r -> r.policyArn(policy.arn()));

        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies()).extracting(Policy::policyName)
                .contains("AdministratorAccess", "AWSQuicksightAthenaAccess");
        assertThat(iam.listPolicies(r -> r.onlyAttached(true)).policies()).extracting(Policy::policyName)
                .contains("AmazonS3ReadOnlyAccess").doesNotContain("AdministratorAccess");
    }

    @Test
    void inlinePoliciesOfRolesUsersAndGroups() {
        iam.createRole(r -> r.roleName("inline-role").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("inline-role").policyName("results").policyDocument(DOC));
        assertThat(URLDecoder.decode(iam.getRolePolicy(r -> r.roleName("inline-role").policyName("results"))
                .policyDocument(), StandardCharsets.UTF_8)).isEqualTo(DOC);
        assertThat(iam.listRolePolicies(r -> r.roleName("inline-role")).policyNames()).containsExactly("results");
        assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("inline-role")))
                .isInstanceOf(DeleteConflictException.class);
        iam.deleteRolePolicy(r -> r.roleName("inline-role").policyName("results"));
        iam.deleteRole(r -> r.roleName("inline-role"));

        iam.createUser(r -> r.userName("inline-user"));
        iam.putUserPolicy(r -> r.userName("inline-user").policyName("p").policyDocument(DOC));
        assertThat(iam.listUserPolicies(r -> r.userName("inline-user")).policyNames()).containsExactly("p");
        assertThatThrownBy(() -> iam.getUserPolicy(r -> r.userName("inline-user").policyName("q")))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("The user policy with name q");
    }

    @Test
    void listsPageWithMarkerAndMaxItems() {
        for (int i = 0; i < 5; i++) {
            String name = "page-" + i;
            iam.createUser(r -> r.userName(name).path("/paged/"));
        }
        ListUsersResponse first = iam.listUsers(r -> r.pathPrefix("/paged/").maxItems(2));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.users()).extracting(User::userName).containsExactly("page-0", "page-1");
        assertThat(iam.listUsersPaginator(r -> r.pathPrefix("/paged/").maxItems(2)).users())
                .extracting(User::userName).containsExactly("page-0", "page-1", "page-2", "page-3", "page-4");
    }

    @Test
    void membersOutsideTheModelAreValidationErrors() {
        assertThatThrownBy(() -> iam.createUser(r -> r.userName("no spaces")))
                .isInstanceOf(IamException.class)
                .satisfies(e -> {
                    IamException error = (IamException) e;
                    assertThat(error.statusCode()).isEqualTo(400);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: "
                            + "Value 'no spaces' at 'userName' failed to satisfy constraint: Member must satisfy "
                            + "regular expression pattern: [\\w+=,.@-]+");
                });
    }
}
