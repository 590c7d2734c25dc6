package io.glaux.exec;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DESCRIBE OUTPUT and DESCRIBE INPUT of prepared statements, answered as Trino answers them, without running them. */
class DescribeInputOutputTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("id bigint, name string, price decimal(10,2)", "1,a,2.50\n");

    @Test
    void describeOutputNamesEachColumnItsSourceTypeSizeAndAlias() {
        g.script("PREPARE q1 FROM SELECT id, name AS label, price * 2, count(*) OVER () AS n FROM t WHERE id = ?");
        QueryExecution describe = g.run("DESCRIBE OUTPUT q1");
        assertThat(describe.state()).as("%s", describe.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(describe.statementType()).isEqualTo(io.glaux.catalog.ddl.StatementType.UTILITY);
        assertThat(g.query("DESCRIBE OUTPUT q1").columns()).extracting(c -> c.name()).containsExactly("Column Name",
                "Catalog", "Schema", "Table", "Type", "Type Size", "Aliased");
        assertThat(g.rows("DESCRIBE OUTPUT q1")).containsExactly(
                List.of("id", "awsdatacatalog", "default", "t", "bigint", "8", "false"),
                List.of("label", "awsdatacatalog", "default", "t", "varchar", "0", "true"),
                List.of("_col2", "", "", "", "decimal(20,2)", "16", "false"),
                List.of("n", "", "", "", "bigint", "8", "true"));
    }

    @Test
    void describeInputTypesEachPlaceholderInOrder() {
        g.script("PREPARE q1 FROM SELECT name FROM t WHERE id = ? AND name < ? AND price > ?");
        assertThat(g.rows("DESCRIBE INPUT q1")).containsExactly(List.of("0", "bigint"), List.of("1", "varchar"),
                List.of("2", "decimal(10,2)"));
        g.script("PREPARE none FROM SELECT 1");
        assertThat(g.rows("DESCRIBE INPUT none")).isEmpty();
    }

    @Test
    void aTableNamedOutputIsStillDescribedAsATable() {
        g.script("CREATE EXTERNAL TABLE output (x int) LOCATION 's3://lake/output/'");
        assertThat(g.rows("DESCRIBE output")).extracting(r -> r.get(0)).anyMatch(line -> line.startsWith("x"));
    }

    @Test
    void anUnknownStatementFailsAsExecuteDoes() {
        QueryExecution failed = g.run("DESCRIBE OUTPUT missing");
        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).isEqualTo(g.run("EXECUTE missing").status()
                .stateChangeReason());
    }
}
