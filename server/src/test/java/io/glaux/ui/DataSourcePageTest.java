package io.glaux.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.athena.model.WorkGroupState;
import software.amazon.awssdk.services.quicksight.model.DataSource;
import software.amazon.awssdk.services.quicksight.model.ResourceNotFoundException;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data source page in Chromium: an Athena data source made on a workgroup picked from ListWorkGroups. */
class DataSourcePageTest extends SampleDataBrowserTest {

    static void create(String id, String name, String workGroup) {
        browser.go("#/data-sources/new");
        WebElement form = browser.visible(By.id("data-source-form"));
        form.findElement(By.name("id")).sendKeys(id);
        form.findElement(By.name("name")).sendKeys(name);
        WebElement picker = form.findElement(By.name("workGroup"));
        browser.until(d -> picker.findElements(By.cssSelector("option[value='" + workGroup + "']")).size() == 1);
        new Select(picker).selectByValue(workGroup);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    static DataSource describe(String id) {
        return quickSight.describeDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId(id)).dataSource();
    }

    @Test
    void createsAnAthenaDataSourceOnThePickedWorkgroupThenEditsAndDeletesIt() {
        athena.createWorkGroup(b -> b.name("archive"));
        create("sales", "Sales", "primary");
        browser.text(By.id("data-source-status"), "CREATION_SUCCESSFUL");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/data-sources/sales");
        DataSource created = describe("sales");
        assertThat(created.name()).isEqualTo("Sales");
        assertThat(created.typeAsString()).isEqualTo("ATHENA");
        assertThat(created.dataSourceParameters().athenaParameters().workGroup()).isEqualTo("primary");
        assertThat(browser.all(By.id("data-source-error"))).isEmpty();

        WebElement form = browser.visible(By.id("data-source-form"));
        WebElement name = form.findElement(By.name("name"));
        name.clear();
        name.sendKeys("Sales archive");
        new Select(form.findElement(By.name("workGroup"))).selectByValue("archive");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.text(By.id("data-source-status"), "UPDATE_SUCCESSFUL");
        browser.text(By.id("data-source-workgroup"), "archive");
        DataSource updated = describe("sales");
        assertThat(updated.name()).isEqualTo("Sales archive");
        assertThat(updated.dataSourceParameters().athenaParameters().workGroup()).isEqualTo("archive");

        browser.visible(By.xpath("//button[text()='Delete']")).click();
        browser.until(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
        browser.until(d -> d.getCurrentUrl().endsWith("#/"));
        assertThatThrownBy(() -> describe("sales")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aDisabledWorkgroupLeavesTheDataSourceCreationFailedWithItsError() {
        athena.createWorkGroup(b -> b.name("closed"));
        athena.updateWorkGroup(b -> b.workGroup("closed").state(WorkGroupState.DISABLED));
        create("closed-source", "Closed", "closed");
        browser.text(By.id("data-source-status"), "CREATION_FAILED");
        DataSource failed = describe("closed-source");
        assertThat(failed.statusAsString()).isEqualTo("CREATION_FAILED");
        assertThat(browser.visible(By.id("data-source-error")).getText())
                .isEqualTo(failed.errorInfo().typeAsString() + ": " + failed.errorInfo().message())
                .contains("WorkGroup closed is disabled.");
        assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("Failed to load resource")).isEmpty();
    }
}
