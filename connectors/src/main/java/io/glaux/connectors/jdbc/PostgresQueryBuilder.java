package io.glaux.connectors.jdbc;

import io.glaux.connector.ConnectorValues;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import io.glaux.connector.SortItem;
import io.glaux.connector.ValueSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes the SELECT for a scan request: the projected columns, the constraint as a WHERE clause with bind parameters,
 * and the limit or top-N. Every column is selected, filtered and ordered through its {@link SourceColumn#expression},
 * so the database decides on exactly the values Glaux gets, and the WHERE clause says the constraint exactly: what
 * cannot be said exactly in SQL (a string the server encoding cannot order as Java does, a value that has no exact
 * form in the column's type) is left to the connector, which then checks those rows itself and, when such a check
 * remains, applies the limit itself.
 */
final class PostgresQueryBuilder {

    /** PostgreSQL takes at most 65535 bind parameters; larger value lists are checked by the connector. */
    static final int MAX_PARAMETERS = 30_000;

    /** Puts U+10FFFF before each character U+E000..U+FFFF: UTF-8's byte order is then UTF-16's (see ServerEncoding). */
    private static final String UTF16_ORDER_PATTERN = "U&'([!E000-!FFFF])' UESCAPE '!'";
    private static final String UTF16_ORDER_REPLACEMENT = "U&'!+10FFFF\\1' UESCAPE '!'";
    private static final String MAX_CODE_POINT = new String(Character.toChars(0x10FFFF));

    private final Map<String, SourceColumn> columns;
    private final ServerEncoding encoding;

    private final List<PostgresQuery.Parameter> parameters = new ArrayList<>();

    PostgresQueryBuilder(Map<String, SourceColumn> columns, ServerEncoding encoding) {
        this.columns = columns;
        this.encoding = encoding;
    }

    /**
     * @param relation the table (or partition) to read
     * @param request  what to read
     * @param comment  a marker put before the statement (the Athena query ID), or null
     */
    PostgresQuery build(SchemaTableName relation, ScanRequest request, String comment) {
        List<SourceColumn> selected = new ArrayList<>();
        int[] output = new int[request.columns().size()];
        for (int i = 0; i < output.length; i++) {
            output[i] = position(selected, column(request.columns().get(i)));
        }

        List<String> conditions = new ArrayList<>();
        List<PostgresQuery.Residual> residual = new ArrayList<>();
        for (Map.Entry<String, Domain> entry : request.constraint().domains().entrySet()) {
            SourceColumn column = column(entry.getKey());
            int mark = parameters.size();
            Optional<String> condition = condition(column, entry.getValue());
            if (condition.isPresent() && parameters.size() <= MAX_PARAMETERS) {
                condition.filter(c -> !c.isEmpty()).ifPresent(conditions::add);
            } else {
                parameters.subList(mark, parameters.size()).clear();
                residual.add(new PostgresQuery.Residual(position(selected, column), entry.getValue()));
            }
        }

        List<String> order = new ArrayList<>();
        boolean orderable = true;
        for (SortItem item : request.orderBy()) {
            Optional<String> key = sortKey(column(item.column()));
            if (key.isEmpty()) {
                orderable = false;
                break;
            }
            order.add(key.get() + (item.ascending() ? " ASC" : " DESC")
                    + (item.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"));
        }

        StringBuilder sql = new StringBuilder();
        if (comment != null && !comment.isEmpty()) {
            sql.append("/* ").append(comment.replaceAll("[^A-Za-z0-9_:.-]", "_")).append(" */ ");
        }
        sql.append("SELECT ");
        if (selected.isEmpty()) {
            sql.append('1');
        } else {
            for (int i = 0; i < selected.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(selected.get(i).expression());
            }
        }
        sql.append(" FROM ").append(PostgresTypes.quote(relation.schema())).append('.')
                .append(PostgresTypes.quote(relation.table()));
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        OptionalLong rowLimit = OptionalLong.empty();
        if (request.limit().isPresent() && orderable) {
            if (!order.isEmpty()) {
                sql.append(" ORDER BY ").append(String.join(", ", order));
            }
            if (residual.isEmpty()) {
                sql.append(" LIMIT ").append(request.limit().getAsLong());
            } else {
                rowLimit = request.limit();
            }
        }
        return new PostgresQuery(sql.toString(), List.copyOf(parameters), List.copyOf(selected), output,
                List.copyOf(residual), rowLimit);
    }

    private SourceColumn column(String name) {
        SourceColumn column = columns.get(name);
        if (column == null) {
            throw new IllegalArgumentException("No column " + name);
        }
        return column;
    }

    private static int position(List<SourceColumn> selected, SourceColumn column) {
        int at = selected.indexOf(column);
        if (at >= 0) {
            return at;
        }
        selected.add(column);
        return selected.size() - 1;
    }

    /**
     * The SQL that admits exactly the domain's values (empty text: every row), or empty when it cannot be said
     * exactly.
     */
    private Optional<String> condition(SourceColumn column, Domain domain) {
        String e = column.expression();
        ValueSet values = domain.values();
        if (domain.isAll()) {
            return Optional.of("");
        }
        if (domain.isNone()) {
            return Optional.of("FALSE");
        }
        if (values.isAll()) {
            return Optional.of(e + " IS NOT NULL");
        }
        if (values.isNone()) {
            return Optional.of(e + " IS NULL");
        }
        Optional<String> some;
        if (values instanceof ValueSet.SortedRanges ranges) {
            some = ranges(column, ranges.ranges());
        } else if (values instanceof ValueSet.Equatable list) {
            some = in(column, list.values(), !list.allowList());
        } else {
            some = Optional.empty();
        }
        return some.map(sql -> domain.nullAllowed() ? "(" + sql + " OR " + e + " IS NULL)" : "(" + sql + ")");
    }

    private Optional<String> ranges(SourceColumn column, List<ValueSet.Range> ranges) {
        if (isTimestamp(column)) {
            return timestampRanges(column, ranges);
        }
        List<Object> excluded = excludedValues(ranges);
        if (excluded != null) {
            return in(column, excluded, true);
        }
        // Parameters are bound in the order the SQL names them: the points' IN list first, then the ranges.
        List<Object> points = new ArrayList<>();
        for (ValueSet.Range range : ranges) {
            if (range.isSingleValue()) {
                points.add(range.low().value());
            }
        }
        List<String> disjuncts = new ArrayList<>();
        if (!points.isEmpty()) {
            Optional<String> in = in(column, points, false);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            disjuncts.add(in.get());
        }
        for (ValueSet.Range range : ranges) {
            if (range.isSingleValue()) {
                continue;
            }
            List<String> sides = new ArrayList<>();
            if (!range.low().isUnbounded()) {
                Optional<String> low = compare(column, range.low().inclusive() ? ">=" : ">", range.low().value());
                if (low.isEmpty()) {
                    return Optional.empty();
                }
                sides.add(low.get());
            }
            if (!range.high().isUnbounded()) {
                Optional<String> high = compare(column, range.high().inclusive() ? "<=" : "<", range.high().value());
                if (high.isEmpty()) {
                    return Optional.empty();
                }
                sides.add(high.get());
            }
            disjuncts.add(sides.size() == 1 ? sides.get(0) : "(" + String.join(" AND ", sides) + ")");
        }
        return Optional.of(String.join(" OR ", disjuncts));
    }

    /**
     * The excluded values when the ranges are everything but some points ({@code x <> a AND x <> b}), else null.
     */
    private static List<Object> excludedValues(List<ValueSet.Range> ranges) {
        if (ranges.size() < 2 || !ranges.get(0).low().isUnbounded()
                || !ranges.get(ranges.size() - 1).high().isUnbounded()) {
            return null;
        }
        List<Object> excluded = new ArrayList<>();
        for (int i = 0; i + 1 < ranges.size(); i++) {
            ValueSet.Bound high = ranges.get(i).high();
            ValueSet.Bound low = ranges.get(i + 1).low();
            if (high.isUnbounded() || low.isUnbounded() || high.inclusive() || low.inclusive()
                    || !high.value().equals(low.value())) {
                return null;
            }
            excluded.add(high.value());
        }
        return excluded;
    }

    /** {@code e IN (...)} or, negated, {@code e NOT IN (...)}; NULL never matches either. */
    private Optional<String> in(SourceColumn column, Collection<?> values, boolean negated) {
        if (values.isEmpty()) {
            return Optional.of(negated ? column.expression() + " IS NOT NULL" : "FALSE");
        }
        if (isTimestamp(column)) {
            List<ValueSet.Range> points = new ArrayList<>();
            for (Object value : values) {
                points.add(ValueSet.Range.equal(value));
            }
            ValueSet set = ValueSet.SortedRanges.of(points);
            if (negated) {
                set = ((ValueSet.SortedRanges) set).complement();
            }
            return timestampRanges(column, ((ValueSet.SortedRanges) set).ranges());
        }
        String e = equalityExpression(column);
        List<String> marks = new ArrayList<>();
        for (Object value : values) {
            if (column.read() == SourceColumn.Read.STRING
                    && !(value instanceof String s && encoding.canCompareEqual(s))) {
                return Optional.empty();
            }
            Optional<String> mark = bind(column, value);
            if (mark.isEmpty()) {
                return Optional.empty();
            }
            marks.add(mark.get());
        }
        if (marks.size() == 1) {
            return Optional.of(e + (negated ? " <> " : " = ") + marks.get(0));
        }
        return Optional.of(e + (negated ? " NOT IN (" : " IN (") + String.join(", ", marks) + ")");
    }

    private String equalityExpression(SourceColumn column) {
        return column.collationSensitiveEquality() ? column.expression() + " COLLATE \"C\"" : column.expression();
    }

    /** {@code e <op> ?} in Java's order, or empty when the database can't compare so. */
    private Optional<String> compare(SourceColumn column, String operator, Object value) {
        String left = column.expression();
        Object bound = value;
        if (column.read() == SourceColumn.Read.STRING) {
            if (!(value instanceof String text)) {
                return Optional.empty();
            }
            if (encoding.canCompareOrder(text)) {
                left = left + " COLLATE \"C\"";
            } else if (encoding == ServerEncoding.UTF8) {
                left = utf16OrderSql(left);
                bound = utf16Order(text);
            } else {
                return Optional.empty();
            }
        } else if (!orderable(column)) {
            return Optional.empty();
        }
        String compared = left;
        return bind(column, bound).map(mark -> compared + " " + operator + " " + mark);
    }

    /**
     * Ranges of a timestamp column. Glaux sees a timestamp cut to the millisecond, t(c); the database keeps
     * microseconds. So that an index on the column still serves, each bound is moved instead of cutting c: t(c) >= v
     * is c >= v, t(c) > v is c >= v + 1ms, t(c) <= v is c < v + 1ms, t(c) < v is c < v.
     */
    private Optional<String> timestampRanges(SourceColumn column, List<ValueSet.Range> ranges) {
        String e = column.expression();
        List<String> disjuncts = new ArrayList<>();
        for (ValueSet.Range range : ranges) {
            List<String> sides = new ArrayList<>();
            if (!range.low().isUnbounded()) {
                if (!(range.low().value() instanceof Long millis)) {
                    return Optional.empty();
                }
                sides.add(e + " >= " + mark(column, range.low().inclusive() ? millis : millis + 1));
            }
            if (!range.high().isUnbounded()) {
                if (!(range.high().value() instanceof Long millis)) {
                    return Optional.empty();
                }
                sides.add(e + " < " + mark(column, range.high().inclusive() ? millis + 1 : millis));
            }
            disjuncts.add(sides.isEmpty() ? e + " IS NOT NULL"
                    : sides.size() == 1 ? sides.get(0) : "(" + String.join(" AND ", sides) + ")");
        }
        return Optional.of(disjuncts.isEmpty() ? "FALSE" : String.join(" OR ", disjuncts));
    }

    private String mark(SourceColumn column, long millis) {
        parameters.add(new PostgresQuery.Parameter(millis, column.read()));
        return "?";
    }

    /** The ORDER BY key for a column, in Java's order; empty when the database can't order it so. */
    private Optional<String> sortKey(SourceColumn column) {
        if (column.read() == SourceColumn.Read.STRING) {
            return switch (encoding) {
                case UTF8 -> Optional.of(utf16OrderSql(column.expression()));
                case LATIN1 -> Optional.of(column.expression() + " COLLATE \"C\"");
                default -> Optional.empty();
            };
        }
        return orderable(column) ? Optional.of(column.expression()) : Optional.empty();
    }

    private static boolean orderable(SourceColumn column) {
        return switch (column.read()) {
            case BOOLEAN, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, DATE, TIMESTAMP, TIMESTAMP_TZ -> true;
            case STRING, BINARY, ARRAY -> false;
        };
    }

    private static boolean isTimestamp(SourceColumn column) {
        return column.read() == SourceColumn.Read.TIMESTAMP || column.read() == SourceColumn.Read.TIMESTAMP_TZ;
    }

    /** A string expression rewritten so that its "C" order is UTF-16's. */
    private static String utf16OrderSql(String expression) {
        return "regexp_replace(" + expression + " COLLATE \"C\", " + UTF16_ORDER_PATTERN + ", "
                + UTF16_ORDER_REPLACEMENT + ", 'g') COLLATE \"C\"";
    }

    /** The same rewrite in Java, for a bound. */
    static String utf16Order(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '\uE000') {
                out.append(MAX_CODE_POINT);
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A bind parameter for a value in the column's own type, or empty when the value has no exact form there (the
     * connector then checks it itself).
     */
    private Optional<String> bind(SourceColumn column, Object value) {
        Object exact = exact(column.read(), value);
        if (exact == null) {
            return Optional.empty();
        }
        parameters.add(new PostgresQuery.Parameter(exact, column.read()));
        // The driver sends a float as float8; real is compared as real.
        return Optional.of(column.read() == SourceColumn.Read.FLOAT ? "CAST(? AS float4)" : "?");
    }

    private static Object exact(SourceColumn.Read read, Object value) {
        try {
            return switch (read) {
                case BOOLEAN -> value instanceof Boolean ? value : null;
                case SMALLINT -> value instanceof Number n ? decimal(n).shortValueExact() : null;
                case INT -> value instanceof Number n ? decimal(n).intValueExact() : null;
                case BIGINT -> value instanceof Number n ? decimal(n).longValueExact() : null;
                case FLOAT -> value instanceof Float ? value : null;
                case DOUBLE -> value instanceof Double ? value : null;
                case DECIMAL -> value instanceof Number n && !(value instanceof Float || value instanceof Double)
                        ? decimal(n) : null;
                case STRING -> value instanceof String ? value : null;
                case DATE -> value instanceof Integer days ? ConnectorValues.toLocalDate(days) : null;
                case TIMESTAMP, TIMESTAMP_TZ -> value instanceof Long ? value : null;
                case BINARY, ARRAY -> null;
            };
        } catch (ArithmeticException | NumberFormatException notExact) {
            return null;
        }
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }
}
