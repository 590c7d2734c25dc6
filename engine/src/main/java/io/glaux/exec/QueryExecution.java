package io.glaux.exec;

import io.glaux.catalog.ddl.StatementType;
import io.glaux.sql.QueryContext;
import io.glaux.workgroup.EncryptionConfiguration;

import java.util.List;

/**
 * A snapshot of one query execution, as GetQueryExecution describes it. {@code outputLocation} is the full path of
 * the result object, as Athena reports it; {@code result} is empty until the query succeeds; {@code encryption} is
 * how its result objects are encrypted (null: not encrypted), as GetQueryExecution's ResultConfiguration reports it.
 */
public record QueryExecution(String queryExecutionId, String query, StatementType statementType, String workgroup,
                             QueryContext context, String outputLocation, QueryStatus status,
                             QueryStatistics statistics, QueryResultInfo result, List<String> executionParameters,
                             String clientRequestToken, EncryptionConfiguration encryption) {

    public QueryState state() {
        return status.state();
    }
}
