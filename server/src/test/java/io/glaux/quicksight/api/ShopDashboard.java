package io.glaux.quicksight.api;

import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.CategoricalDimensionField;
import software.amazon.awssdk.services.quicksight.model.ColumnIdentifier;
import software.amazon.awssdk.services.quicksight.model.CustomSql;
import software.amazon.awssdk.services.quicksight.model.DataSetIdentifierDeclaration;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DashboardVersionDefinition;
import software.amazon.awssdk.services.quicksight.model.DimensionField;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.MeasureField;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.SheetDefinition;
import software.amazon.awssdk.services.quicksight.model.SimpleNumericalAggregationFunction;
import software.amazon.awssdk.services.quicksight.model.TimeGranularity;
import software.amazon.awssdk.services.quicksight.model.Visual;

import java.util.List;
import java.util.Map;

/**
 * The sample shop as QuickSight sees it in the tests: an {@code orders} dataset (orders joined with customers, in
 * SPICE or by direct query) and a dashboard with one visual of each kind, each with the Athena SQL that gives the
 * same rows (in any order) over the shop's tables.
 */
public final class ShopDashboard {

    static final String SOURCE_ARN = "arn:aws:quicksight:us-east-1:000000000000:datasource/athena";
    /** The rows of the dataset, as Athena SQL over the shop's tables. */
    static final String ROWS = "SELECT o.channel, o.status, c.country, o.quantity, o.quantity * o.unit_price AS revenue,"
            + " CAST(o.order_date AS timestamp) AS ordered_at FROM shop.orders o JOIN shop.customers c"
            + " ON o.customer_id = c.customer_id";

    /** Each visual's id and the SQL giving its rows over {@link #ROWS}. */
    static final Map<String, String> EXPECTED = Map.of(
            "by-channel", "SELECT channel, sum(quantity) FROM (" + ROWS + ") GROUP BY channel",
            "by-month", "SELECT date_trunc('month', ordered_at), sum(revenue) FROM (" + ROWS + ") GROUP BY 1",
            "by-status", "SELECT status, sum(revenue) FROM (" + ROWS + ") GROUP BY status",
            "by-country", "SELECT country, sum(quantity), sum(revenue) FROM (" + ROWS + ") GROUP BY country",
            "channel-status", "SELECT channel, status, sum(quantity) FROM (" + ROWS + ") GROUP BY channel, status",
            "total", "SELECT sum(revenue) FROM (" + ROWS + ")");

    private ShopDashboard() {
    }

    /** Creates the data source (once) and the {@code orders} dataset of id {@code dataSetId}. */
    public static String createDataSet(QuickSightClient quickSight, String dataSetId, DataSetImportMode mode) {
        if (quickSight.listDataSources(b -> b.awsAccountId(QuickSightClients.ACCOUNT)).dataSources().isEmpty()) {
            quickSight.createDataSource(b -> b.awsAccountId(QuickSightClients.ACCOUNT).dataSourceId("athena")
                    .name("Athena").type("ATHENA"));
        }
        return quickSight.createDataSet(b -> b.awsAccountId(QuickSightClients.ACCOUNT).dataSetId(dataSetId)
                .name("Orders").importMode(mode).physicalTableMap(Map.of("orders", PhysicalTable.builder()
                        .customSql(CustomSql.builder().dataSourceArn(SOURCE_ARN).name("orders").sqlQuery(ROWS)
                                .columns(input("channel", InputColumnDataType.STRING),
                                        input("status", InputColumnDataType.STRING),
                                        input("country", InputColumnDataType.STRING),
                                        input("quantity", InputColumnDataType.INTEGER),
                                        InputColumn.builder().name("revenue").type(InputColumnDataType.DECIMAL)
                                                .subType("FIXED").build(),
                                        input("ordered_at", InputColumnDataType.DATETIME)).build()).build())))
                .ingestionId();
    }

    /** A dashboard definition over the dataset with that ARN: bar, line, donut, table, pivot table and KPI. */
    public static DashboardVersionDefinition definition(String dataSetArn) {
        Visual bar = Visual.builder().barChartVisual(v -> v.visualId("by-channel").chartConfiguration(c -> c
                .fieldWells(w -> w.barChartAggregatedFieldWells(a -> a.category(category("channel-f", "channel"))
                        .values(sum("quantity-f", "quantity")))))).build();
        Visual line = Visual.builder().lineChartVisual(v -> v.visualId("by-month").chartConfiguration(c -> c
                .fieldWells(w -> w.lineChartAggregatedFieldWells(a -> a.category(DimensionField.builder()
                        .dateDimensionField(d -> d.fieldId("month-f").column(column("ordered_at"))
                                .dateGranularity(TimeGranularity.MONTH)).build())
                        .values(sum("revenue-f", "revenue")))))).build();
        Visual donut = Visual.builder().pieChartVisual(v -> v.visualId("by-status").chartConfiguration(c -> c
                .donutOptions(d -> d.arcOptions(a -> a.arcThickness("MEDIUM")))
                .fieldWells(w -> w.pieChartAggregatedFieldWells(a -> a.category(category("status-f", "status"))
                        .values(sum("revenue-f", "revenue")))))).build();
        Visual table = Visual.builder().tableVisual(v -> v.visualId("by-country").chartConfiguration(c -> c
                .fieldWells(w -> w.tableAggregatedFieldWells(a -> a.groupBy(category("country-f", "country"))
                        .values(sum("quantity-f", "quantity"), sum("revenue-f", "revenue")))))).build();
        Visual pivot = Visual.builder().pivotTableVisual(v -> v.visualId("channel-status").chartConfiguration(c -> c
                .fieldWells(w -> w.pivotTableAggregatedFieldWells(a -> a.rows(category("channel-f", "channel"))
                        .columns(category("status-f", "status")).values(sum("quantity-f", "quantity")))))).build();
        Visual kpi = Visual.builder().kpiVisual(v -> v.visualId("total").chartConfiguration(c -> c
                .fieldWells(w -> w.values(sum("revenue-f", "revenue"))))).build();
        return DashboardVersionDefinition.builder()
                .dataSetIdentifierDeclarations(DataSetIdentifierDeclaration.builder().identifier("orders")
                        .dataSetArn(dataSetArn).build())
                .sheets(SheetDefinition.builder().sheetId("overview").name("Overview")
                        .visuals(bar, line, donut, table, pivot, kpi).build())
                .build();
    }

    public static List<String> visualIds() {
        return List.of("by-channel", "by-month", "by-status", "by-country", "channel-status", "total");
    }

    private static InputColumn input(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    private static ColumnIdentifier column(String name) {
        return ColumnIdentifier.builder().dataSetIdentifier("orders").columnName(name).build();
    }

    private static DimensionField category(String fieldId, String columnName) {
        return DimensionField.builder().categoricalDimensionField(CategoricalDimensionField.builder()
                .fieldId(fieldId).column(column(columnName)).build()).build();
    }

    private static MeasureField sum(String fieldId, String columnName) {
        return MeasureField.builder().numericalMeasureField(n -> n.fieldId(fieldId).column(column(columnName))
                .aggregationFunction(f -> f.simpleNumericalAggregation(SimpleNumericalAggregationFunction.SUM)))
                .build();
    }
}
