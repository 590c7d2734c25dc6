package io.glaux.sql.function;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Trino's conditional expressions and the aggregates Glaux answers with Calcite SQL: bindings only, no Java
 * implementations. {@code TRY_CAST} is Calcite's library operator, made visible for the parser's TRY_CAST.
 */
final class ConditionalFunctions {
    private ConditionalFunctions() {
    }

    /**
     * Declares if, coalesce, nullif, greatest and least (the BigQuery/Oracle library's: NULL when any argument is
     * NULL, as Trino's), count_if, approx_distinct and arbitrary.
     */
    static void declare(FunctionRegistry.Builder r) {
        r.library(SqlLibraryOperators.TRY_CAST);
        r.bind("if", (call, operands, pos) -> {
            if (operands.size() < 2 || operands.size() > 3) {
                return call;
            }
            SqlNode otherwise = operands.size() == 3 ? operands.get(2) : SqlLiteral.createNull(pos);
            return new SqlCase(pos, null, SqlNodeList.of(operands.get(0)), SqlNodeList.of(operands.get(1)),
                    otherwise);
        });
        r.bindTo(SqlStdOperatorTable.COALESCE, "coalesce");
        r.bindTo(SqlStdOperatorTable.NULLIF, "nullif");
        r.bindToLibrary(SqlLibraryOperators.GREATEST, "greatest");
        r.bindToLibrary(SqlLibraryOperators.LEAST, "least");
        // count_if(b) counts the rows where b is true: COUNT(CASE WHEN b THEN 1 END), 0 over no rows.
        r.bind("count_if", (call, operands, pos) -> operands.size() != 1 ? call
                : SqlStdOperatorTable.COUNT.createCall(pos, new SqlCase(pos, null, SqlNodeList.of(operands.get(0)),
                        SqlNodeList.of(SqlLiteral.createExactNumeric("1", pos)), SqlLiteral.createNull(pos))));
        // approx_distinct(x[, e]) is answered exactly: COUNT(DISTINCT x) is within any error bound.
        r.bind("approx_distinct", (call, operands, pos) -> operands.isEmpty() || operands.size() > 2 ? call
                : SqlStdOperatorTable.COUNT.createCall(SqlLiteral.createSymbol(
                        SqlSelectKeyword.DISTINCT, pos), pos, operands.get(0)));
        // arbitrary(x) returns some non-NULL value of the group: ANY_VALUE.
        r.bindTo(SqlStdOperatorTable.ANY_VALUE, "arbitrary");
    }
}
