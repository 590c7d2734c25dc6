package io.glaux.exec;

import io.glaux.catalog.Column;
import io.glaux.catalog.ddl.AthenaNames;
import io.glaux.error.ErrorType;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The column names a CTAS or CREATE VIEW gives its table or view: every output column must be named (Trino's
 * {@code MISSING_COLUMN_NAME}: the planner calls an expression without an alias {@code EXPR$n}) and every name must
 * be one Athena accepts ({@link AthenaNames}).
 */
final class QueryColumnNames {

    private static final Pattern UNNAMED = Pattern.compile("expr\\$\\d+");

    private QueryColumnNames() {
    }

    static void check(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (UNNAMED.matcher(columns.get(i).name()).matches()) {
                throw SqlPositions.atStatement(ErrorType.USER_ERROR,
                        "MISSING_COLUMN_NAME: line 1:1: Column name not specified at position " + (i + 1));
            }
        }
        AthenaNames.checkQueryColumns(columns);
    }
}
