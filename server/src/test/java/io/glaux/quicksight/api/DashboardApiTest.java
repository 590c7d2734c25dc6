package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.CreateDashboardResponse;
import software.amazon.awssdk.services.quicksight.model.Dashboard;
import software.amazon.awssdk.services.quicksight.model.DashboardErrorType;
import software.amazon.awssdk.services.quicksight.model.DashboardSummary;
import software.amazon.awssdk.services.quicksight.model.DashboardVersionDefinition;
import software.amazon.awssdk.services.quicksight.model.DashboardVersionSummary;
import software.amazon.awssdk.services.quicksight.model.Entity;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.ResourceExistsException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.ResourcePermission;
import software.amazon.awssdk.services.quicksight.model.ResourceStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static io.glaux.quicksight.api.AnalysisDefinitions.MISSING;
import static io.glaux.quicksight.api.AnalysisDefinitions.SALES;
import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QuickSight's dashboard operations through the AWS SDK for Java v2, over a dataset the test creates. */
class DashboardApiTest {

    private static final String ADMIN = "arn:aws:quicksight:us-east-1:000000000000:user/default/admin";
    private static final String READER = "arn:aws:quicksight:us-east-1:000000000000:user/default/reader";
    private static final String ARN = "arn:aws:quicksight:us-east-1:000000000000:dashboard/";

    @TempDir
    Path data;

    private GlauxServer server;
    private QuickSightClient quickSight;

    @BeforeEach
    void start() throws Exception {
        server = AnalysisDefinitions.startWithSales(data);
        quickSight = QuickSightClients.quickSight(server);
        QuickSightClients.registerUsers(quickSight, "admin", "reader");
    }

    @AfterEach
    void stop() {
        quickSight.close();
        server.close();
    }

    private CreateDashboardResponse create(String id, DashboardVersionDefinition definition) {
        return quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId(id).name("Sales " + id)
                .definition(definition).versionDescription("first")
                .permissions(ResourcePermission.builder().principal(ADMIN)
                        .actions("quicksight:DescribeDashboard", "quicksight:UpdateDashboard").build()));
    }

    private static DashboardVersionDefinition definition(String barColumn, String sheetName) {
        return AnalysisDefinitions.parts(SALES, barColumn, sheetName).dashboard();
    }

    private Dashboard describe(String id) {
        return quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId(id)).dashboard();
    }

    @Test
    void aDashboardIsCreatedAsPublishedVersionOne() {
        DashboardVersionDefinition definition = definition("region", "Overview");
        CreateDashboardResponse created = create("sales", definition);
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.arn()).isEqualTo(ARN + "sales");
        assertThat(created.versionArn()).isEqualTo(ARN + "sales/version/1");
        assertThat(created.creationStatus()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);

        Dashboard dashboard = describe("sales");
        assertThat(dashboard.name()).isEqualTo("Sales sales");
        assertThat(dashboard.version().versionNumber()).isEqualTo(1L);
        assertThat(dashboard.version().arn()).isEqualTo(ARN + "sales/version/1");
        assertThat(dashboard.version().status()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(dashboard.version().dataSetArns()).containsExactly(SALES);
        assertThat(dashboard.version().description()).isEqualTo("first");
        assertThat(dashboard.version().sheets()).extracting(s -> s.sheetId()).containsExactly("overview");
        assertThat(dashboard.lastPublishedTime()).isNotNull();

        var described = quickSight.describeDashboardDefinition(b -> b.awsAccountId(ACCOUNT).dashboardId("sales"));
        assertThat(described.definition()).isEqualTo(definition);
        assertThat(described.resourceStatus()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
    }

    @Test
    void updatesMakeVersionsThatArePublishedWhenAsked() {
        DashboardVersionDefinition first = definition("region", "Overview");
        DashboardVersionDefinition second = definition("product", "By product");
        create("sales", first);
        var updated = quickSight.updateDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .name("Sales by product").definition(second).versionDescription("second"));
        assertThat(updated.versionArn()).isEqualTo(ARN + "sales/version/2");
        assertThat(updated.creationStatus()).isEqualTo(ResourceStatus.UPDATE_SUCCESSFUL);

        // Version 1 is still the published one.
        assertThat(describe("sales").version().versionNumber()).isEqualTo(1L);
        assertThat(quickSight.describeDashboardDefinition(b -> b.awsAccountId(ACCOUNT).dashboardId("sales"))
                .definition()).isEqualTo(first);
        assertThat(quickSight.describeDashboardDefinition(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .versionNumber(2L)).definition()).isEqualTo(second);
        Dashboard latest = quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .aliasName("$LATEST")).dashboard();
        assertThat(latest.version().versionNumber()).isEqualTo(2L);
        assertThat(latest.name()).isEqualTo("Sales by product");
        assertThat(quickSight.listDashboards(b -> b.awsAccountId(ACCOUNT)).dashboardSummaryList())
                .extracting(DashboardSummary::publishedVersionNumber).containsExactly(1L);

        var published = quickSight.updateDashboardPublishedVersion(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("sales").versionNumber(2L));
        assertThat(published.dashboardArn()).isEqualTo(ARN + "sales");
        assertThat(describe("sales").version().versionNumber()).isEqualTo(2L);
        assertThat(quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .aliasName("$PUBLISHED")).dashboard().version().versionNumber()).isEqualTo(2L);
        assertThat(quickSight.listDashboards(b -> b.awsAccountId(ACCOUNT)).dashboardSummaryList())
                .extracting(DashboardSummary::publishedVersionNumber, DashboardSummary::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Sales by product"));

        assertThat(quickSight.listDashboardVersions(b -> b.awsAccountId(ACCOUNT).dashboardId("sales"))
                .dashboardVersionSummaryList()).extracting(DashboardVersionSummary::versionNumber,
                        DashboardVersionSummary::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "first"),
                        org.assertj.core.groups.Tuple.tuple(2L, "second"));
    }

    @Test
    void versionsAreDeletedOneByOneButNotThePublishedOne() {
        create("sales", definition("region", "Overview"));
        IntStream.range(0, 3).forEach(i -> quickSight.updateDashboard(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("sales").name("v" + (i + 2)).definition(definition("region", "Overview"))));
        assertThatThrownBy(() -> quickSight.deleteDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .versionNumber(1L))).isInstanceOf(InvalidParameterValueException.class);
        quickSight.deleteDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales").versionNumber(2L));
        assertThat(quickSight.listDashboardVersionsPaginator(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .maxResults(2)).dashboardVersionSummaryList().stream().map(DashboardVersionSummary::versionNumber)
                .toList()).containsExactly(1L, 3L, 4L);
        assertNotFound(() -> quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .versionNumber(2L)));
        assertNotFound(() -> quickSight.updateDashboardPublishedVersion(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("sales").versionNumber(2L)));
        assertNotFound(() -> quickSight.updateDashboardPublishedVersion(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("sales").versionNumber(9L)));
        // Numbers are not reused.
        assertThat(quickSight.updateDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales").name("v5")
                .definition(definition("region", "Overview"))).versionArn()).endsWith("/version/5");

        quickSight.deleteDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales"));
        assertNotFound(() -> describe("sales"));
        assertNotFound(() -> quickSight.listDashboardVersions(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")));
    }

    @Test
    void failedVersionsKeepTheirErrorsAndCannotBePublished() {
        CreateDashboardResponse created = create("orphan", AnalysisDefinitions.parts(MISSING, "region", "O")
                .dashboard());
        assertThat(created.creationStatus()).isEqualTo(ResourceStatus.CREATION_FAILED);
        assertThat(describe("orphan").version().errors()).singleElement().satisfies(error -> {
            assertThat(error.type()).isEqualTo(DashboardErrorType.DATA_SET_NOT_FOUND);
            assertThat(error.message()).contains(MISSING);
        });

        create("sales", definition("region", "Overview"));
        var failed = quickSight.updateDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales").name("Broken")
                .definition(definition("country", "Overview")));
        assertThat(failed.creationStatus()).isEqualTo(ResourceStatus.UPDATE_FAILED);
        var version = quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .versionNumber(2L)).dashboard().version();
        assertThat(version.status()).isEqualTo(ResourceStatus.UPDATE_FAILED);
        assertThat(version.errors()).singleElement().satisfies(error -> {
            assertThat(error.type()).isEqualTo(DashboardErrorType.COLUMN_REPLACEMENT_MISSING);
            assertThat(error.violatedEntities()).extracting(Entity::path)
                    .containsExactly("sheet/overview/visual/revenue-by-region");
        });
        var definition = quickSight.describeDashboardDefinition(b -> b.awsAccountId(ACCOUNT).dashboardId("sales")
                .versionNumber(2L));
        assertThat(definition.errors()).hasSize(1);
        assertThat(definition.definition()).isEqualTo(definition("country", "Overview"));
        assertThatThrownBy(() -> quickSight.updateDashboardPublishedVersion(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("sales").versionNumber(2L))).isInstanceOf(InvalidParameterValueException.class);
        assertThat(describe("sales").version().versionNumber()).isEqualTo(1L);
    }

    @Test
    void permissionsListingsAndRefusals() {
        IntStream.range(0, 5).forEach(i -> create("dashboard-" + i, definition("region", "Overview")));
        assertThat(quickSight.listDashboardsPaginator(b -> b.awsAccountId(ACCOUNT).maxResults(2))
                .dashboardSummaryList().stream().map(DashboardSummary::dashboardId).toList())
                .containsExactly("dashboard-0", "dashboard-1", "dashboard-2", "dashboard-3", "dashboard-4");

        quickSight.updateDashboardPermissions(b -> b.awsAccountId(ACCOUNT).dashboardId("dashboard-0")
                .grantPermissions(ResourcePermission.builder().principal(READER)
                        .actions("quicksight:DescribeDashboard", "quicksight:QueryDashboard").build())
                .revokePermissions(ResourcePermission.builder().principal(ADMIN)
                        .actions("quicksight:DescribeDashboard", "quicksight:UpdateDashboard").build()));
        var permissions = quickSight.describeDashboardPermissions(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("dashboard-0"));
        assertThat(permissions.dashboardArn()).isEqualTo(ARN + "dashboard-0");
        assertThat(permissions.permissions()).singleElement().satisfies(p -> {
            assertThat(p.principal()).isEqualTo(READER);
            assertThat(p.actions()).containsExactly("quicksight:DescribeDashboard", "quicksight:QueryDashboard");
        });

        assertThatThrownBy(() -> create("dashboard-0", definition("region", "Overview")))
                .isInstanceOfSatisfying(ResourceExistsException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(409));
        assertNotFound(() -> describe("nothing"));
        assertNotFound(() -> quickSight.describeDashboardPermissions(b -> b.awsAccountId(ACCOUNT)
                .dashboardId("nothing")));
        assertNotFound(() -> quickSight.updateDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("nothing")
                .name("n").definition(definition("region", "Overview"))));
        assertNotFound(() -> quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("dashboard-0")
                .aliasName("my-alias")));
        assertInvalid(() -> quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("dashboard-0")
                .aliasName("$LATEST").versionNumber(1L)), "cannot both");
        assertInvalid(() -> quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("tpl").name("t")
                .sourceEntity(s -> s.sourceTemplate(t -> t.arn("arn:aws:quicksight:us-east-1:000000000000:template/t")
                        .dataSetReferences(r -> r.dataSetPlaceholder("sales").dataSetArn(SALES))))),
                "Templates are not served by Glaux");
        assertInvalid(() -> quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("bad/id")
                .name("b").definition(definition("region", "Overview"))), "dashboardId");
        assertInvalid(() -> quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("desc")
                .name("d").versionDescription("d".repeat(513)).definition(definition("region", "Overview"))),
                "512");
        assertInvalid(() -> quickSight.describeDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("dashboard-0")
                .versionNumber(0L)), "greater than or equal to 1");
        assertThat(quickSight.listDashboards(b -> b.awsAccountId(ACCOUNT)).dashboardSummaryList()).hasSize(5);
    }

    @Test
    void dashboardsSurviveARestart() throws Exception {
        DashboardVersionDefinition first = definition("region", "Overview");
        DashboardVersionDefinition second = definition("product", "By product");
        create("kept", first);
        quickSight.updateDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("kept").name("Second")
                .definition(second));
        quickSight.updateDashboardPublishedVersion(b -> b.awsAccountId(ACCOUNT).dashboardId("kept")
                .versionNumber(2L));
        server.close();
        quickSight.close();
        server = AnalysisDefinitions.startWithSales(data);
        quickSight = QuickSightClients.quickSight(server);
        Dashboard kept = describe("kept");
        assertThat(kept.version().versionNumber()).isEqualTo(2L);
        assertThat(kept.name()).isEqualTo("Second");
        assertThat(quickSight.describeDashboardDefinition(b -> b.awsAccountId(ACCOUNT).dashboardId("kept")
                .versionNumber(1L)).definition()).isEqualTo(first);
        assertThat(quickSight.describeDashboardDefinition(b -> b.awsAccountId(ACCOUNT).dashboardId("kept"))
                .definition()).isEqualTo(second);
        assertThat(quickSight.describeDashboardPermissions(b -> b.awsAccountId(ACCOUNT).dashboardId("kept"))
                .permissions()).hasSize(1);
        assertThat(quickSight.updateDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("kept").name("Third")
                .definition(first)).versionArn()).endsWith("/version/3");
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ResourceNotFoundException.class,
                e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }
}
