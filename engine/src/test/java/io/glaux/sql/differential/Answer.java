package io.glaux.sql.differential;

import io.glaux.QueryResults;
import io.glaux.results.ColumnInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One engine's answer to a query, normalised so that two engines' answers compare by value: a cell is NULL, a number
 * ({@link BigDecimal} for exact values, {@link Double} for doubles) or a text. Numbers compare by value whatever their
 * type (a Trino bigint and a DuckDB HUGEINT, a decimal and a double alike), doubles to 1e-9 relative; dates print ISO
 * ({@code 2024-01-31}), timestamps ISO with milliseconds and a space ({@code 2024-01-31 10:11:12.345}), arrays
 * {@code [a, b]} and maps {@code {k=v}} with NULL as {@code null}, as Athena prints them. An answer is either rows or
 * the error that the engine raised.
 */
record Answer(List<List<Object>> rows, String error) {

    private static final double RELATIVE = 1e-9;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Set<String> GLAUX_NUMERIC = Set.of("tinyint", "smallint", "integer", "bigint", "decimal");
    private static final Set<String> GLAUX_FLOATING = Set.of("double", "real", "float");

    static Answer failed(String error) {
        return new Answer(List.of(), error);
    }

    /** Glaux's rows: the texts of its result object, read back by their column types. */
    static Answer fromGlaux(QueryResults results) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> row : results.rows()) {
            List<Object> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(glauxCell(row.get(i), results.columns().get(i)));
            }
            rows.add(cells);
        }
        return new Answer(rows, null);
    }

    private static Object glauxCell(String text, ColumnInfo column) {
        if (text == null) {
            return null;
        }
        String type = column.type().toLowerCase(java.util.Locale.ROOT);
        if (GLAUX_NUMERIC.contains(type)) {
            return new BigDecimal(text);
        }
        if (GLAUX_FLOATING.contains(type)) {
            return Double.parseDouble(text);
        }
        return text;
    }

    /** DuckDB's rows, each value formatted as Athena prints it. */
    static Answer fromDuckDb(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
            List<Object> cells = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = result.getObject(i);
                cells.add(value == null ? null : duckDbCell(value));
            }
            rows.add(cells);
        }
        return new Answer(rows, null);
    }

    private static Object duckDbCell(Object value) throws SQLException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return text(value);
    }

    /** A DuckDB value (scalar or nested) as Athena prints it. */
    private static String text(Object value) throws SQLException {
        if (value == null) {
            return "null";
        }
        if (value instanceof LocalDate || value instanceof java.sql.Date) {
            return value instanceof java.sql.Date d ? d.toLocalDate().toString() : value.toString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().format(TIMESTAMP);
        }
        if (value instanceof LocalDateTime t) {
            return t.format(TIMESTAMP);
        }
        if (value instanceof Array array) {
            Object[] elements = (Object[]) array.getArray();
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < elements.length; i++) {
                out.append(i == 0 ? "" : ", ").append(text(elements[i]));
            }
            return out.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ", ").append(text(entry.getKey())).append('=').append(text(entry.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    boolean failed() {
        return error != null;
    }

    /**
     * Whether this answer and {@code other} hold the same rows: in the same order when {@code ordered}, else as
     * multisets (both sorted by a key in which doubles are rounded to 8 significant digits, then compared row by row
     * with the tolerance). Two errors agree whatever their texts.
     */
    boolean agreesWith(Answer other, boolean ordered) {
        if (failed() || other.failed()) {
            return failed() && other.failed();
        }
        if (rows.size() != other.rows.size()) {
            return false;
        }
        List<List<Object>> mine = ordered ? rows : sorted(rows);
        List<List<Object>> theirs = ordered ? other.rows : sorted(other.rows);
        for (int r = 0; r < mine.size(); r++) {
            List<Object> a = mine.get(r);
            List<Object> b = theirs.get(r);
            if (a.size() != b.size()) {
                return false;
            }
            for (int c = 0; c < a.size(); c++) {
                if (!cellsAgree(a.get(c), b.get(c))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean cellsAgree(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (a instanceof Double || b instanceof Double) {
                double p = x.doubleValue();
                double q = y.doubleValue();
                if (Double.isNaN(p) || Double.isNaN(q) || Double.isInfinite(p) || Double.isInfinite(q)) {
                    return Double.compare(p, q) == 0;
                }
                return Math.abs(p - q) <= RELATIVE * Math.max(Math.abs(p), Math.abs(q));
            }
            return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        }
        return a.equals(b);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Answer::sortKey));
        return copy;
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object cell : row) {
            if (cell == null) {
                key.append("\u0000N");
            } else if (cell instanceof Double d) {
                key.append(Double.isFinite(d) ? new BigDecimal(d).round(new MathContext(8)).stripTrailingZeros()
                        .toPlainString() : d.toString());
            } else if (cell instanceof BigDecimal d) {
                key.append(d.round(new MathContext(8)).stripTrailingZeros().toPlainString());
            } else {
                key.append(cell);
            }
            key.append('\u0001');
        }
        return key.toString();
    }

    /** The answer as text for the report: at most {@code limit} rows. */
    String describe(int limit) {
        if (failed()) {
            return "ERROR " + error;
        }
        StringBuilder out = new StringBuilder(rows.size() + " rows");
        for (int r = 0; r < Math.min(limit, rows.size()); r++) {
            out.append("\n      ").append(rows.get(r));
        }
        if (rows.size() > limit) {
            out.append("\n      ...");
        }
        return out.toString();
    }
}
