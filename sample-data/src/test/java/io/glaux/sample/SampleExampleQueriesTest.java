package io.glaux.sample;

import io.glaux.Glaux;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleExampleQueriesTest {

    @Test
    void everyExampleQueryAnswersOverTheInstalledDataset(@TempDir Path data) throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            assertThat(SampleDataset.isRegisteredIn(glaux.catalog())).isFalse();
            new SampleDataInstaller(glaux).install();
            assertThat(SampleDataset.isRegisteredIn(glaux.catalog())).isTrue();

            for (String sql : SampleDataset.exampleQueries()) {
                QueryExecution done = glaux.execute(sql);
                assertThat(done.state()).as(sql + ": " + done.status().stateChangeReason())
                        .isEqualTo(QueryState.SUCCEEDED);
                assertThat(glaux.results(done.queryExecutionId()).rows()).as(sql).isNotEmpty();
            }
            // The first example counts the orders of the committed dataset; the examples read every table.
            QueryExecution count = glaux.execute(SampleDataset.exampleQueries().get(0));
            assertThat(glaux.results(count.queryExecutionId()).rows()).containsExactly(List.of("20000"));
            for (String table : SampleDataset.TABLES) {
                assertThat(SampleDataset.exampleQueries()).anyMatch(sql -> sql.contains("shop." + table + " "));
            }
        }
    }

    @Test
    void aDroppedOrMovedTableIsNoLongerTheDataset(@TempDir Path data) throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            new SampleDataInstaller(glaux).install();
            TableDefinition products = glaux.catalog().getTable("shop", "products").orElseThrow();
            StorageDescriptor storage = products.storage();
            glaux.catalog().replaceTable(new TableDefinition(products.database(), products.name(), products.kind(),
                    products.columns(), products.partitionKeys(), new StorageDescriptor("s3://lake/products/",
                    storage.format(), storage.serializationLibrary(), storage.inputFormat(), storage.outputFormat(),
                    storage.serdeParameters()), products.parameters(), products.viewSql(), products.createTime()));
            assertThat(SampleDataset.isRegisteredIn(glaux.catalog())).isFalse();

            glaux.catalog().replaceTable(products);
            assertThat(SampleDataset.isRegisteredIn(glaux.catalog())).isTrue();
            assertThat(glaux.execute("DROP TABLE shop.web_events").state()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(SampleDataset.isRegisteredIn(glaux.catalog())).isFalse();
        }
    }
}
