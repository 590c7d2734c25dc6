package io.glaux.quicksight.api;

import io.glaux.athena.api.AccessFixture;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.ExceptionResourceType;
import software.amazon.awssdk.services.quicksight.model.GroupMember;
import software.amazon.awssdk.services.quicksight.model.IdentityType;
import software.amazon.awssdk.services.quicksight.model.InvalidNextTokenException;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.QuickSightException;
import software.amazon.awssdk.services.quicksight.model.RegisterUserResponse;
import software.amazon.awssdk.services.quicksight.model.ResourceExistsException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.ResourcePermission;
import software.amazon.awssdk.services.quicksight.model.User;
import software.amazon.awssdk.services.quicksight.model.UserRole;

import java.nio.file.Path;
import java.util.List;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QuickSight's user, group and group membership operations through the AWS SDK for Java v2. */
class QuickSightUserApiTest {

    private static final String USERS = "arn:aws:quicksight:us-east-1:000000000000:user/default/";
    private static final String GROUPS = "arn:aws:quicksight:us-east-1:000000000000:group/default/";

    @TempDir
    Path data;

    private GlauxServer server;
    private QuickSightClient quickSight;

    @BeforeEach
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        quickSight = QuickSightClients.quickSight(server);
    }

    @AfterEach
    void stop() {
        quickSight.close();
        server.close();
    }

    private RegisterUserResponse registerQuickSightUser(String name) {
        return quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .identityType(IdentityType.QUICKSIGHT).email(name + "@example.com").userRole(UserRole.AUTHOR)
                .userName(name));
    }

    private static void assertError(Runnable call, Class<? extends QuickSightException> type, int status,
            String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(type, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
            assertThat(e.requestId()).isNotBlank();
        });
    }

    @Test
    void anIamUserIsRegisteredDescribedAndListedUnderItsIamName() {
        server.iam().createUser("analyst", "/", List.of());
        String iamArn = AccessFixture.userArn("analyst");

        RegisterUserResponse registered = quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .identityType(IdentityType.IAM).iamArn(iamArn).email("analyst@example.com")
                .userRole(UserRole.READER));

        assertThat(registered.status()).isEqualTo(201);
        User user = quickSight.describeUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("analyst"))
                .user();
        assertThat(user.arn()).isEqualTo(USERS + "analyst");
        assertThat(user.identityType()).isEqualTo(IdentityType.IAM);
        assertThat(user.role()).isEqualTo(UserRole.READER);
        assertThat(user.active()).isTrue();
        assertThat(user.principalId()).isEqualTo("federated/iam/" + server.iam().user("analyst").id());
        assertThat(quickSight.listUsers(b -> b.awsAccountId(ACCOUNT).namespace("default")).userList())
                .extracting(User::userName).containsExactly("analyst");
    }

    @Test
    void aRoleSessionIsRegisteredAsRoleSlashSessionAndDescribedByThatName() {
        String roleArn = server.iam().createRole("bi", "/", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"" + ACCOUNT + "\"},\"Action\":\"sts:AssumeRole\"}]}", null, null,
                List.of()).arn();

        User user = quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .identityType(IdentityType.IAM).iamArn(roleArn).sessionName("jane").email("jane@example.com")
                .userRole(UserRole.AUTHOR_PRO)).user();

        assertThat(user.userName()).isEqualTo("bi/jane");
        assertThat(user.arn()).isEqualTo(USERS + "bi/jane");
        assertThat(quickSight.describeUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("bi/jane"))
                .user().principalId()).endsWith(":jane");
    }

    @Test
    void registrationErrorsAreQuickSightsShapes() {
        registerQuickSightUser("ann");
        assertError(() -> registerQuickSightUser("ann"), ResourceExistsException.class, 409, "ann");
        assertThatThrownBy(() -> registerQuickSightUser("ann")).isInstanceOfSatisfying(ResourceExistsException.class,
                e -> assertThat(e.resourceType()).isEqualTo(ExceptionResourceType.USER));
        assertError(() -> quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .identityType(IdentityType.IAM).email("x@example.com").userRole(UserRole.READER)),
                InvalidParameterValueException.class, 400, "IamArn");
        assertError(() -> quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .identityType(IdentityType.IAM).iamArn("arn:aws:iam::000000000000:user/ghost")
                .email("x@example.com").userRole(UserRole.READER)), InvalidParameterValueException.class, 400,
                "ghost");
        assertError(() -> quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .identityType("SOMEONE").email("x@example.com").userRole(UserRole.READER).userName("x")),
                InvalidParameterValueException.class, 400, "Member must satisfy enum value set");
        assertError(() -> quickSight.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("marketing")
                .identityType(IdentityType.QUICKSIGHT).email("x@example.com").userRole(UserRole.READER)
                .userName("x")), ResourceNotFoundException.class, 404, "marketing");
    }

    @Test
    void aUserIsUpdatedAndDeletedByNameOrByPrincipalId() {
        registerQuickSightUser("ann");
        String bobId = registerQuickSightUser("bob").user().principalId();

        User updated = quickSight.updateUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("ann")
                .email("ann@example.org").role(UserRole.ADMIN)).user();
        assertThat(updated.email()).isEqualTo("ann@example.org");
        assertThat(updated.role()).isEqualTo(UserRole.ADMIN);

        quickSight.deleteUserByPrincipalId(b -> b.awsAccountId(ACCOUNT).namespace("default").principalId(bobId));
        quickSight.deleteUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("ann"));

        assertThat(quickSight.listUsers(b -> b.awsAccountId(ACCOUNT).namespace("default")).userList()).isEmpty();
        assertError(() -> quickSight.describeUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("ann")),
                ResourceNotFoundException.class, 404, "ann");
        assertError(() -> quickSight.deleteUserByPrincipalId(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .principalId(bobId)), ResourceNotFoundException.class, 404, bobId);
    }

    @Test
    void usersArePagedAndABadTokenIsInvalidNextTokenException() {
        for (String name : List.of("a", "b", "c")) {
            registerQuickSightUser(name);
        }

        var first = quickSight.listUsers(b -> b.awsAccountId(ACCOUNT).namespace("default").maxResults(2));
        var second = quickSight.listUsers(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .nextToken(first.nextToken()));

        assertThat(first.userList()).extracting(User::userName).containsExactly("a", "b");
        assertThat(second.userList()).extracting(User::userName).containsExactly("c");
        assertThat(second.nextToken()).isNull();
        assertError(() -> quickSight.listUsers(b -> b.awsAccountId(ACCOUNT).namespace("default").nextToken("??")),
                InvalidNextTokenException.class, 400, "NextToken");
    }

    @Test
    void groupsAreCreatedDescribedUpdatedListedAndDeleted() {
        var created = quickSight.createGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers")
                .description("Dashboard readers"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.group().arn()).isEqualTo(GROUPS + "readers");
        assertThat(created.group().principalId()).startsWith("group/d-");
        assertError(() -> quickSight.createGroup(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers")), ResourceExistsException.class, 409, "readers");

        quickSight.updateGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers")
                .description("Everyone who reads"));
        assertThat(quickSight.describeGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers"))
                .group().description()).isEqualTo("Everyone who reads");
        assertThat(quickSight.listGroups(b -> b.awsAccountId(ACCOUNT).namespace("default")).groupList())
                .hasSize(1);

        quickSight.deleteGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers"));
        assertThatThrownBy(() -> quickSight.describeGroup(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers"))).isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ExceptionResourceType.GROUP));
    }

    @Test
    void membershipsAreAddedDescribedListedBothWaysAndRemoved() {
        registerQuickSightUser("ann");
        quickSight.createGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers"));

        GroupMember member = quickSight.createGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers").memberName("ann")).groupMember();
        assertThat(member.arn()).isEqualTo(USERS + "ann");
        assertThat(quickSight.describeGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers").memberName("ann")).groupMember().memberName()).isEqualTo("ann");
        assertThat(quickSight.listGroupMemberships(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers")).groupMemberList()).extracting(GroupMember::memberName).containsExactly("ann");
        assertThat(quickSight.listUserGroups(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("ann"))
                .groupList()).extracting(g -> g.groupName()).containsExactly("readers");

        quickSight.deleteGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers")
                .memberName("ann"));

        assertThat(quickSight.listGroupMemberships(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers")).groupMemberList()).isEmpty();
        assertError(() -> quickSight.describeGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers").memberName("ann")), ResourceNotFoundException.class, 404, "ann");
        assertError(() -> quickSight.createGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("readers").memberName("nobody")), ResourceNotFoundException.class, 404, "nobody");
        assertError(() -> quickSight.listUserGroups(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .userName("nobody")), ResourceNotFoundException.class, 404, "nobody");
    }

    @Test
    void permissionsMayNameOnlyRegisteredUsersGroupsOrTheNamespace() {
        registerQuickSightUser("ann");
        quickSight.createGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers"));
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                .type(DataSourceType.ATHENA).dataSourceParameters(p -> p.athenaParameters(a -> a.workGroup("primary"))));

        quickSight.updateDataSourcePermissions(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").grantPermissions(
                permission(USERS + "ann"), permission(GROUPS + "readers"),
                permission("arn:aws:quicksight:us-east-1:000000000000:namespace/default")));
        assertError(() -> quickSight.updateDataSourcePermissions(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena")
                .grantPermissions(permission(USERS + "ghost"))), InvalidParameterValueException.class, 400,
                "One or more principals in resource permissions list are not valid QuickSight users: " + USERS
                        + "ghost");
        assertError(() -> quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("other").name("Other")
                .type(DataSourceType.ATHENA).dataSourceParameters(p -> p.athenaParameters(a -> a.workGroup("primary")))
                .permissions(permission(GROUPS + "writers"))), InvalidParameterValueException.class, 400,
                GROUPS + "writers");

        quickSight.deleteUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("ann"));
        quickSight.updateDataSourcePermissions(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena")
                .revokePermissions(permission(USERS + "ann")));
        assertThat(quickSight.describeDataSourcePermissions(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena"))
                .permissions()).extracting(ResourcePermission::principal)
                .doesNotContain(USERS + "ann").hasSize(2);
    }

    private static ResourcePermission permission(String principal) {
        return ResourcePermission.builder().principal(principal).actions("quicksight:DescribeDataSource").build();
    }
}
