package io.glaux.quicksight.dataset;

import java.util.List;
import java.util.stream.Collectors;

/** SQL text helpers: quoting and the one statement shape every step writes. */
final class Sql {

    /** The alias the compiler gives the subquery a step reads. */
    static final String INPUT = "t";
    /**
     * A column every step carries after the dataset's own: whether a value of the row failed its InputColumn's cast
     * (read as NULL). A SPICE ingestion drops such rows and counts them in RowsDropped, as QuickSight does.
     */
    static final String CAST_FAILED = "__glaux_cast_failed";

    private Sql() {
    }

    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** {@code SELECT expr AS "name", ..., "t"."__glaux_cast_failed" FROM (input) AS "t"[ WHERE condition]}. */
    static String select(List<String> expressions, List<String> names, String input, String condition) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < names.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(expressions.get(i)).append(" AS ").append(identifier(names.get(i)));
        }
        sql.append(names.isEmpty() ? "" : ", ").append(identifier(INPUT)).append('.').append(identifier(CAST_FAILED))
                .append(" AS ").append(identifier(CAST_FAILED));
        sql.append(" FROM (").append(input).append(") AS ").append(identifier(INPUT));
        if (condition != null) {
            sql.append(" WHERE ").append(condition);
        }
        return sql.toString();
    }

    /** The fields of a relation read unchanged from its subquery. */
    static List<String> passThrough(List<Field> fields) {
        return fields.stream().map(f -> identifier(INPUT) + "." + identifier(f.name())).collect(Collectors.toList());
    }
}
