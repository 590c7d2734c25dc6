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

import java.util.List;
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
 * {@code IGNORE NULLS}: first_value, last_value, nth_value, lag and lead with it read the non-NULL values of a frame
 * collected as an array; other functions with it fail with NOT_SUPPORTED.
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
                            && (NEED_PARTITIONING.contains(name(call.operand(0)))
                                    || call.operand(0).getKind() == SqlKind.IGNORE_NULLS)) {
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
        SqlParserPos pos = over.getParserPosition();
        if (call.getKind() == SqlKind.IGNORE_NULLS) {
            return ignoringNulls(over, call.operand(0), window, pos);
        }
        // The parser leaves some of these names unresolved: match them by name.
        return switch (name(call)) {
            case "percent_rank" -> percentRank(window, pos);
            case "cume_dist" -> divide(count(window, pos), count(wholePartition(window, pos), pos), pos);
            case "nth_value" -> call.operandCount() == 2 ? whenFrameHolds(over, call.operand(1), window, pos) : over;
            default -> over;
        };
    }

    /**
     * {@code f(x, ...) IGNORE NULLS OVER w} from the array of x's non-NULL values over a frame
     * ({@link AggregateFunctions#NON_NULL_VALUES}): first_value, last_value and nth_value read the window's frame's
     * first, last and n-th; lag(x, k, d) and lead(x, k, d) read the k-th from the end of the rows before the current
     * one, or the k-th of the rows after it, d if there are fewer (an offset of 0 is the current row's x).
     */
    private static SqlNode ignoringNulls(SqlCall over, SqlCall call, SqlNode window, SqlParserPos pos) {
        List<SqlNode> args = call.getOperandList();
        String name = name(call);
        if (args.isEmpty() || !Set.of("first_value", "last_value", "nth_value", "lag", "lead").contains(name)) {
            throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED,
                    "IGNORE NULLS is not supported for " + name);
        }
        SqlNode x = args.get(0);
        SqlNode one = SqlLiteral.createExactNumeric("1", pos);
        return switch (name) {
            case "first_value" -> element(over, nonNull(x, window, pos), one, pos);
            case "last_value" -> element(over, nonNull(x, window, pos),
                    SqlLiteral.createNegative(SqlLiteral.createExactNumeric("1", pos), pos), pos);
            case "nth_value" -> element(over, nonNull(x, window, pos), args.get(1), pos);
            default -> {
                boolean lag = name.equals("lag");
                SqlNode offset = args.size() > 1 ? args.get(1) : one;
                SqlNode bound = SqlWindow.createPreceding(SqlLiteral.createExactNumeric("1", pos), pos);
                SqlWindow rows = lag ? frame(window, SqlWindow.createUnboundedPreceding(pos), bound, pos)
                        : frame(window, SqlWindow.createFollowing(SqlLiteral.createExactNumeric("1", pos), pos),
                                SqlWindow.createUnboundedFollowing(pos), pos);
                SqlNode index = lag ? SqlStdOperatorTable.UNARY_MINUS.createCall(pos, offset) : offset;
                SqlNode found = SqlStdOperatorTable.COALESCE.createCall(pos,
                        element(over, nonNull(x, rows, pos), index, pos),
                        args.size() > 2 ? args.get(2) : SqlLiteral.createNull(pos));
                SqlNode current = SqlStdOperatorTable.EQUALS.createCall(pos, SqlNode.clone(offset),
                        SqlLiteral.createExactNumeric("0", pos));
                yield new SqlCase(pos, null, SqlNodeList.of(current), SqlNodeList.of(SqlNode.clone(x)), found);
            }
        };
    }

    private static SqlNode nonNull(SqlNode x, SqlNode window, SqlParserPos pos) {
        return over(TrinoFunctions.aggregate(AggregateFunctions.NON_NULL_VALUES).createCall(pos, SqlNode.clone(x)),
                window, pos);
    }

    /** element_at(array, index): 1-based, negative from the end, NULL outside. */
    private static SqlNode element(SqlCall over, SqlNode array, SqlNode index, SqlParserPos pos) {
        return TrinoFunctions.binding("element_at").rewrite(over, List.of(array, index), pos);
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
        return frame(window, SqlWindow.createUnboundedPreceding(pos), SqlWindow.createUnboundedFollowing(pos), pos);
    }

    /** The window's partitioning and order with the frame {@code ROWS BETWEEN lower AND upper}. */
    private static SqlWindow frame(SqlNode window, SqlNode lower, SqlNode upper, SqlParserPos pos) {
        SqlNodeList none = SqlNodeList.EMPTY;
        if (window instanceof SqlWindow w) {
            return SqlWindow.create(null, w.getRefName(), w.getPartitionList(), w.getOrderList(),
                    SqlLiteral.createBoolean(true, pos), lower, upper, null, pos);
        }
        return SqlWindow.create(null, (SqlIdentifier) window, none, none, SqlLiteral.createBoolean(true, pos),
                lower, upper, null, pos);
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
