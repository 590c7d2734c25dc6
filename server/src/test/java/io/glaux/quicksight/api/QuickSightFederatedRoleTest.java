package io.glaux.quicksight.api;

import io.glaux.federation.SalesConnectorDeployment;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.Ingestion;
import software.amazon.awssdk.services.quicksight.model.IngestionErrorType;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SPICE dataset over a federated catalog with IAM enforced: the test connector deployed as a Lambda function and
 * named by a LAMBDA data catalog; while the function is not among QuickSight's permitted functions its ingestion
 * FAILS with the Lambda refusal of QuickSight's role and the troubleshooting table's fix, and once the function is
 * added through the Security &amp; permissions settings the same ingestion completes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class QuickSightFederatedRoleTest {

    private static final String FUNCTION = "sales-connector";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:" + FUNCTION;
    private static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:000000000000:datasource/athena";

    @TempDir
    static Path data;

    private GlauxServer server;
    private QuickSightClient quickSight;
    private SecuritySettingsClient settings;

    @BeforeAll
    void deploy() throws Exception {
        server = GlauxServer.builder().dataFolder(data).syncWrites(false).enforceIam(true).start();
        quickSight = QuickSightClients.quickSight(server);
        settings = new SecuritySettingsClient(server);
        SalesConnectorDeployment.deploy(server, FUNCTION, "sales_cat");
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                .type(DataSourceType.ATHENA));
    }

    @AfterAll
    void stop() {
        quickSight.close();
        server.close();
    }

    @Test
    void aFederatedIngestionFailsUntilItsFunctionIsAddedToQuickSightsPermissions() throws Exception {
        assertThat(settings.describe().body().path("Settings").path("LambdaFunctions")).isEmpty();
        String first = quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("customers")
                .name("Customers").importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("c",
                        PhysicalTable.builder().customSql(s -> s.dataSourceArn(SOURCE_ARN).name("customers")
                                .sqlQuery("SELECT name FROM sales_cat.sales.customers").columns(c -> c.name("name")
                                        .type(InputColumnDataType.STRING))).build()))).ingestionId();
        Ingestion refused = awaitEnd(first);
        assertThat(refused.ingestionStatus()).isEqualTo(IngestionStatus.FAILED);
        assertThat(refused.errorInfo().type()).isEqualTo(IngestionErrorType.SQL_EXCEPTION);
        assertThat(refused.errorInfo().message()).isEqualTo("GENERIC_USER_ERROR: Encountered an"
                + " exception[com.amazonaws.services.lambda.model.AWSLambdaException] from your LambdaFunction["
                + FUNCTION_ARN + "] executed in context[retrieving meta-data] with message[User: "
                + SecuritySettingsClient.ROLE_SESSION + " is not authorized to perform: lambda:InvokeFunction on"
                + " resource: " + FUNCTION_ARN + " because no identity-based policy allows the"
                + " lambda:InvokeFunction action]. Add Lambda functions used in Federated Query to QuickSight"
                + " permissions.");
        var invoke = settings.describe().body().path("EffectivePermissions");
        assertThat(invoke.toString()).contains("\"Resource\":\"" + FUNCTION + "\",\"Action\":\"lambda:InvokeFunction\""
                + ",\"ResourceArn\":\"" + FUNCTION_ARN + "\",\"Allowed\":false");

        var granted = settings.update(true, Map.of("glaux-sample", false, "glaux-query-results", true),
                List.of(FUNCTION));
        assertThat(granted.body().path("Settings").path("LambdaFunctions").toString())
                .isEqualTo("[\"" + FUNCTION_ARN + "\"]");
        assertThat(granted.body().path("EffectivePermissions").toString()).contains("\"ResourceArn\":\""
                + FUNCTION_ARN + "\",\"Allowed\":true,\"Policy\":\"arn:aws:iam::000000000000:policy/service-role/"
                + "AWSQuickSightLambdaPolicy\"");
        String second = quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("customers")
                .ingestionId("granted")).ingestionId();
        Ingestion completed = awaitEnd(second);
        assertThat(completed.ingestionStatus()).as(String.valueOf(completed.errorInfo()))
                .isEqualTo(IngestionStatus.COMPLETED);
        assertThat(completed.rowInfo().rowsIngested()).isPositive();
        assertThat(server.iam().attachedPolicies(io.glaux.iam.directory.EntityKind.ROLE, QuickSightRole.NAME))
                .extracting(p -> p.policyName()).contains("AWSQuickSightLambdaPolicy");
    }

    private Ingestion awaitEnd(String ingestionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Ingestion ingestion = quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("customers")
                    .ingestionId(ingestionId)).ingestion();
            if (ingestion.ingestionStatus() == IngestionStatus.COMPLETED
                    || ingestion.ingestionStatus() == IngestionStatus.FAILED
                    || ingestion.ingestionStatus() == IngestionStatus.CANCELLED) {
                return ingestion;
            }
            assertThat(System.nanoTime()).as("ingestion still running").isLessThan(deadline);
            Thread.sleep(25);
        }
    }
}
