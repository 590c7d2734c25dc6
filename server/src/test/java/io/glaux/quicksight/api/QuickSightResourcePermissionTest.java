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
import software.amazon.awssdk.services.quicksight.model.ResourcePermission;
import software.amazon.awssdk.services.quicksight.model.UserRole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With IAM enforced, a dashboard's permissions grant the IAM identities of the QuickSight users and groups they name:
 * an IAM user (or a role session) with no quicksight: identity policy is refused DescribeDashboard until
 * UpdateDashboardPermissions grants its QuickSight user, or a group it is in, quicksight:DescribeDashboard, and is
 * refused again once that is revoked.
 */
class QuickSightResourcePermissionTest {

    private static final String DASHBOARD = "arn:aws:quicksight:us-east-1:000000000000:dashboard/sales";
    private static final String USERS = "arn:aws:quicksight:us-east-1:000000000000:user/default/";
    private static final String DESCRIBE = "quicksight:DescribeDashboard";

    @TempDir
    Path data;

    private GlauxServer server;
    private QuickSightClient root;
    private final List<QuickSightClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        root = client(AwsBasicCredentials.create("test", "test"));
        AnalysisDefinitions.createSalesDataSet(root);
        root.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales").name("Sales")
                .definition(AnalysisDefinitions.parts("arn:aws:quicksight:us-east-1:000000000000:dataset/sales",
                        "region", "Overview").dashboard()));
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

    private static void describe(QuickSightClient client) {
        client.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales"));
    }

    private static void assertRefused(QuickSightClient client, String principalArn) {
        assertThatThrownBy(() -> describe(client)).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.awsErrorDetails().errorMessage()).contains("User: " + principalArn
                    + " is not authorized to perform: " + DESCRIBE + " on resource: " + DASHBOARD);
        });
    }

    private void grant(String principal) {
        root.updateDashboardPermissions(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .grantPermissions(permission(principal)));
    }

    private void revoke(String principal) {
        root.updateDashboardPermissions(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .revokePermissions(permission(principal)));
    }

    private static ResourcePermission permission(String principal) {
        return ResourcePermission.builder().principal(principal).actions(DESCRIBE).build();
    }

    private void registerIam(String iamArn, String session) {
        root.registerUser(b -> b.awsAccountId(ACCOUNT).namespace("default").identityType(IdentityType.IAM)
                .iamArn(iamArn).sessionName(session).email("someone@example.com").userRole(UserRole.READER));
    }

    @Test
    void anIamUserIsAllowedWhileItsQuickSightUserIsGranted() {
        QuickSightClient analyst = client(AccessFixture.user(server, "analyst"));
        String analystArn = AccessFixture.userArn("analyst");
        registerIam(analystArn, null);
        assertRefused(analyst, analystArn);

        grant(USERS + "analyst");
        describe(analyst);

        revoke(USERS + "analyst");
        assertRefused(analyst, analystArn);
    }

    @Test
    void anIamUserIsAllowedWhileAGroupItIsInIsGranted() {
        QuickSightClient analyst = client(AccessFixture.user(server, "analyst"));
        String analystArn = AccessFixture.userArn("analyst");
        registerIam(analystArn, null);
        String readers = root.createGroup(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers"))
                .group().arn();
        grant(readers);
        assertRefused(analyst, analystArn);

        root.createGroupMembership(b -> b.awsAccountId(ACCOUNT).namespace("default").groupName("readers")
                .memberName("analyst"));
        describe(analyst);

        revoke(readers);
        assertRefused(analyst, analystArn);
    }

    @Test
    void aRoleSessionIsAllowedWhileItsSessionUserIsGrantedAndAnotherSessionIsNot() {
        QuickSightClient jane = client(AccessFixture.roleSession(server, "bi", "jane",
                allow("athena:ListWorkGroups", "*")));
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/bi";
        String janeArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/bi/jane";
        registerIam(roleArn, "jane");
        assertRefused(jane, janeArn);

        grant(USERS + "bi/jane");
        describe(jane);
        var joeSession = server.iam().assumeRole(roleArn, "joe", java.time.Duration.ofHours(1), null);
        QuickSightClient joe = client(software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                joeSession.accessKeyId(), joeSession.secretAccessKey(), joeSession.sessionToken()));
        assertRefused(joe, "arn:aws:sts::" + ACCOUNT + ":assumed-role/bi/joe");

        revoke(USERS + "bi/jane");
        assertRefused(jane, janeArn);
    }
}
