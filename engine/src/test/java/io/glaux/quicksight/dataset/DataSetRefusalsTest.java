package io.glaux.quicksight.dataset;

import io.glaux.quicksight.QuickSightException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import static io.glaux.quicksight.dataset.DataSetRowsOverGlauxTest.ORDERS;
import static io.glaux.quicksight.dataset.DataSetRowsOverGlauxTest.SOURCES;
import static io.glaux.quicksight.dataset.DataSetRowsOverGlauxTest.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Definitions the compiler refuses, each as INVALID with a message naming the problem. */
class DataSetRefusalsTest {

    private final DataSetCompiler compiler = new DataSetCompiler();

    private AbstractThrowableAssert<?, ? extends Throwable> refused(String physical, String logical) {
        return assertThatThrownBy(() -> compiler.compile(json(physical), logical == null ? null : json(logical),
                SOURCES))
                .isInstanceOfSatisfying(QuickSightException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                                .isEqualTo(QuickSightException.Kind.INVALID));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refusedTransform(String transforms) {
        return refused(ORDERS, """
                {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o"}, "DataTransforms": %s}}
                """.formatted(transforms));
    }

    @Test
    void joinCycle() {
        refused(ORDERS, """
                {"root": {"Alias": "root", "Source": {"PhysicalTableId": "o"}},
                 "a": {"Alias": "a", "Source": {"JoinInstruction": {"LeftOperand": "b", "RightOperand": "lc",
                   "Type": "INNER", "OnClause": "{id} = {id[c]}"}}},
                 "b": {"Alias": "b", "Source": {"JoinInstruction": {"LeftOperand": "a", "RightOperand": "lc",
                   "Type": "INNER", "OnClause": "{id} = {id[c]}"}}},
                 "lc": {"Alias": "c", "Source": {"PhysicalTableId": "c"}}}
                """).hasMessageContaining("cycle");
        refused(ORDERS, """
                {"a": {"Alias": "a", "Source": {"JoinInstruction": {"LeftOperand": "b", "RightOperand": "lc",
                   "Type": "INNER", "OnClause": "{id} = {id[c]}"}}},
                 "b": {"Alias": "b", "Source": {"JoinInstruction": {"LeftOperand": "a", "RightOperand": "lc",
                   "Type": "INNER", "OnClause": "{id} = {id[c]}"}}},
                 "lc": {"Alias": "c", "Source": {"PhysicalTableId": "c"}}}
                """).hasMessageContaining("no root logical table");
    }

    @Test
    void twoRoots() {
        refused(ORDERS, """
                {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o"}},
                 "lc": {"Alias": "customers", "Source": {"PhysicalTableId": "c"}}}
                """).hasMessageContaining("exactly one root logical table").hasMessageContaining("2: lo, lc");
        refused(ORDERS, null).hasMessageContaining("exactly one root logical table");
    }

    @Test
    void missingPhysicalTableOrOperand() {
        refused(ORDERS, """
                {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "nope"}}}
                """).hasMessage("LogicalTable lo reads PhysicalTableId nope, which is not in the PhysicalTableMap");
        refused(ORDERS, """
                {"j": {"Alias": "j", "Source": {"JoinInstruction": {"LeftOperand": "lo", "RightOperand": "ghost",
                   "Type": "INNER", "OnClause": "{id} = {id}"}}},
                 "lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o"}}}
                """).hasMessageContaining("joins ghost, which is not in the LogicalTableMap");
        refused(ORDERS, """
                {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o", "DataSetArn": "arn:x"}}}
                """).hasMessage(
                "Exactly one of PhysicalTableId, JoinInstruction or DataSetArn must be set for LogicalTable lo");
    }

    @Test
    void unknownOrMixedDataSources() {
        refused("""
                {"o": {"RelationalTable": {"DataSourceArn": "arn:aws:quicksight:us-east-1:1:datasource/none",
                  "Name": "orders", "InputColumns": [{"Name": "id", "Type": "INTEGER"}]}}}
                """, null).hasMessage("The data source arn:aws:quicksight:us-east-1:1:datasource/none does not exist");
        refused(ORDERS.replaceFirst("\\$ARN", "arn:aws:quicksight:us-east-1:1:datasource/other"), null)
                .hasMessageContaining("must use the same data source")
                .hasMessageContaining("arn:aws:quicksight:us-east-1:1:datasource/other");
    }

    @Test
    void badExpressionsNameTableStepExpressionAndPosition() {
        refusedTransform("""
                [{"FilterOperation": {"ConditionExpression": "{amount} > {nope}"}}]""")
                .hasMessageContaining("LogicalTable lo (orders) DataTransforms[0] FilterOperation")
                .hasMessageContaining("'{amount} > {nope}'")
                .hasMessageContaining("nope")
                .hasMessageEndingWith("at position 11");
        refusedTransform("""
                [{"CreateColumnsOperation": {"Columns": [
                  {"ColumnName": "x", "ColumnId": "x", "Expression": "concat({placed}, {id})"}]}}]""")
                .hasMessageContaining("DataTransforms[0] CreateColumnsOperation column 'x'")
                .hasMessageContaining("at position");
        refusedTransform("""
                [{"CreateColumnsOperation": {"Columns": [
                  {"ColumnName": "total", "ColumnId": "t", "Expression": "sum({amount})"}]}}]""")
                .hasMessageContaining("aggregate functions are only available during analysis");
        refusedTransform("""
                [{"FilterOperation": {"ConditionExpression": "{amount} + 1"}}]""")
                .hasMessageContaining("must be true or false");
        refused(ORDERS, """
                {"lo": {"Alias": "orders", "Source": {"PhysicalTableId": "o"}},
                 "lc": {"Alias": "customers", "Source": {"PhysicalTableId": "c"}},
                 "j": {"Alias": "j", "Source": {"JoinInstruction": {"LeftOperand": "lo", "RightOperand": "lc",
                   "Type": "INNER", "OnClause": "{customer_id} = {id[orders]}"}}}}
                """).hasMessageContaining("LogicalTable j (j) JoinInstruction OnClause")
                .hasMessageContaining("id[orders]").hasMessageEndingWith("at position 16");
    }

    @Test
    void duplicateColumnNames() {
        refusedTransform("""
                [{"RenameColumnOperation": {"ColumnName": "amount", "NewColumnName": "ID"}}]""")
                .hasMessage("LogicalTable lo (orders) DataTransforms[0] RenameColumnOperation: duplicate column "
                        + "name 'ID'; column names must be unique in a table");
        refusedTransform("""
                [{"CreateColumnsOperation": {"Columns": [
                  {"ColumnName": "placed", "ColumnId": "p", "Expression": "{amount} * 2"}]}}]""")
                .hasMessageContaining("duplicate column name 'placed'");
        refused("""
                {"o": {"RelationalTable": {"DataSourceArn": "$ARN", "Name": "orders",
                  "InputColumns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "id", "Type": "STRING"}]}}}
                """, null).hasMessageContaining("PhysicalTable o: duplicate column name 'id'");
        refusedTransform("""
                [{"ProjectOperation": {"ProjectedColumns": ["id", "missing"]}}]""")
                .hasMessageContaining("column 'missing' does not exist");
    }

    @Test
    void sourcesGlauxDoesNotServe() {
        refused("""
                {"s3": {"S3Source": {"DataSourceArn": "$ARN",
                  "InputColumns": [{"Name": "id", "Type": "STRING"}]}}}
                """, null).hasMessageContaining("PhysicalTable s3 is an S3Source");
        refused(ORDERS, """
                {"lo": {"Alias": "orders", "Source": {"DataSetArn": "arn:aws:quicksight:us-east-1:1:dataset/x"}}}
                """).hasMessageContaining("datasets built on other datasets are not supported");
        refusedTransform("""
                [{"OverrideDatasetParameterOperation": {"ParameterName": "p"}}]""")
                .hasMessageContaining("OverrideDatasetParameterOperation, which Glaux does not support");
        refusedTransform("""
                [{"CastColumnTypeOperation": {"ColumnName": "id", "NewColumnType": "DATETIME"}}]""")
                .hasMessageContaining("column 'id' of type INTEGER cannot be cast to DATETIME");
    }
}
