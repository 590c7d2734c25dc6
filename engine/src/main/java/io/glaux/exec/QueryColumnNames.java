package io.glaux.exec;

import io.glaux.catalog.Column;
import io.glaux.catalog.ddl.AthenaNames;
import io.glaux.error.ErrorType;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The column names a CTAS or CREATE VIEW gives its table or view: every output column must be named (Trino's
 * {@code MISSING_COLUMN_NAME}: the planner calls an expression without an alias {@code EXPR$n}), no name may appear
 * twice (Trino's {@code DUPLICATE_COLUMN_NAME}; names are compared lower case, as they are stored) and every name
 * must be one Athena accepts ({@link AthenaNames}).
 */
final class QueryColumnNames {

    private static final Pattern UNNAMED = Pattern.compile("expr\\$\\d+");
    /** Trino reports these errors at the statement itself. */
    private static final SourceLocation STATEMENT = new SourceLocation(1, 1);

    private QueryColumnNames() {
    }

    static void check(List<Column> columns) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if (UNNAMED.matcher(name).matches()) {
                throw SqlPositions.atStatement(ErrorType.USER_ERROR, TrinoErrorCode.MISSING_COLUMN_NAME, STATEMENT,
                        "Column name not specified at position " + (i + 1));
            }
            if (!names.add(name)) {
                throw SqlPositions.atStatement(ErrorType.USER_ERROR, TrinoErrorCode.DUPLICATE_COLUMN_NAME, STATEMENT,
                        "Column name '" + name + "' specified more than once");
            }
        }
        AthenaNames.checkQueryColumns(columns);
    }
}
