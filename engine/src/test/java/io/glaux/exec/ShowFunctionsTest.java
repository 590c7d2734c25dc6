package io.glaux.exec;

import io.glaux.catalog.ddl.StatementType;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SHOW FUNCTIONS lists what the engine resolves, in Trino's columns, filtered by LIKE. */
class ShowFunctionsTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @Test
    void listsGlauxAndCalciteFunctionsWithTrinosColumns() {
        QueryExecution show = g.run("SHOW FUNCTIONS");
        assertThat(show.state()).as("%s", show.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(show.statementType()).isEqualTo(StatementType.UTILITY);
        assertThat(g.query("SHOW FUNCTIONS").columns()).extracting(c -> c.name()).containsExactly("Function",
                "Return Type", "Argument Types", "Function Type", "Deterministic", "Description");
        List<List<String>> rows = g.rows("SHOW FUNCTIONS");
        assertThat(rows).extracting(r -> r.get(0)).contains("date_trunc", "transform", "max_by", "count", "sum",
                "rank", "sin", "regexp_like", "typeof");
        assertThat(rows).contains(List.of("levenshtein_distance", "bigint", "varchar, varchar", "scalar", "true", ""));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("rank", "", "", "window", "true", ""));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 4)).containsExactly("max_by", "", "T, T",
                "aggregate"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("random", "double", "", "scalar", "false",
                ""));
    }

    @Test
    void likeFiltersByName() {
        assertThat(g.rows("SHOW FUNCTIONS LIKE 'array\\_s%' ESCAPE '\\'")).extracting(r -> r.get(0)).containsOnly(
                "array_sort").isNotEmpty();
        assertThat(g.rows("show functions like 'json_array_%'")).extracting(r -> r.get(0)).contains(
                "json_array_contains", "json_array_get", "json_array_length");
        QueryExecution bad = g.run("SHOW FUNCTIONS FROM x");
        assertThat(bad.state()).isEqualTo(QueryState.FAILED);
        assertThat(bad.status().stateChangeReason())
                .isEqualTo("line 1:16: mismatched input 'FROM'. Expecting: 'LIKE', <EOF>");
    }
}
