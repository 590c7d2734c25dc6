package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.athena.api.AccessFixture;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSource;
import software.amazon.awssdk.services.quicksight.model.DataSourceErrorInfoType;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.Ingestion;
import software.amazon.awssdk.services.quicksight.model.IngestionErrorType;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.ResourceStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static io.glaux.quicksight.api.SecuritySettingsClient.ROLE_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * QuickSight acting as its service role with IAM enforced, end to end through the AWS SDK: each refusal of the role
 * (Athena access off, the query result bucket not granted, results encrypted under a KMS key it may not use) fails
 * the QuickSight call with AWS's sentence naming the
 * role's session, action and resource, then the troubleshooting table's fix; granting the permission through the
 * Security &amp; permissions settings, or with plain IAM calls on the role, makes the same call succeed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickSightRoleTest {

    private static final String ATHENA_FIX = "Ensure Athena permissions are granted in QuickSight settings.";
    private static final String S3_FIX = "Add the S3 bucket in QuickSight's security & permissions section.";
    private static final String KMS_FIX = "Grant QuickSight IAM role access to KMS key with kms:Decrypt.";
    private static final String WORKGROUP = "arn:aws:athena:us-east-1:000000000000:workgroup/primary";
    private static final String DATASET_ARN = "arn:aws:quicksight:us-east-1:000000000000:dataset/";

    @TempDir
    static Path data;

    private GlauxServer server;
    private QuickSightClient quickSight;
    private IamClient iam;
    private SecuritySettingsClient settings;

    @BeforeAll
    void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).sampleData(true).syncWrites(false).enforceIam(true).start();
        quickSight = QuickSightClients.quickSight(server);
        iam = IamClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY))).build();
        settings = new SecuritySettingsClient(server);
    }

    @AfterAll
    void stop() {
        quickSight.close();
        iam.close();
        server.close();
    }

    @BeforeEach
    void defaults() throws Exception {
        for (String inline : iam.listRolePolicies(b -> b.roleName(QuickSightRole.NAME)).policyNames()) {
            iam.deleteRolePolicy(b -> b.roleName(QuickSightRole.NAME).policyName(inline));
        }
        assertThat(settings.defaults().status()).isEqualTo(200);
    }

    @Test
    void theRoleIsCreatedOnFirstStartWithTheDefaultSettingsAsItsPolicies() throws Exception {
        var role = iam.getRole(b -> b.roleName(QuickSightRole.NAME)).role();
        assertThat(role.path()).isEqualTo("/service-role/");
        assertThat(role.arn()).isEqualTo("arn:aws:iam::000000000000:role/service-role/aws-quicksight-service-role-v0");
        assertThat(java.net.URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                .contains("quicksight.amazonaws.com");
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName(QuickSightRole.NAME)).attachedPolicies())
                .extracting(p -> p.policyArn()).containsExactlyInAnyOrder(ResourceAccess.ATHENA_POLICY_ARN,
                        "arn:aws:iam::000000000000:policy/service-role/AWSQuickSightS3Policy");

        JsonNode described = settings.describe().body();
        assertThat(described.path("RoleArn").asText()).isEqualTo(role.arn());
        assertThat(described.path("Settings").path("AthenaAccess").asBoolean()).isTrue();
        assertThat(described.path("Settings").path("S3Buckets").toString())
                .contains("{\"BucketName\":\"glaux-sample\",\"WriteForAthenaWorkgroup\":false}")
                .contains("{\"BucketName\":\"glaux-query-results\",\"WriteForAthenaWorkgroup\":true}");
        assertThat(described.path("Settings").path("LambdaFunctions")).isEmpty();
        JsonNode sampleRead = permission(described, "glaux-sample", "s3:GetObject");
        assertThat(sampleRead.path("Allowed").asBoolean()).isTrue();
        assertThat(sampleRead.path("Policy").asText())
                .isEqualTo("arn:aws:iam::000000000000:policy/service-role/AWSQuickSightS3Policy");
        assertThat(permission(described, "glaux-sample", "s3:PutObject").path("Allowed").asBoolean()).isFalse();
        assertThat(permission(described, "primary", "athena:GetWorkGroup").path("Policy").asText())
                .isEqualTo(ResourceAccess.ATHENA_POLICY_ARN);
    }

    @Test
    void withAthenaAccessOffTheWorkgroupsAndTheDataSourceFailUntilItIsGranted() throws Exception {
        assertThat(settings.update(false, Map.of("glaux-sample", false, "glaux-query-results", true), List.of())
                .status()).isEqualTo(200);
        assertThat(iam.listAttachedRolePolicies(b -> b.roleName(QuickSightRole.NAME)).attachedPolicies())
                .extracting(p -> p.policyArn()).doesNotContain(ResourceAccess.ATHENA_POLICY_ARN);

        SecuritySettingsClient.Answer list = settings.workGroups();
        assertThat(list.status()).isEqualTo(401);
        assertThat(list.errorType()).isEqualTo("AccessDeniedException");
        assertThat(list.body().path("Message").asText()).isEqualTo("QuickSight cannot list Athena workgroups: User: "
                + ROLE_SESSION + " is not authorized to perform: athena:ListWorkGroups because no identity-based"
                + " policy allows the athena:ListWorkGroups action. " + ATHENA_FIX);

        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("no-athena").name("No Athena")
                .type(DataSourceType.ATHENA));
        DataSource failed = describeSource("no-athena");
        assertThat(failed.status()).isEqualTo(ResourceStatus.CREATION_FAILED);
        assertThat(failed.errorInfo().type()).isEqualTo(DataSourceErrorInfoType.ACCESS_DENIED);
        assertThat(failed.errorInfo().message()).isEqualTo("QuickSight could not connect to Athena workgroup primary:"
                + " User: " + ROLE_SESSION + " is not authorized to perform: athena:GetWorkGroup on resource: "
                + WORKGROUP + " because no identity-based policy allows the athena:GetWorkGroup action. "
                + ATHENA_FIX);

        // Granted through the settings: Athena access on.
        settings.defaults();
        assertThat(settings.workGroups().body().path("WorkGroups").toString()).contains("\"Name\":\"primary\"");
        quickSight.updateDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("no-athena").name("Athena"));
        DataSource updated = describeSource("no-athena");
        assertThat(updated.status()).isEqualTo(ResourceStatus.UPDATE_SUCCESSFUL);
        assertThat(updated.errorInfo()).isNull();

        // Off again, then granted with a plain IAM call on the role: the same AWS managed policy attached.
        settings.update(false, Map.of("glaux-sample", false, "glaux-query-results", true), List.of());
        quickSight.updateDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("no-athena").name("Athena"));
        assertThat(describeSource("no-athena").status()).isEqualTo(ResourceStatus.UPDATE_FAILED);
        iam.attachRolePolicy(b -> b.roleName(QuickSightRole.NAME).policyArn(ResourceAccess.ATHENA_POLICY_ARN));
        assertThat(settings.describe().body().path("Settings").path("AthenaAccess").asBoolean()).isTrue();
        quickSight.updateDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("no-athena").name("Athena"));
        assertThat(describeSource("no-athena").status()).isEqualTo(ResourceStatus.UPDATE_SUCCESSFUL);
    }

    @Test
    void withoutTheResultBucketIngestionsAndDirectQueriesFailUntilItIsGranted() throws Exception {
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                .type(DataSourceType.ATHENA));
        String first = ShopDashboard.createDataSet(quickSight, "orders", DataSetImportMode.SPICE);
        assertThat(awaitEnd("orders", first).ingestionStatus()).isEqualTo(IngestionStatus.COMPLETED);
        ShopDashboard.createDataSet(quickSight, "orders-live", DataSetImportMode.DIRECT_QUERY);
        quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("live").name("Live")
                .definition(ShopDashboard.definition(DATASET_ARN + "orders-live")));
        assertThat(visualData().statusCode()).isEqualTo(200);

        settings.update(true, Map.of("glaux-sample", false), List.of());
        String expected = "QuickSight's role cannot access the query result bucket glaux-query-results"
                + " (s3://glaux-query-results/): User: " + ROLE_SESSION + " is not authorized to perform:"
                + " s3:ListBucket on resource: arn:aws:s3:::glaux-query-results because no identity-based policy"
                + " allows the s3:ListBucket action. " + S3_FIX;
        Ingestion refused = awaitEnd("orders", ingest("orders", "no-bucket"));
        assertThat(refused.ingestionStatus()).isEqualTo(IngestionStatus.FAILED);
        assertThat(refused.errorInfo().type()).isEqualTo(IngestionErrorType.S3_FILE_INACCESSIBLE);
        assertThat(refused.errorInfo().message()).isEqualTo(expected);
        HttpResponse<String> visual = visualData();
        assertThat(visual.statusCode()).isEqualTo(400);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(visual.body()).path("Message").asText())
                .isEqualTo(expected);

        // Granted through the settings: the results bucket added, with write for Athena's workgroup.
        settings.update(true, Map.of("glaux-sample", false, "glaux-query-results", true), List.of());
        assertThat(awaitEnd("orders", ingest("orders", "granted")).ingestionStatus())
                .isEqualTo(IngestionStatus.COMPLETED);
        assertThat(visualData().statusCode()).isEqualTo(200);

        // Removed again, then granted with an inline policy put on the role by plain IAM.
        settings.update(true, Map.of("glaux-sample", false), List.of());
        assertThat(awaitEnd("orders", ingest("orders", "removed")).ingestionStatus())
                .isEqualTo(IngestionStatus.FAILED);
        iam.putRolePolicy(b -> b.roleName(QuickSightRole.NAME).policyName("results").policyDocument(
                AccessFixture.policy(AccessFixture.allow("[\"s3:ListBucket\", \"s3:GetObject\", \"s3:PutObject\"]",
                        "arn:aws:s3:::glaux-query-results*"))));
        assertThat(awaitEnd("orders", ingest("orders", "inline")).ingestionStatus())
                .isEqualTo(IngestionStatus.COMPLETED);
        assertThat(permission(settings.describe().body(), "glaux-query-results", "s3:PutObject").path("Policy")
                .asText()).isEqualTo("inline policy 'results' of " + iam.getRole(b -> b.roleName(QuickSightRole.NAME))
                .role().arn());
        assertThat(visualData().statusCode()).isEqualTo(200);
    }

    @Test
    void withResultsEncryptedUnderAKeyTheRoleMayNotUseIngestionsAndVisualsFailUntilTheKeyIsGranted()
            throws Exception {
        String key;
        try (KmsClient kms = AccessFixture.client(KmsClient.builder(), server, AwsBasicCredentials.create(
                GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY), Region.US_EAST_1)) {
            key = kms.createKey(b -> b.description("query results")).keyMetadata().arn();
        }
        try (AthenaClient athena = AccessFixture.client(AthenaClient.builder(), server, AwsBasicCredentials.create(
                GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY), Region.US_EAST_1)) {
            athena.updateWorkGroup(b -> b.workGroup("primary").configurationUpdates(c -> c
                    .enforceWorkGroupConfiguration(true).resultConfigurationUpdates(r -> r.encryptionConfiguration(
                            e -> e.encryptionOption(EncryptionOption.SSE_KMS).kmsKey(key)))));
            try {
                encryptedResultsNeedTheKey(key);
            } finally {
                athena.updateWorkGroup(b -> b.workGroup("primary").configurationUpdates(c -> c
                        .resultConfigurationUpdates(r -> r.removeEncryptionConfiguration(true))));
            }
        }
    }

    private void encryptedResultsNeedTheKey(String key) throws Exception {
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena-kms").name("Athena")
                .type(DataSourceType.ATHENA));
        ShopDashboard.createDataSet(quickSight, "orders-kms", DataSetImportMode.SPICE);
        ShopDashboard.createDataSet(quickSight, "orders-kms-live", DataSetImportMode.DIRECT_QUERY);
        quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("live-kms").name("Live")
                .definition(ShopDashboard.definition(DATASET_ARN + "orders-kms-live")));
        Map<String, Boolean> buckets = Map.of("glaux-sample", false, "glaux-query-results", true);
        settings.update(true, buckets, List.of(), List.of());

        String expected = "QuickSight's role cannot use the KMS key " + key + " that encrypts the query results of"
                + " workgroup primary: User: " + ROLE_SESSION + " is not authorized to perform: kms:Decrypt on"
                + " resource: " + key + " because no identity-based policy allows the kms:Decrypt action. "
                + KMS_FIX;
        Ingestion refused = awaitEnd("orders-kms", ingest("orders-kms", "no-key"));
        assertThat(refused.ingestionStatus()).isEqualTo(IngestionStatus.FAILED);
        assertThat(refused.errorInfo().type()).isEqualTo(IngestionErrorType.PERMISSION_DENIED);
        assertThat(refused.errorInfo().message()).isEqualTo(expected);
        HttpResponse<String> visual = visualData("live-kms");
        assertThat(visual.statusCode()).isEqualTo(400);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(visual.body()).path("Message").asText())
                .isEqualTo(expected);
        assertThat(permission(settings.describe().body(), key, "kms:Decrypt").path("Allowed").asBoolean()).isFalse();

        // Granted through the settings: the key chosen among the KMS keys QuickSight may use.
        settings.update(true, buckets, List.of(), List.of(key));
        Ingestion granted = awaitEnd("orders-kms", ingest("orders-kms", "granted"));
        assertThat(granted.ingestionStatus()).as(String.valueOf(granted.errorInfo()))
                .isEqualTo(IngestionStatus.COMPLETED);
        assertThat(visualData("live-kms").statusCode()).isEqualTo(200);
        assertThat(permission(settings.describe().body(), key, "kms:Decrypt").path("Policy").asText())
                .isEqualTo("arn:aws:iam::000000000000:policy/service-role/AWSQuickSightKMSPolicy");

        // Removed again, then granted with a plain IAM policy on the role.
        settings.update(true, buckets, List.of(), List.of());
        assertThat(awaitEnd("orders-kms", ingest("orders-kms", "removed")).ingestionStatus())
                .isEqualTo(IngestionStatus.FAILED);
        iam.putRolePolicy(b -> b.roleName(QuickSightRole.NAME).policyName("results-key").policyDocument(
                AccessFixture.policy(AccessFixture.allow("[\"kms:Decrypt\", \"kms:GenerateDataKey\"]", key))));
        assertThat(awaitEnd("orders-kms", ingest("orders-kms", "inline")).ingestionStatus())
                .isEqualTo(IngestionStatus.COMPLETED);
        assertThat(visualData("live-kms").statusCode()).isEqualTo(200);
    }

    private DataSource describeSource(String id) {
        return quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId(id)).dataSource();
    }

    private String ingest(String dataSetId, String ingestionId) {
        return quickSight.createIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId(dataSetId).ingestionId(ingestionId))
                .ingestionId();
    }

    private Ingestion awaitEnd(String dataSetId, String ingestionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Ingestion ingestion = quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId(dataSetId)
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

    /** The live dashboard's KPI through the visual-data endpoint, signed by the account's root. */
    private HttpResponse<String> visualData() throws Exception {
        return visualData("live");
    }

    private HttpResponse<String> visualData(String dashboard) throws Exception {
        String url = server.endpoint() + "/glaux/quicksight/accounts/" + ACCOUNT + "/dashboards/" + dashboard
                + "/visuals/total/data";
        return HttpClient.newHttpClient().send(AccessFixture.signed("POST", url, Map.of("Content-Type",
                "application/json"), "{\"Source\": \"DIRECT_QUERY\"}".getBytes(StandardCharsets.UTF_8),
                AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY), "quicksight"),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode permission(JsonNode described, String resource, String action) {
        for (JsonNode permission : described.path("EffectivePermissions")) {
            if (permission.path("Resource").asText().equals(resource)
                    && permission.path("Action").asText().equals(action)) {
                return permission;
            }
        }
        throw new AssertionError("No permission " + action + " on " + resource + " in " + described);
    }
}
