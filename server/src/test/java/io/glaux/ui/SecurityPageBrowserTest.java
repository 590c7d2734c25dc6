package io.glaux.ui;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Security &amp; permissions page in Chromium with IAM enforced: Athena access ticked off makes the data source
 * page show the role's refusal with the fix instead of the workgroups; ticked on again, the workgroups appear. The
 * page's effective permissions follow the role's policies. A KMS key created through the KMS API and added by its
 * alias is saved as the role's {@code AWSQuickSightKMSPolicy}, which then allows {@code kms:Decrypt} on it.
 */
@Tag("browser")
class SecurityPageBrowserTest {

    @TempDir
    static Path data;
    static UiFixture ui;

    @BeforeAll
    static void start() throws Exception {
        ui = UiFixture.start(GlauxServer.builder().dataFolder(data).enforceIam(true));
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    private static void setAthenaAccess(boolean on) {
        Browser browser = ui.browser;
        browser.go("#/security");
        WebElement athena = browser.visible(By.id("athena-access"));
        if (athena.isSelected() != on) {
            athena.click();
        }
        browser.visible(By.id("save-security")).click();
        browser.containing(By.cssSelector("p.notice"), "Saved as the role's policies.");
    }

    @Test
    void athenaAccessOffShowsTheRolesRefusalOnTheDataSourcePageAndOnShowsTheWorkgroups() {
        Browser browser = ui.browser;
        browser.go("#/security");
        browser.visible(By.cssSelector("nav a[href='#/security']")).click();
        assertThat(browser.visible(By.id("role-arn")).getText())
                .isEqualTo("arn:aws:iam::000000000000:role/service-role/aws-quicksight-service-role-v0");
        assertThat(browser.visible(By.id("bucket-glaux-sample")).isSelected()).isTrue();
        assertThat(browser.visible(By.id("bucket-write-glaux-query-results")).isSelected()).isTrue();

        setAthenaAccess(false);
        assertThat(browser.visible(By.id("athena-access")).isSelected()).isFalse();
        assertThat(browser.visible(By.id("effective-permissions")).getText())
                .contains("athena:ListWorkGroups Denied because no identity-based policy allows the"
                        + " athena:ListWorkGroups action");
        browser.go("#/data-sources/new");
        assertThat(browser.visible(By.id("workgroups-error")).getText()).isEqualTo("AccessDeniedException:"
                + " QuickSight cannot list Athena workgroups: User: arn:aws:sts::000000000000:assumed-role/"
                + "aws-quicksight-service-role-v0/QuickSight is not authorized to perform: athena:ListWorkGroups"
                + " because no identity-based policy allows the athena:ListWorkGroups action. Ensure Athena"
                + " permissions are granted in QuickSight settings.");
        assertThat(browser.visible(By.name("workGroup")).findElements(By.tagName("option"))).isEmpty();
        browser.screenshot("security-athena-off");

        setAthenaAccess(true);
        browser.screenshot("security-page");
        assertThat(browser.visible(By.id("effective-permissions")).getText())
                .contains("athena:ListWorkGroups Allowed arn:aws:iam::aws:policy/service-role/"
                        + "AWSQuicksightAthenaAccess");
        browser.go("#/data-sources/new");
        WebElement picker = browser.visible(By.name("workGroup"));
        browser.until(d -> picker.findElements(By.cssSelector("option[value='primary']")).size() == 1);
        assertThat(browser.all(By.id("workgroups-error"))).isEmpty();
        browser.screenshot("security-athena-on");
    }

    @Test
    void aKeyAddedByItsAliasIsSavedAndItsDecryptAllowedByTheKmsPolicy() {
        String arn;
        try (KmsClient kms = KmsClient.builder().endpointOverride(URI.create(ui.server.endpoint()))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(GlauxServer.ACCESS_KEY_ID, GlauxServer.SECRET_ACCESS_KEY)))
                .build()) {
            arn = kms.createKey(b -> b.description("QuickSight results")).keyMetadata().arn();
            kms.createAlias(b -> b.aliasName("alias/quicksight-results").targetKeyId(arn));
        }
        String keyId = arn.substring(arn.lastIndexOf('/') + 1);
        Browser browser = ui.browser;
        browser.go("#/security");
        browser.visible(By.id("new-key")).sendKeys("alias/quicksight-results");
        browser.visible(By.id("save-security")).click();
        browser.containing(By.cssSelector("p.notice"), "Saved as the role's policies.");

        assertThat(browser.visible(By.id("key-" + keyId)).isSelected()).isTrue();
        assertThat(browser.visible(By.id("kms-keys")).getText()).contains(arn);
        assertThat(browser.visible(By.id("effective-permissions")).getText())
                .contains("kms " + arn + " kms:Decrypt Allowed arn:aws:iam::000000000000:policy/service-role/"
                        + "AWSQuickSightKMSPolicy");
        browser.screenshot("security-kms-key");

        // Unticked and saved: the policy is detached and the key, named by no workgroup, leaves the page.
        browser.visible(By.id("key-" + keyId)).click();
        browser.visible(By.id("save-security")).click();
        browser.containing(By.id("security-form"), "No KMS keys.");
        assertThat(browser.all(By.id("key-" + keyId))).isEmpty();
    }
}
