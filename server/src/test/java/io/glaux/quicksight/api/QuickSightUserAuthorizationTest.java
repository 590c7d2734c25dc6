package io.glaux.quicksight.api;

import io.glaux.athena.api.AccessFixture;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.AccessDeniedException;
import software.amazon.awssdk.services.quicksight.model.IdentityType;
import software.amazon.awssdk.services.quicksight.model.UserRole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With IAM enforced, the user and group operations are checked on the user and group ARNs the Service Authorization
 * Reference names: one user's or group's own ARN, {@code user/default/*} for ListUsers, {@code group/default/*} for
 * ListGroups, the group's ARN for its memberships, and the new user's ARN for RegisterUser.
 */
class QuickSightUserAuthorizationTest {

    private static final String ARN = "arn:aws:quicksight:us-east-1:000000000000:";

    @TempDir
    Path data;

    private GlauxServer server;
    private QuickSightClient root;
    private QuickSightClient manager;
    private final List<QuickSightClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        root = client(AwsBasicCredentials.create("test", "test"));
        for (String name : List.of("ann", "bob")) {
            root.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default").identityType(IdentityType.QUICKSIGHT)
                    .email(name + "@example.com").userRole(UserRole.READER).userName(name));
        }
        root.createGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers"));
        root.createGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("admins"));
        manager = client(AccessFixture.user(server, "manager",
                allow("quicksight:DescribeUser", ARN + "user/default/ann"),
                allow("quicksight:CreateGroupMembership", ARN + "group/default/readers"),
                allow("quicksight:RegisterUser", ARN + "user/default/new-*")));
    }

    @AfterEach
    void stop() {
        clients.forEach(QuickSightClient::close);
        server.close();
    }

    private QuickSightClient client(AwsCredentials credentials) {
        QuickSightClient client = AccessFixture.client(QuickSightClient.builder(), server, credentials,
                Region.US_EAST_1);
        clients.add(client);
        return client;
    }

    private static void assertRefused(Runnable call, String action, String resource) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.awsErrorDetails().errorMessage()).contains("is not authorized to perform: quicksight:"
                    + action + " on resource: " + resource);
        });
    }

    @Test
    void aUserOperationIsCheckedOnThatUsersArn() {
        assertThat(manager.describeUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("ann")).user()
                .userName()).isEqualTo("ann");
        assertRefused(() -> manager.describeUser(b -> b.awsAccountId(ACCOUNT).namespace("default").userName("bob")),
                "DescribeUser", ARN + "user/default/bob");
        assertRefused(() -> manager.listUsers(b -> b.awsAccountId(ACCOUNT).namespace("default")), "ListUsers",
                ARN + "user/default/*");
    }

    @Test
    void registerUserIsCheckedOnTheUserItMakes() {
        manager.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default").identityType(IdentityType.QUICKSIGHT)
                .email("n@example.com").userRole(UserRole.READER).userName("new-carol"));
        assertRefused(() -> manager.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .identityType(IdentityType.QUICKSIGHT).email("d@example.com").userRole(UserRole.READER)
                .userName("dave")), "RegisterUser", ARN + "user/default/dave");
    }

    @Test
    void membershipsAreCheckedOnTheGroupAndListGroupsOnAllGroups() {
        manager.createGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers")
                .memberName("bob"));
        assertRefused(() -> manager.createGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default")
                .groupName("admins").memberName("bob")), "CreateGroupMembership", ARN + "group/default/admins");
        assertRefused(() -> manager.listGroups(b -> b.awsAccountId(ACCOUNT).namespace("default")), "ListGroups",
                ARN + "group/default/*");
    }
}
