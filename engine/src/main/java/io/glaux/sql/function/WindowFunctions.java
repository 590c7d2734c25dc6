package io.glaux.sql.function;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;

import java.util.Locale;
import java.util.Set;

/**
 * Trino's window functions that Calcite's Enumerable windows lack or compute differently, written as windowed calls
 * Calcite implements, before validation:
 * <ul>
 *   <li>{@code percent_rank() OVER w}: {@code (rank - 1) / (rows in the partition - 1)}, 0 for a partition of one
 *       row, as a double;</li>
 *   <li>{@code cume_dist() OVER w}: the rows up to and including the current row's peers over the rows in the
 *       partition, as a double;</li>
 *   <li>{@code nth_value(x, n) OVER w}: NULL when the frame has fewer than n rows (Calcite looks for the row in the
 *       whole partition, past the frame's end).</li>
 * </ul>
 * The partition's size is {@code count(*)} over the same window with the frame {@code ROWS BETWEEN UNBOUNDED PRECEDING
 * AND UNBOUNDED FOLLOWING}; the rows up to the current row's peers are {@code count(*)} over the window itself, whose
 * default frame with ORDER BY is {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}. Calcite cannot run
 * {@code IGNORE NULLS}: such calls fail with NOT_SUPPORTED rather than an internal error.
 */
final class WindowFunctions {
    private static final Set<String> NEED_PARTITIONING = Set.of("percent_rank", "cume_dist");

    private WindowFunctions() {
    }

    /**
     * Replaces, in the select list, references to the query's named windows ({@code percent_rank() OVER w ... WINDOW
     * w AS (...)}) by the windows they name, where the rewrite needs the window's partitioning: Calcite does not let a
     * window that refers to another give it a frame.
     */
    static void inlineNamedWindows(SqlSelect select) {
        SqlNodeList declared = select.getWindowList();
        if (declared == null || declared.isEmpty()) {
            return;
        }
        for (SqlNode item : select.getSelectList()) {
            item.accept(new SqlShuttle() {
                @Override
                public SqlNode visit(SqlCall call) {
                    if (call.getKind() == SqlKind.OVER && call.operand(1) instanceof SqlIdentifier name
                            && NEED_PARTITIONING.contains(name(call.operand(0)))) {
                        for (SqlNode d : declared) {
                            SqlWindow w = (SqlWindow) d;
                            if (w.getDeclName() != null && w.getDeclName().equalsDeep(name, Litmus.IGNORE)) {
                                call.setOperand(1, SqlWindow.create(null, w.getRefName(), w.getPartitionList(),
                                        w.getOrderList(), SqlLiteral.createBoolean(w.isRows(), pos(w)),
                                        w.getLowerBound(), w.getUpperBound(), null, pos(w)));
                            }
                        }
                    }
                    return super.visit(call);
                }
            });
        }
    }

    private static SqlParserPos pos(SqlNode node) {
        return node.getParserPosition();
    }

    private static String name(SqlNode function) {
        return function instanceof SqlCall call ? call.getOperator().getName().toLowerCase(Locale.ROOT) : "";
    }

    /** The windowed call ({@code f(...) OVER w}) as Calcite should compute it; other calls unchanged. */
    static SqlNode rewrite(SqlCall over) {
        SqlNode function = over.operand(0);
        SqlNode window = over.operand(1);
        if (!(function instanceof SqlCall call)) {
            return over;
        }
        if (call.getKind() == SqlKind.IGNORE_NULLS) {
            throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED,
                    "IGNORE NULLS is not supported in window functions");
        }
        SqlParserPos pos = over.getParserPosition();
        // The parser leaves some of these names unresolved: match them by name.
        return switch (name(call)) {
            case "percent_rank" -> percentRank(window, pos);
            case "cume_dist" -> divide(count(window, pos), count(wholePartition(window, pos), pos), pos);
            case "nth_value" -> call.operandCount() == 2 ? whenFrameHolds(over, call.operand(1), window, pos) : over;
            default -> over;
        };
    }

    private static SqlNode percentRank(SqlNode window, SqlParserPos pos) {
        SqlNode rows = count(wholePartition(window, pos), pos);
        SqlNode rank = over(SqlStdOperatorTable.RANK.createCall(pos), window, pos);
        SqlNode quotient = divide(minusOne(rank, pos), minusOne(rows, pos), pos);
        SqlNode single = SqlStdOperatorTable.EQUALS.createCall(pos, rows, SqlLiteral.createExactNumeric("1", pos));
        return new SqlCase(pos, null, SqlNodeList.of(single), SqlNodeList.of(doubleZero(pos)), quotient);
    }

    /** {@code CASE WHEN count(*) OVER w >= n THEN nth_value(x, n) OVER w END}. */
    private static SqlNode whenFrameHolds(SqlCall over, SqlNode n, SqlNode window, SqlParserPos pos) {
        SqlNode holds = SqlStdOperatorTable.GREATER_THAN_OR_EQUAL.createCall(pos, count(window, pos), n);
        return new SqlCase(pos, null, SqlNodeList.of(holds), SqlNodeList.of(over), SqlLiteral.createNull(pos));
    }

    private static SqlNode count(SqlNode window, SqlParserPos pos) {
        return over(SqlStdOperatorTable.COUNT.createCall(pos, SqlIdentifier.star(pos)), window, pos);
    }

    private static SqlNode over(SqlCall function, SqlNode window, SqlParserPos pos) {
        return new SqlBasicCall(SqlStdOperatorTable.OVER, new SqlNode[] {function, window}, pos);
    }

    /** The window's partitions, each a frame of its own. */
    private static SqlWindow wholePartition(SqlNode window, SqlParserPos pos) {
        SqlNodeList none = SqlNodeList.EMPTY;
        if (window instanceof SqlWindow w) {
            return SqlWindow.create(null, w.getRefName(), w.getPartitionList(), w.getOrderList(),
                    SqlLiteral.createBoolean(true, pos), SqlWindow.createUnboundedPreceding(pos),
                    SqlWindow.createUnboundedFollowing(pos), null, pos);
        }
        return SqlWindow.create(null, (SqlIdentifier) window, none, none, SqlLiteral.createBoolean(true, pos),
                SqlWindow.createUnboundedPreceding(pos), SqlWindow.createUnboundedFollowing(pos), null, pos);
    }

    private static SqlNode minusOne(SqlNode value, SqlParserPos pos) {
        return SqlStdOperatorTable.MINUS.createCall(pos, value, SqlLiteral.createExactNumeric("1", pos));
    }

    private static SqlNode divide(SqlNode dividend, SqlNode divisor, SqlParserPos pos) {
        return SqlStdOperatorTable.DIVIDE.createCall(pos, toDouble(dividend, pos), toDouble(divisor, pos));
    }

    private static SqlNode toDouble(SqlNode value, SqlParserPos pos) {
        return SqlStdOperatorTable.CAST.createCall(pos, value, doubleType(pos));
    }

    private static SqlNode doubleZero(SqlParserPos pos) {
        return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createExactNumeric("0", pos), doubleType(pos));
    }

    private static SqlDataTypeSpec doubleType(SqlParserPos pos) {
        return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos), pos);
    }
}
