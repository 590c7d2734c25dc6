package io.glaux.exec;

import io.glaux.catalog.Column;
import io.glaux.catalog.ddl.AthenaNames;
import io.glaux.error.ErrorType;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;
import io.glaux.sql.PreparedQuery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The column names a CTAS or CREATE VIEW gives its table or view: every output column must be named (Trino's
 * {@code MISSING_COLUMN_NAME}: an expression without an alias, which a query's result calls {@code _col<n>}), no
 * name may appear twice (Trino's {@code DUPLICATE_COLUMN_NAME}; names are compared lower case, as they are stored) and every name
 * must be one Athena accepts ({@link AthenaNames}).
 */
final class QueryColumnNames {

    /** Trino reports these errors at the statement itself. */
    private static final SourceLocation STATEMENT = new SourceLocation(1, 1);

    private QueryColumnNames() {
    }

    /** Checks the query's output columns and returns them as the new relation's columns. */
    static List<Column> check(PreparedQuery query) {
        List<Column> columns = query.tableColumns();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if (!query.named(i)) {
                throw SqlPositions.atStatement(ErrorType.USER_ERROR, TrinoErrorCode.MISSING_COLUMN_NAME, STATEMENT,
                        "Column name not specified at position " + (i + 1));
            }
            if (!names.add(name)) {
                throw SqlPositions.atStatement(ErrorType.USER_ERROR, TrinoErrorCode.DUPLICATE_COLUMN_NAME, STATEMENT,
                        "Column name '" + name + "' specified more than once");
            }
        }
        AthenaNames.checkQueryColumns(columns);
        return columns;
    }
}
