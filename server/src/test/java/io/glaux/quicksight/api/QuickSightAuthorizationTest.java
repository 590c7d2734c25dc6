package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.athena.api.AccessFixture;
import io.glaux.athena.api.AccessFixture.AccessCase;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.glaux.athena.api.AccessFixture.allow;
import static io.glaux.athena.api.AccessFixture.deny;
import static io.glaux.athena.api.AccessFixture.noPolicyAllows;
import static io.glaux.athena.api.AccessFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * QuickSight with enforcement on, through the SDK's QuickSightClient: users and a role session allowed
 * {@code quicksight:} actions on some data sources, data sets and dashboards and not others, each call allowed or
 * refused with QuickSight's 401 AccessDeniedException (AWS's sentence naming the caller, action and resource ARN,
 * then the fix); and Glaux's visual-data endpoint authorized as quicksight:DescribeDashboard on the dashboard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickSightAuthorizationTest {

    private static final String ACCOUNT = "000000000000";
    private static final String ARN = "arn:aws:quicksight:us-east-1:000000000000:";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private GlauxServer server;
    private final List<QuickSightClient> clients = new ArrayList<>();
    private AwsCredentials viewerKey;
    private AwsCredentials readerKey;
    private QuickSightClient reader;
    private QuickSightClient admin;
    private QuickSightClient viewer;
    private QuickSightClient session;

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        QuickSightClient root = client(AwsBasicCredentials.create("test", "test"));
        for (String id : List.of("sales-1", "finance")) {
            create(root, id);
        }
        readerKey = AccessFixture.user(server, "qs-reader", allow("quicksight:Describe*", ARN + "datasource/sales-*"));
        reader = client(readerKey);
        admin = client(AccessFixture.user(server, "qs-admin", allow("quicksight:*", "*"),
                deny("quicksight:DeleteDataSource", ARN + "datasource/sales-*")));
        viewerKey = AccessFixture.user(server, "viewer", allow("quicksight:DescribeDashboard", ARN + "dashboard/d1"));
        viewer = client(viewerKey);
        session = client(AccessFixture.roleSession(server, "bi", "s1",
                allow("quicksight:DescribeDataSource", ARN + "datasource/*")));
    }

    @AfterAll
    void stop() {
        clients.forEach(QuickSightClient::close);
        if (server != null) {
            server.close();
        }
    }

    private QuickSightClient client(AwsCredentials credentials) {
        QuickSightClient client = AccessFixture.client(QuickSightClient.builder(), server, credentials,
                Region.US_EAST_1);
        clients.add(client);
        return client;
    }

    private static void create(QuickSightClient client, String id) {
        client.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId(id).name(id).type(DataSourceType.ATHENA)
                .dataSourceParameters(p -> p.athenaParameters(a -> a.workGroup("primary"))));
    }

    private static AccessCase<QuickSightClient> allowed(String name, QuickSightClient client,
                                                        Consumer<QuickSightClient> call) {
        return AccessCase.allowed(name, client, call);
    }

    private static AccessCase<QuickSightClient> denied(String name, QuickSightClient client,
                                                       Consumer<QuickSightClient> call, String principal,
                                                       String action, String resource) {
        return AccessCase.denied(name, client, call, principal, action, resource);
    }

    List<AccessCase<QuickSightClient>> cases() {
        String reader = userArn("qs-reader");
        String viewer = userArn("viewer");
        return List.of(
                allowed("Describe* on datasource/sales-* describes sales-1", this.reader,
                        c -> assertThat(c.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("sales-1"))
                                .dataSource().arn()).isEqualTo(ARN + "datasource/sales-1")),
                allowed("Describe* covers DescribeDataSourcePermissions", this.reader,
                        c -> c.describeDataSourcePermissions(b -> b.awsAccountId(ACCOUNT).dataSourceId("sales-1"))),
                denied("another data source is not covered", this.reader,
                        c -> c.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("finance")), reader,
                        "quicksight:DescribeDataSource", ARN + "datasource/finance"),
                denied("ListDataSources has no resource", this.reader,
                        c -> c.listDataSources(b -> b.awsAccountId(ACCOUNT)), reader, "quicksight:ListDataSources",
                        "*"),
                denied("CreateIngestion is checked on the data set", this.reader,
                        c -> c.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("orders").ingestionId("i1")),
                        reader, "quicksight:CreateIngestion", ARN + "dataset/orders"),
                denied("ListTagsForResource is checked on the ARN it names", this.reader,
                        c -> c.listTagsForResource(b -> b.resourceArn(ARN + "datasource/finance")), reader,
                        "quicksight:ListTagsForResource", ARN + "datasource/finance"),
                allowed("the admin lists the data sources", this.admin,
                        c -> assertThat(c.listDataSources(b -> b.awsAccountId(ACCOUNT)).dataSources())
                                .extracting(software.amazon.awssdk.services.quicksight.model.DataSource::dataSourceId).contains("sales-1", "finance")),
                allowed("the admin creates a data source", this.admin, c -> create(c, "sales-2")),
                AccessCase.deniedByDeny("an explicit Deny beats the admin's quicksight:*", this.admin,
                        c -> c.deleteDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("sales-1")),
                        userArn("qs-admin"), "quicksight:DeleteDataSource", ARN + "datasource/sales-1"),
                allowed("the viewer may describe d1: a missing dashboard is not found, not refused", this.viewer,
                        c -> assertThatThrownBy(() -> c.describeDashboard(b -> b.awsAccountId(ACCOUNT)
                                .dashboardId("d1"))).isInstanceOf(ResourceNotFoundException.class)),
                denied("the viewer may not describe d2", this.viewer,
                        c -> c.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("d2")), viewer,
                        "quicksight:DescribeDashboard", ARN + "dashboard/d2"),
                denied("the viewer may not list dashboards", this.viewer,
                        c -> c.listDashboards(b -> b.awsAccountId(ACCOUNT)), viewer, "quicksight:ListDashboards",
                        "*"),
                allowed("a role session describes a data source as its role may", this.session,
                        c -> c.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("finance"))),
                denied("a role session may not update one", this.session,
                        c -> c.updateDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("finance").name("x")),
                        "arn:aws:sts::000000000000:assumed-role/bi/s1", "quicksight:UpdateDataSource",
                        ARN + "datasource/finance"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallIsAllowedOrRefusedAsTheCallersPoliciesSay(AccessCase<QuickSightClient> c) {
        c.check(401, "AccessDeniedException");
    }

    @Test
    void theVisualDataEndpointAuthorizesAsDescribeDashboard() throws Exception {
        String path = "/glaux/quicksight/accounts/" + ACCOUNT + "/dashboards/d1/visuals/total/data";
        HttpClient http = HttpClient.newHttpClient();
        {
            HttpResponse<String> refused = http.send(AccessFixture.signed("POST", server.endpoint() + path,
                    Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8), readerKey,
                    "quicksight"), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.path("Message").asText()).startsWith(noPolicyAllows(userArn("qs-reader"),
                    "quicksight:DescribeDashboard", ARN + "dashboard/d1") + ". To allow it: ");
            HttpResponse<String> allowed = http.send(AccessFixture.signed("POST", server.endpoint() + path,
                    Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8), viewerKey,
                    "quicksight"), HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.statusCode()).as("past the check, the dashboard is missing: " + allowed.body())
                    .isEqualTo(404);
        }
    }
}
