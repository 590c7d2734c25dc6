package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.WorkGroupState;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.AccessDeniedException;
import software.amazon.awssdk.services.quicksight.model.CreateDataSourceResponse;
import software.amazon.awssdk.services.quicksight.model.DataSource;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.ExceptionResourceType;
import software.amazon.awssdk.services.quicksight.model.InvalidParameterValueException;
import software.amazon.awssdk.services.quicksight.model.ResourceExistsException;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;
import software.amazon.awssdk.services.quicksight.model.ResourcePermission;
import software.amazon.awssdk.services.quicksight.model.ResourceStatus;
import software.amazon.awssdk.services.quicksight.model.Tag;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QuickSight's data source operations through the AWS SDK for Java v2. */
class DataSourceApiTest {

    private static final String ADMIN = "arn:aws:quicksight:us-east-1:000000000000:user/default/admin";
    private static final String ANALYST = "arn:aws:quicksight:us-east-1:000000000000:user/default/analyst";

    @TempDir
    Path data;

    private GlauxServer server;
    private QuickSightClient quickSight;
    private AthenaClient athena;

    @BeforeEach
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        quickSight = QuickSightClients.quickSight(server);
        QuickSightClients.registerUsers(quickSight, "admin", "analyst");
        athena = QuickSightClients.athena(server);
    }

    @AfterEach
    void stop() {
        quickSight.close();
        athena.close();
        server.close();
    }

    private CreateDataSourceResponse createAthena(String id, String workGroup) {
        return quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId(id).name("Athena " + id)
                .type(DataSourceType.ATHENA).dataSourceParameters(p -> p.athenaParameters(a -> a.workGroup(workGroup)))
                .permissions(ResourcePermission.builder().principal(ADMIN)
                        .actions("quicksight:DescribeDataSource", "quicksight:UpdateDataSource").build()));
    }

    @Test
    void anAthenaDataSourceIsCreatedDescribedListedUpdatedAndDeleted() {
        CreateDataSourceResponse created = createAthena("athena", "primary");
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.creationStatus()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(created.arn()).isEqualTo("arn:aws:quicksight:us-east-1:000000000000:datasource/athena");
        assertThat(created.requestId()).isNotBlank();

        DataSource described = quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena"))
                .dataSource();
        assertThat(described.name()).isEqualTo("Athena athena");
        assertThat(described.type()).isEqualTo(DataSourceType.ATHENA);
        assertThat(described.status()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(described.dataSourceParameters().athenaParameters().workGroup()).isEqualTo("primary");
        assertThat(described.createdTime()).isNotNull();
        assertThat(described.errorInfo()).isNull();

        var updated = quickSight.updateDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena")
                .name("Renamed"));
        assertThat(updated.updateStatus()).isEqualTo(ResourceStatus.UPDATE_SUCCESSFUL);
        assertThat(quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena")).dataSource()
                .name()).isEqualTo("Renamed");

        var deleted = quickSight.deleteDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena"));
        assertThat(deleted.arn()).isEqualTo(created.arn());
        assertNotFound(() -> quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena")));
        assertNotFound(() -> quickSight.deleteDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena")));
    }

    @Test
    void listingsPage() {
        IntStream.range(0, 5).forEach(i -> createAthena("source-" + i, "primary"));
        assertThat(quickSight.listDataSourcesPaginator(b -> b.awsAccountId(ACCOUNT).maxResults(2)).dataSources()
                .stream().map(DataSource::dataSourceId).toList())
                .containsExactly("source-0", "source-1", "source-2", "source-3", "source-4");
        assertThatThrownBy(() -> quickSight.listDataSources(b -> b.awsAccountId(ACCOUNT).nextToken("bogus")))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void aMissingOrDisabledWorkgroupLeavesItFailedWithAthenasError() {
        CreateDataSourceResponse missing = createAthena("nowhere", "no-such-workgroup");
        assertThat(missing.creationStatus()).isEqualTo(ResourceStatus.CREATION_FAILED);
        DataSource failed = quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("nowhere"))
                .dataSource();
        assertThat(failed.errorInfo().typeAsString()).isEqualTo("GENERIC_SQL_FAILURE");
        assertThat(failed.errorInfo().message()).isEqualTo("WorkGroup no-such-workgroup is not found.");

        athena.createWorkGroup(b -> b.name("reports"));
        assertThat(createAthena("reports", "reports").creationStatus()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        athena.updateWorkGroup(b -> b.workGroup("reports").state(WorkGroupState.DISABLED));
        var update = quickSight.updateDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("reports").name("Reports")
                .dataSourceParameters(p -> p.athenaParameters(a -> a.workGroup("reports"))));
        assertThat(update.updateStatus()).isEqualTo(ResourceStatus.UPDATE_FAILED);
        assertThat(quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("reports")).dataSource()
                .errorInfo().message()).isEqualTo("WorkGroup reports is disabled.");
    }

    @Test
    void permissionsAreGrantedAndRevokedPerPrincipal() {
        createAthena("shared", "primary");
        quickSight.updateDataSourcePermissions(b -> b.awsAccountId(ACCOUNT).dataSourceId("shared")
                .grantPermissions(ResourcePermission.builder().principal(ANALYST)
                        .actions("quicksight:DescribeDataSource").build())
                .revokePermissions(ResourcePermission.builder().principal(ADMIN)
                        .actions("quicksight:UpdateDataSource").build()));
        var permissions = quickSight.describeDataSourcePermissions(b -> b.awsAccountId(ACCOUNT)
                .dataSourceId("shared"));
        assertThat(permissions.dataSourceArn()).endsWith(":datasource/shared");
        assertThat(permissions.permissions()).extracting(ResourcePermission::principal, ResourcePermission::actions)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ADMIN, List.of("quicksight:DescribeDataSource")),
                        org.assertj.core.groups.Tuple.tuple(ANALYST, List.of("quicksight:DescribeDataSource")));
    }

    @Test
    void refusalsAreQuickSightsErrors() {
        createAthena("taken", "primary");
        assertThatThrownBy(() -> createAthena("taken", "primary")).isInstanceOfSatisfying(
                ResourceExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.resourceType()).isEqualTo(ExceptionResourceType.DATA_SOURCE);
                });
        assertThatThrownBy(() -> quickSight.describeDataSource(b -> b.awsAccountId("111122223333")
                .dataSourceId("taken"))).isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("pg")
                .name("pg").type(DataSourceType.POSTGRESQL))).isInstanceOfSatisfying(
                        InvalidParameterValueException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorMessage()).contains("ATHENA");
                        });
        assertThatThrownBy(() -> quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("x")
                .type(DataSourceType.ATHENA))).isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("'name'")
                                .contains("Member must not be null"));
        assertThat(quickSight.listDataSources(b -> b.awsAccountId(ACCOUNT)).dataSources()).hasSize(1);
    }

    @Test
    void resourcesAreTaggedUntaggedAndListedByArn() {
        String arn = createAthena("tagged", "primary").arn();
        quickSight.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("bi").build(),
                Tag.builder().key("env").value("dev").build()));
        assertThat(quickSight.listTagsForResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("env", "dev"),
                        org.assertj.core.groups.Tuple.tuple("team", "bi"));
        quickSight.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
        assertThat(quickSight.listTagsForResource(b -> b.resourceArn(arn)).tags()).extracting(Tag::key)
                .containsExactly("team");
        assertThatThrownBy(() -> quickSight.listTagsForResource(b -> b.resourceArn(
                "arn:aws:quicksight:us-east-1:000000000000:datasource/none")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> quickSight.listTagsForResource(b -> b.resourceArn(
                "arn:aws:quicksight:us-east-1:111122223333:datasource/tagged")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theAccountIsTheOneTheServerPlays() throws Exception {
        try (GlauxServer other = GlauxServer.builder().accountId("123456789012").syncWrites(false).start();
                QuickSightClient client = QuickSightClients.quickSight(other)) {
            var created = client.createDataSource(b -> b.awsAccountId("123456789012").dataSourceId("athena")
                    .name("Athena").type(DataSourceType.ATHENA));
            assertThat(created.arn()).isEqualTo("arn:aws:quicksight:us-east-1:123456789012:datasource/athena");
            assertThatThrownBy(() -> client.listDataSources(b -> b.awsAccountId(ACCOUNT)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> GlauxServer.builder().accountId("12345")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void dataSourcesSurviveARestart() throws Exception {
        createAthena("kept", "primary");
        server.close();
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        quickSight.close();
        quickSight = QuickSightClients.quickSight(server);
        DataSource kept = quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("kept"))
                .dataSource();
        assertThat(kept.status()).isEqualTo(ResourceStatus.CREATION_SUCCESSFUL);
        assertThat(quickSight.describeDataSourcePermissions(b -> b.awsAccountId(ACCOUNT).dataSourceId("kept"))
                .permissions()).hasSize(1);
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.resourceType()).isEqualTo(ExceptionResourceType.DATA_SOURCE);
            assertThat(e.requestId()).isNotBlank();
        });
    }
}
