package io.glaux.ui;

import io.glaux.federation.SalesConnectorDeployment;
import io.glaux.quicksight.api.ShopDashboard;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of the Athena-and-QuickSight troubleshooting table as a user meets them in Chromium with IAM enforced: a
 * direct-query dashboard whose visuals fail with the role's refusal and the table's fix, repaired on the Security
 * &amp; permissions page. The query result bucket left out of the role's buckets (row 2), results encrypted under a
 * KMS key the role may not use (row 3) until the key is added on the page, and a dataset over a federated catalog
 * whose connector function the role may not invoke (row 4), whose ingestion history shows the refusal until the
 * function is added on the page.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TroubleshootingBrowserTest {

    private static final String TOTAL = ".visual[data-visual-id='total']";

    @TempDir
    static Path data;
    UiFixture ui;

    @BeforeAll
    void start() throws Exception {
        ui = UiFixture.start(GlauxServer.builder().dataFolder(data).enforceIam(true));
        SalesConnectorDeployment.deploy(ui.server, "sales-connector", "sales_cat");
        ui.createAthenaDataSource("athena", "Athena");
        ShopDashboard.createDataSet(ui.quickSight, "orders", DataSetImportMode.DIRECT_QUERY);
        ui.quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("shop").name("Shop")
                .definition(ShopDashboard.definition("arn:aws:quicksight:us-east-1:000000000000:dataset/orders")));
    }

    @AfterAll
    void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    /** The dashboard's KPI once every visual has answered: its error, or null when it shows its number. */
    private String totalError() {
        Browser browser = ui.browser;
        browser.go("#/security");
        browser.go("#/dashboards/shop");
        browser.awaitVisuals(ShopDashboard.visualIds().size(), Browser.WAIT);
        WebElement total = browser.visible(By.cssSelector(TOTAL));
        if ("ready".equals(total.getAttribute("data-state"))) {
            return null;
        }
        assertThat(total.getAttribute("data-state")).isEqualTo("error");
        return total.findElement(By.cssSelector("[role=alert]")).getText();
    }

    private void save() {
        ui.browser.visible(By.id("save-security")).click();
        ui.browser.containing(By.cssSelector("p.notice"), "Saved as the role's policies.");
    }

    @Test
    void theResultBucketLeftOutFailsTheVisualsWithTheFixUntilItIsTickedAgain() {
        assertThat(totalError()).isNull();
        Browser browser = ui.browser;
        browser.go("#/security");
        browser.visible(By.id("bucket-glaux-query-results")).click();
        browser.visible(By.id("bucket-write-glaux-query-results")).click();
        save();

        assertThat(totalError()).contains("QuickSight's role cannot access the query result bucket"
                + " glaux-query-results").endsWith("Add the S3 bucket in QuickSight's security & permissions section.");
        browser.screenshot("troubleshooting-result-bucket");

        // The store's buckets stay listed when they are not chosen: ticked again, with write for Athena's workgroup.
        browser.go("#/security");
        WebElement read = browser.visible(By.id("bucket-glaux-query-results"));
        assertThat(read.isSelected()).isFalse();
        read.click();
        WebElement write = browser.visible(By.id("bucket-write-glaux-query-results"));
        if (!write.isSelected()) {
            write.click();
        }
        save();
        assertThat(totalError()).isNull();
    }

    @Test
    void aFederatedDatasetsIngestionShowsTheLambdaRefusalUntilTheFunctionIsAddedOnThePage() throws Exception {
        ui.quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("customers").name("Customers")
                .importMode(DataSetImportMode.SPICE).physicalTableMap(Map.of("c", PhysicalTable.builder()
                        .customSql(q -> q.dataSourceArn("arn:aws:quicksight:us-east-1:000000000000:datasource/athena")
                                .name("customers").sqlQuery("SELECT name FROM sales_cat.sales.customers")
                                .columns(c -> c.name("name").type(InputColumnDataType.STRING))).build())));
        Browser browser = ui.browser;
        // The ingestion CreateDataSet started fails; the page's history shows it (reloaded until it has ended).
        slowly(d -> {
            browser.go("#/security");
            browser.go("#/data-sets/customers");
            return browser.visible(By.id("ingestions")).getText().contains("FAILED");
        });
        assertThat(browser.visible(By.id("ingestions")).getText()).contains("SQL_EXCEPTION: GENERIC_USER_ERROR:"
                + " Encountered an exception[com.amazonaws.services.lambda.model.AWSLambdaException] from your"
                + " LambdaFunction[arn:aws:lambda:us-east-1:000000000000:function:sales-connector]")
                .contains("is not authorized to perform: lambda:InvokeFunction")
                .contains("Add Lambda functions used in Federated Query to QuickSight permissions.");
        browser.screenshot("troubleshooting-federated");

        browser.go("#/security");
        browser.visible(By.id("new-function")).sendKeys("sales-connector");
        save();
        assertThat(browser.visible(By.id("effective-permissions")).getText())
                .contains("lambda:InvokeFunction Allowed");
        browser.go("#/data-sets/customers");
        browser.visible(By.id("refresh-now")).click();
        slowly(d -> d.findElement(By.id("ingestion-status")).getText().equals("COMPLETED"));
    }

    /** Waits longer than the browser's default, for ingestions through a connector on a busy machine. */
    private <T> T slowly(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(ui.browser.driver(), Duration.ofMinutes(3))
                .until(condition::apply);
    }

    @Test
    void resultsEncryptedUnderAKeyTheRoleMayNotUseFailTheVisualsUntilTheKeyIsAddedOnThePage() {
        String key;
        try (KmsClient kms = KmsClient.builder().endpointOverride(URI.create(ui.server.endpoint()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY)))
                .build()) {
            key = kms.createKey(b -> b.description("dashboard results")).keyMetadata().arn();
        }
        ui.athena.updateWorkGroup(b -> b.workGroup("primary").configurationUpdates(c -> c
                .enforceWorkGroupConfiguration(true).resultConfigurationUpdates(r -> r.encryptionConfiguration(
                        e -> e.encryptionOption(EncryptionOption.SSE_KMS).kmsKey(key)))));
        try {
            assertThat(totalError()).contains("QuickSight's role cannot use the KMS key " + key + " that encrypts"
                    + " the query results of workgroup primary").contains("kms:Decrypt")
                    .endsWith("Grant QuickSight IAM role access to KMS key with kms:Decrypt.");
            ui.browser.screenshot("troubleshooting-kms-key");

            Browser browser = ui.browser;
            browser.go("#/security");
            // The workgroup's key is listed with the role's effective permissions on it before it is chosen.
            assertThat(browser.visible(By.id("effective-permissions")).getText())
                    .contains("kms " + key + " kms:Decrypt Denied");
            browser.visible(By.id("new-key")).sendKeys(key);
            save();
            assertThat(browser.visible(By.id("effective-permissions")).getText())
                    .contains("kms " + key + " kms:Decrypt Allowed");
            assertThat(totalError()).isNull();
        } finally {
            ui.athena.updateWorkGroup(b -> b.workGroup("primary").configurationUpdates(c -> c
                    .resultConfigurationUpdates(r -> r.removeEncryptionConfiguration(true))));
        }
    }
}
