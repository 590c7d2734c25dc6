package io.glaux.quicksight.api;

import io.glaux.server.GlauxServer;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.DataSetImportMode;
import software.amazon.awssdk.services.quicksight.model.DataSourceType;
import software.amazon.awssdk.services.quicksight.model.InputColumn;
import software.amazon.awssdk.services.quicksight.model.InputColumnDataType;
import software.amazon.awssdk.services.quicksight.model.PhysicalTable;
import software.amazon.awssdk.services.quicksight.model.AnalysisDefinition;
import software.amazon.awssdk.services.quicksight.model.BarChartConfiguration;
import software.amazon.awssdk.services.quicksight.model.BarChartOrientation;
import software.amazon.awssdk.services.quicksight.model.BarChartVisual;
import software.amazon.awssdk.services.quicksight.model.CalculatedField;
import software.amazon.awssdk.services.quicksight.model.CategoricalDimensionField;
import software.amazon.awssdk.services.quicksight.model.CategoryFilter;
import software.amazon.awssdk.services.quicksight.model.CategoryFilterMatchOperator;
import software.amazon.awssdk.services.quicksight.model.ColumnIdentifier;
import software.amazon.awssdk.services.quicksight.model.CrossDatasetTypes;
import software.amazon.awssdk.services.quicksight.model.DashboardVersionDefinition;
import software.amazon.awssdk.services.quicksight.model.DataSetIdentifierDeclaration;
import software.amazon.awssdk.services.quicksight.model.DimensionField;
import software.amazon.awssdk.services.quicksight.model.Filter;
import software.amazon.awssdk.services.quicksight.model.FilterGroup;
import software.amazon.awssdk.services.quicksight.model.FilterVisualScope;
import software.amazon.awssdk.services.quicksight.model.KPIVisual;
import software.amazon.awssdk.services.quicksight.model.MeasureField;
import software.amazon.awssdk.services.quicksight.model.ParameterDeclaration;
import software.amazon.awssdk.services.quicksight.model.ParameterValueType;
import software.amazon.awssdk.services.quicksight.model.SheetDefinition;
import software.amazon.awssdk.services.quicksight.model.SimpleNumericalAggregationFunction;
import software.amazon.awssdk.services.quicksight.model.TableVisual;
import software.amazon.awssdk.services.quicksight.model.Visual;
import software.amazon.awssdk.services.quicksight.model.WidgetStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;


/**
 * A realistic Definition built with the SDK's model classes: one sheet with a bar chart, a table and a KPI over a
 * {@code sales} dataset, a filter group with a category filter, a calculated field the KPI shows, and a parameter.
 */
final class AnalysisDefinitions {

    static final String SALES = "arn:aws:quicksight:us-east-1:000000000000:dataset/sales";
    static final String MISSING = "arn:aws:quicksight:us-east-1:000000000000:dataset/missing";
    private AnalysisDefinitions() {
    }

    /** A server over {@code data} with the {@code sales} dataset the definitions name (made on the first start). */
    static GlauxServer startWithSales(Path data) throws IOException {
        GlauxServer started = GlauxServer.builder().dataFolder(data).syncWrites(false).start();
        try (QuickSightClient client = QuickSightClients.quickSight(started)) {
            createSalesDataSet(client);
        }
        return started;
    }

    /**
     * Creates (once per data folder) the Athena data source and the {@code sales} dataset the definitions name:
     * columns region, product (STRING), revenue, cost (DECIMAL) and sold_at (DATETIME), from custom SQL.
     */
    static void createSalesDataSet(QuickSightClient quickSight) {
        if (!quickSight.listDataSets(b -> b.awsAccountId(QuickSightClients.ACCOUNT)).dataSetSummaries().isEmpty()) {
            return;
        }
        quickSight.createDataSource(b -> b.awsAccountId(QuickSightClients.ACCOUNT).dataSourceId("athena")
                .name("Athena").type(DataSourceType.ATHENA));
        quickSight.createDataSet(b -> b.awsAccountId(QuickSightClients.ACCOUNT).dataSetId("sales").name("Sales")
                .importMode(DataSetImportMode.DIRECT_QUERY).physicalTableMap(Map.of("sales", PhysicalTable.builder()
                        .customSql(c -> c.dataSourceArn("arn:aws:quicksight:us-east-1:000000000000:datasource/athena")
                                .name("sales").sqlQuery("SELECT region, product, revenue, cost, sold_at FROM sales")
                                .columns(input("region", InputColumnDataType.STRING),
                                        input("product", InputColumnDataType.STRING),
                                        input("revenue", InputColumnDataType.DECIMAL),
                                        input("cost", InputColumnDataType.DECIMAL),
                                        input("sold_at", InputColumnDataType.DATETIME))).build())));
    }

    private static InputColumn input(String name, InputColumnDataType type) {
        return InputColumn.builder().name(name).type(type).build();
    }

    /** The parts of a definition over {@code dataSetArn}, a column the bar chart groups by being {@code barColumn}. */
    record Parts(List<DataSetIdentifierDeclaration> declarations, List<SheetDefinition> sheets,
            List<CalculatedField> calculatedFields, List<ParameterDeclaration> parameters,
            List<FilterGroup> filterGroups) {

        AnalysisDefinition analysis() {
            return AnalysisDefinition.builder().dataSetIdentifierDeclarations(declarations).sheets(sheets)
                    .calculatedFields(calculatedFields).parameterDeclarations(parameters).filterGroups(filterGroups)
                    .build();
        }

        DashboardVersionDefinition dashboard() {
            return DashboardVersionDefinition.builder().dataSetIdentifierDeclarations(declarations).sheets(sheets)
                    .calculatedFields(calculatedFields).parameterDeclarations(parameters).filterGroups(filterGroups)
                    .build();
        }
    }

    static Parts parts(String dataSetArn, String barColumn, String sheetName) {
        DataSetIdentifierDeclaration sales = DataSetIdentifierDeclaration.builder().identifier("sales")
                .dataSetArn(dataSetArn).build();
        Visual bar = Visual.builder().barChartVisual(BarChartVisual.builder().visualId("revenue-by-region")
                .chartConfiguration(BarChartConfiguration.builder().orientation(BarChartOrientation.VERTICAL)
                        .fieldWells(w -> w.barChartAggregatedFieldWells(a -> a
                                .category(dimension("bar-region", barColumn))
                                .values(sum("bar-revenue", "revenue"))))
                        .build())
                .build()).build();
        Visual table = Visual.builder().tableVisual(TableVisual.builder().visualId("sales-table")
                .chartConfiguration(c -> c.fieldWells(w -> w.tableAggregatedFieldWells(a -> a
                        .groupBy(dimension("table-product", "product"), dimension("table-region", "region"))
                        .values(sum("table-revenue", "revenue"), sum("table-cost", "cost")))))
                .build()).build();
        Visual kpi = Visual.builder().kpiVisual(KPIVisual.builder().visualId("profit-kpi")
                .chartConfiguration(c -> c.fieldWells(w -> w.values(sum("kpi-profit", "profit"))))
                .build()).build();
        SheetDefinition sheet = SheetDefinition.builder().sheetId("overview").name(sheetName)
                .visuals(bar, table, kpi).build();
        CalculatedField profit = CalculatedField.builder().dataSetIdentifier("sales").name("profit")
                .expression("{revenue} - {cost}").build();
        ParameterDeclaration region = ParameterDeclaration.builder().stringParameterDeclaration(p -> p
                .name("Region").parameterValueType(ParameterValueType.SINGLE_VALUED)
                .defaultValues(d -> d.staticValues("EMEA"))).build();
        FilterGroup regions = FilterGroup.builder().filterGroupId("regions")
                .crossDataset(CrossDatasetTypes.SINGLE_DATASET).status(WidgetStatus.ENABLED)
                .scopeConfiguration(s -> s.selectedSheets(sel -> sel.sheetVisualScopingConfigurations(v -> v
                        .sheetId("overview").scope(FilterVisualScope.ALL_VISUALS))))
                .filters(Filter.builder().categoryFilter(CategoryFilter.builder().filterId("region-filter")
                        .column(column("region"))
                        .configuration(c -> c.filterListConfiguration(l -> l
                                .matchOperator(CategoryFilterMatchOperator.CONTAINS)
                                .categoryValues("EMEA", "APAC")))
                        .build()).build())
                .build();
        return new Parts(List.of(sales), List.of(sheet), List.of(profit), List.of(region), List.of(regions));
    }

    static AnalysisDefinition analysis(String dataSetArn) {
        return parts(dataSetArn, "region", "Overview").analysis();
    }

    static ColumnIdentifier column(String name) {
        return ColumnIdentifier.builder().dataSetIdentifier("sales").columnName(name).build();
    }

    private static DimensionField dimension(String fieldId, String columnName) {
        return DimensionField.builder().categoricalDimensionField(CategoricalDimensionField.builder()
                .fieldId(fieldId).column(column(columnName)).build()).build();
    }

    private static MeasureField sum(String fieldId, String columnName) {
        return MeasureField.builder().numericalMeasureField(n -> n.fieldId(fieldId).column(column(columnName))
                .aggregationFunction(f -> f.simpleNumericalAggregation(SimpleNumericalAggregationFunction.SUM)))
                .build();
    }
}
