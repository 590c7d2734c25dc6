package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.clients.AwsCli;
import io.glaux.federation.SalesConnectorDeployment;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The troubleshooting table's four rows with the AWS CLI v2 against QuickSight with IAM enforced, as the README's
 * walkthrough runs them: (1) Athena access detached from QuickSight's role by {@code aws iam detach-role-policy}
 * makes {@code aws quicksight create-data-source} end CREATION_FAILED with ACCESS_DENIED, AWS's sentence and the fix,
 * until {@code aws iam attach-role-policy} grants it; (2) the role's S3 policy detached fails an ingestion with
 * S3_FILE_INACCESSIBLE and the fix; (3) results encrypted by the workgroup under a KMS key the role may not use fail it
 * with PERMISSION_DENIED and the fix until {@code aws iam put-role-policy} grants the key; (4) a dataset over a
 * federated catalog fails with the Lambda refusal until the role may invoke the connector.
 */
@Tag("clients")
class QuickSightRoleCliTest {


    @TempDir
    static Path data;
    @TempDir
    static Path out;

    private static GlauxServer server;
    private static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = AwsCli.installed(out);
        server = GlauxServer.builder().dataFolder(data).sampleData(true).syncWrites(false).enforceIam(true).start();
        cli = cli.against(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode describe(String id) {
        return cli.json("quicksight", "describe-data-source", "--aws-account-id", QuickSightClients.ACCOUNT,
                "--data-source-id", id).get("DataSource");
    }

    @Test
    void athenaAccessDetachedByTheCliFailsTheDataSourceUntilTheCliAttachesIt() throws Exception {
        cli.ok("iam", "detach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn",
                ResourceAccess.ATHENA_POLICY_ARN);
        cli.ok("quicksight", "create-data-source", "--aws-account-id", QuickSightClients.ACCOUNT, "--data-source-id",
                "cli-athena", "--name", "Athena", "--type", "ATHENA");
        JsonNode failed = describe("cli-athena");
        assertThat(failed.get("Status").asText()).isEqualTo("CREATION_FAILED");
        assertThat(failed.at("/ErrorInfo/Type").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(failed.at("/ErrorInfo/Message").asText()).isEqualTo("QuickSight could not connect to Athena"
                + " workgroup primary: User: " + SecuritySettingsClient.ROLE_SESSION + " is not authorized to"
                + " perform: athena:GetWorkGroup on resource: arn:aws:athena:us-east-1:000000000000:workgroup/primary"
                + " because no identity-based policy allows the athena:GetWorkGroup action. Ensure Athena"
                + " permissions are granted in QuickSight settings.");

        cli.ok("iam", "attach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn",
                ResourceAccess.ATHENA_POLICY_ARN);
        cli.ok("quicksight", "update-data-source", "--aws-account-id", QuickSightClients.ACCOUNT, "--data-source-id",
                "cli-athena", "--name", "Athena");
        JsonNode updated = describe("cli-athena");
        assertThat(updated.get("Status").asText()).isEqualTo("UPDATE_SUCCESSFUL");
        assertThat(updated.has("ErrorInfo")).isFalse();
    }

    private static final String ACCOUNT = QuickSightClients.ACCOUNT;
    private static final String S3_POLICY = "arn:aws:iam::000000000000:policy/service-role/AWSQuickSightS3Policy";

    /** A SPICE dataset over the Athena data source {@code source} whose first ingestion is awaited. */
    private static JsonNode createDataSet(String source, String id, String sql, String column) {
        cli.json("quicksight", "create-data-set", "--aws-account-id", ACCOUNT, "--data-set-id", id, "--name", id,
                "--import-mode", "SPICE", "--physical-table-map", "{\"t\":{\"CustomSql\":{\"Name\":\"t\","
                        + "\"DataSourceArn\":\"arn:aws:quicksight:us-east-1:000000000000:datasource/" + source + "\","
                        + "\"SqlQuery\":\"" + sql + "\",\"Columns\":[{\"Name\":\"" + column + "\","
                        + "\"Type\":\"STRING\"}]}}}");
        String first = cli.json("quicksight", "list-ingestions", "--aws-account-id", ACCOUNT, "--data-set-id", id)
                .at("/Ingestions/0/IngestionId").asText();
        return awaitEnd(id, first);
    }

    private static JsonNode ingest(String dataSetId, String ingestionId) {
        cli.json("quicksight", "create-ingestion", "--aws-account-id", ACCOUNT, "--data-set-id", dataSetId,
                "--ingestion-id", ingestionId);
        return awaitEnd(dataSetId, ingestionId);
    }

    private static JsonNode awaitEnd(String dataSetId, String ingestionId) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode ingestion = cli.json("quicksight", "describe-ingestion", "--aws-account-id", ACCOUNT,
                    "--data-set-id", dataSetId, "--ingestion-id", ingestionId).get("Ingestion");
            String status = ingestion.get("IngestionStatus").asText();
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                return ingestion;
            }
            assertThat(System.nanoTime()).as("ingestion " + ingestionId + " still " + status).isLessThan(deadline);
        }
    }

    @Test
    void theResultBucketAndTheResultKeyRefusedByTheCliFailIngestionsUntilTheCliGrantsThem() throws Exception {
        cli.ok("quicksight", "create-data-source", "--aws-account-id", ACCOUNT, "--data-source-id", "cli-results",
                "--name", "Athena", "--type", "ATHENA");
        assertThat(createDataSet("cli-results", "cli-orders", "SELECT status FROM shop.orders", "status")
                .get("IngestionStatus").asText()).isEqualTo("COMPLETED");

        // 2. Error accessing query result bucket.
        cli.ok("iam", "detach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn", S3_POLICY);
        JsonNode noBucket = ingest("cli-orders", "no-bucket");
        assertThat(noBucket.get("IngestionStatus").asText()).isEqualTo("FAILED");
        assertThat(noBucket.at("/ErrorInfo/Type").asText()).isEqualTo("S3_FILE_INACCESSIBLE");
        assertThat(noBucket.at("/ErrorInfo/Message").asText()).startsWith("QuickSight's role cannot access the query"
                + " result bucket glaux-query-results (s3://glaux-query-results/): User: "
                + SecuritySettingsClient.ROLE_SESSION + " is not authorized to perform: s3:ListBucket")
                .endsWith("Add the S3 bucket in QuickSight's security & permissions section.");
        cli.ok("iam", "attach-role-policy", "--role-name", QuickSightRole.NAME, "--policy-arn", S3_POLICY);
        assertThat(ingest("cli-orders", "bucket").get("IngestionStatus").asText()).isEqualTo("COMPLETED");

        // 3. Decryption error for encrypted data.
        String key = cli.json("kms", "create-key", "--description", "query results").at("/KeyMetadata/Arn").asText();
        cli.ok("athena", "update-work-group", "--work-group", "primary", "--configuration-updates",
                "{\"ResultConfigurationUpdates\":{\"EncryptionConfiguration\":{\"EncryptionOption\":\"SSE_KMS\","
                        + "\"KmsKey\":\"" + key + "\"}}}");
        try {
            JsonNode noKey = ingest("cli-orders", "no-key");
            assertThat(noKey.get("IngestionStatus").asText()).isEqualTo("FAILED");
            assertThat(noKey.at("/ErrorInfo/Type").asText()).isEqualTo("PERMISSION_DENIED");
            assertThat(noKey.at("/ErrorInfo/Message").asText()).isEqualTo("QuickSight's role cannot use the KMS key "
                    + key + " that encrypts the query results of workgroup primary: User: "
                    + SecuritySettingsClient.ROLE_SESSION + " is not authorized to perform: kms:Decrypt on resource: "
                    + key + " because no identity-based policy allows the kms:Decrypt action. Grant QuickSight IAM"
                    + " role access to KMS key with kms:Decrypt.");
            cli.ok("iam", "put-role-policy", "--role-name", QuickSightRole.NAME, "--policy-name", "results-key",
                    "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey\"],\"Resource\":\"" + key + "\"}]}");
            assertThat(ingest("cli-orders", "with-key").get("IngestionStatus").asText()).isEqualTo("COMPLETED");
        } finally {
            cli.ok("athena", "update-work-group", "--work-group", "primary", "--configuration-updates",
                    "{\"ResultConfigurationUpdates\":{\"RemoveEncryptionConfiguration\":true}}");
        }
    }

    @Test
    void aFederatedDatasetFailsWithTheLambdaRefusalUntilTheCliLetsTheRoleInvokeTheConnector() throws Exception {
        SalesConnectorDeployment.deploy(server, "cli-sales", "cli_sales");
        cli.ok("quicksight", "create-data-source", "--aws-account-id", ACCOUNT, "--data-source-id", "cli-federated",
                "--name", "Athena", "--type", "ATHENA");
        JsonNode refused = createDataSet("cli-federated", "cli-customers", "SELECT name FROM cli_sales.sales.customers",
                "name");
        assertThat(refused.get("IngestionStatus").asText()).isEqualTo("FAILED");
        assertThat(refused.at("/ErrorInfo/Type").asText()).isEqualTo("SQL_EXCEPTION");
        assertThat(refused.at("/ErrorInfo/Message").asText()).startsWith("GENERIC_USER_ERROR: Encountered an"
                + " exception[com.amazonaws.services.lambda.model.AWSLambdaException] from your LambdaFunction["
                + "arn:aws:lambda:us-east-1:000000000000:function:cli-sales]")
                .contains("is not authorized to perform: lambda:InvokeFunction")
                .endsWith("Add Lambda functions used in Federated Query to QuickSight permissions.");
        cli.ok("iam", "put-role-policy", "--role-name", QuickSightRole.NAME, "--policy-name", "connector",
                "--policy-document", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":"
                        + "\"arn:aws:lambda:us-east-1:000000000000:function:cli-sales\"}]}");
        assertThat(ingest("cli-customers", "granted").get("IngestionStatus").asText()).isEqualTo("COMPLETED");
    }
}
