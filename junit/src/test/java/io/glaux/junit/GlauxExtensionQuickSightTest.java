package io.glaux.junit;

import io.glaux.quicksight.render.VisualData;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.SimpleNumericalAggregationFunction;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's QuickSight example: an injected {@code QuickSightClient} creates a SPICE dataset and a dashboard, and
 * the test asserts on a visual's data.
 */
@ExtendWith(GlauxExtension.class)
class GlauxExtensionQuickSightTest {

    private static final String ACCOUNT = "000000000000";

    @Test
    void aSpiceDatasetsVisualHasTheRowsAthenaGives(QuickSightClient quickSight, GlauxServer glaux,
            AthenaClient athena) throws Exception {
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId("athena").name("Athena")
                .type(DataSourceType.ATHENA));
        String ingestion = quickSight.createDataSet(b -> b.awsAccountId(ACCOUNT).dataSetId("products")
                .name("Products").importMode(DataSetImportMode.SPICE)
                .physicalTableMap(Map.of("products", PhysicalTable.builder().relationalTable(t -> t
                        .dataSourceArn("arn:aws:quicksight:us-east-1:000000000000:datasource/athena")
                        .schema("shop").name("products").inputColumns(
                                InputColumn.builder().name("category").type(InputColumnDataType.STRING).build(),
                                InputColumn.builder().name("product_id").type(InputColumnDataType.INTEGER).build()))
                        .build()))).ingestionId();
        while (quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId("products")
                .ingestionId(ingestion)).ingestion().ingestionStatus() != IngestionStatus.COMPLETED) {
            Thread.sleep(20);
        }
        quickSight.createDashboard(b -> b.awsAccountId(ACCOUNT).dashboardId("catalog").name("Catalog")
                .definition(d -> d.dataSetIdentifierDeclarations(i -> i.identifier("products")
                        .dataSetArn("arn:aws:quicksight:us-east-1:000000000000:dataset/products"))
                        .sheets(s -> s.sheetId("main").visuals(v -> v.barChartVisual(bar -> bar
                                .visualId("per-category").chartConfiguration(c -> c.fieldWells(w -> w
                                        .barChartAggregatedFieldWells(a -> a
                                                .category(f -> f.categoricalDimensionField(x -> x.fieldId("category")
                                                        .column(col -> col.dataSetIdentifier("products")
                                                                .columnName("category"))))
                                                .values(f -> f.numericalMeasureField(x -> x.fieldId("products")
                                                        .column(col -> col.dataSetIdentifier("products")
                                                                .columnName("product_id"))
                                                        .aggregationFunction(g -> g.simpleNumericalAggregation(
                                                                SimpleNumericalAggregationFunction.COUNT))))))))))));

        VisualData perCategory = glaux.quickSight().visuals().dashboardVisual("catalog", null, "per-category",
                Map.of(), List.of());

        List<List<String>> athenaRows = Queries.rows(athena,
                "SELECT category, count(product_id) FROM shop.products GROUP BY category");
        assertThat(perCategory.source()).isEqualTo(VisualData.SPICE);
        assertThat(perCategory.rows()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(athenaRows.subList(1, athenaRows.size()));
    }
}
