package io.glaux.sql;

import io.glaux.catalog.Column;
import io.glaux.results.ColumnInfo;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.sql.util.ListSqlOperatorTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Output columns without a name are {@code _col<position>}, as Trino names them, in results and table columns. */
class OutputColumnNamesTest {

    private final QueryPlanner planner = new QueryPlanner(CalciteSchema.createRootSchema(false, false),
            new ListSqlOperatorTable(), List.of());

    private PreparedQuery prepare(String sql) {
        return planner.prepare(sql, QueryContext.DEFAULT, List.of());
    }

    private List<String> names(String sql) {
        return prepare(sql).columns().stream().map(ColumnInfo::name).toList();
    }

    @Test
    void unnamedExpressionsAreNumberedByTheirPositionAmongAllColumns() {
        assertThat(names("SELECT 1, count(*) AS n, 2 FROM (VALUES 1) AS t(x)")).containsExactly("_col0", "n", "_col2");
        assertThat(prepare("SELECT 1, count(*) AS n, 2 FROM (VALUES 1) AS t(x)").columns())
                .extracting(ColumnInfo::label).containsExactly("_col0", "n", "_col2");
        assertThat(names("SELECT x, x + 1 FROM (VALUES 1) AS t(x)")).containsExactly("x", "_col1");
    }

    @Test
    void anUnnamedColumnOfASubqueryTakesItsPositionInTheOuterQuery() {
        assertThat(names("SELECT 5 AS a, * FROM (SELECT 1)")).containsExactly("a", "_col1");
        assertThat(names("SELECT 1, 2 UNION ALL SELECT 3 AS x, 4")).containsExactly("_col0", "_col1");
    }

    @Test
    void tableColumnsTellAnAliasSpelledLikeAGeneratedNameFromAnUnnamedExpression() {
        PreparedQuery query = prepare("SELECT 1 AS _col0, 2, 3 AS y");
        assertThat(query.tableColumns()).extracting(Column::name).containsExactly("_col0", "_col1", "y");
        assertThat(IntStream.range(0, 3).mapToObj(query::named)).containsExactly(true, false, true);
    }
}
