package io.glaux.exec;

import io.glaux.catalog.Column;
import io.glaux.catalog.ddl.AthenaNames;
import io.glaux.error.ErrorType;

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

    private QueryColumnNames() {
    }

    static void check(List<Column> columns) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if (UNNAMED.matcher(name).matches()) {
                throw SqlPositions.atStatement(ErrorType.USER_ERROR,
                        "MISSING_COLUMN_NAME: line 1:1: Column name not specified at position " + (i + 1));
            }
            if (!names.add(name)) {
                throw SqlPositions.atStatement(ErrorType.USER_ERROR,
                        "DUPLICATE_COLUMN_NAME: line 1:1: Column name '" + name + "' specified more than once");
            }
        }
        AthenaNames.checkQueryColumns(columns);
    }
}
