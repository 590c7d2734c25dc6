package io.glaux.exec;

import io.glaux.catalog.ddl.StatementType;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryHistoryTest {

    @TempDir
    Path folder;

    private static QueryExecution submitted(String id, QueryState state, Duration ago) {
        Instant submission = Instant.now().minus(ago);
        return new QueryExecution(id, "SELECT 1", StatementType.DML, "primary", QueryContext.DEFAULT,
                "s3://glaux-query-results/" + id + ".csv", new QueryStatus(state, null, submission,
                state.isTerminal() ? submission.plusSeconds(1) : null, null), QueryStatistics.EMPTY, null, List.of(),
                null, null);
    }

    @Test
    void queriesSubmittedMoreThan45DaysAgoAreForgottenAsAthenaForgetsThem() {
        QueryHistory history = new QueryHistory(folder, false);
        history.save(submitted("recent", QueryState.SUCCEEDED, Duration.ofDays(44)));
        history.save(submitted("old", QueryState.SUCCEEDED, Duration.ofDays(46)));
        history.save(submitted("old-and-interrupted", QueryState.RUNNING, Duration.ofDays(46)));
        history.save(submitted("interrupted", QueryState.RUNNING, Duration.ofHours(1)));
        List<String> recovered = new ArrayList<>();

        List<QueryExecution> loaded = history.load(execution -> recovered.add(execution.queryExecutionId()));

        assertThat(loaded).extracting(QueryExecution::queryExecutionId)
                .containsExactlyInAnyOrder("recent", "interrupted");
        // An interrupted query is recovered (what it left undone) whatever its age, then forgotten if it is old.
        assertThat(recovered).containsExactlyInAnyOrder("old-and-interrupted", "interrupted");
        assertThat(folder.resolve("old.json")).doesNotExist();
        assertThat(folder.resolve("old-and-interrupted.json")).doesNotExist();
        assertThat(new QueryHistory(folder, false).load()).extracting(QueryExecution::queryExecutionId,
                QueryExecution::state).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("recent", QueryState.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("interrupted", QueryState.FAILED));
    }
}
