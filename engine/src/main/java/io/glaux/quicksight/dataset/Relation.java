package io.glaux.quicksight.dataset;

import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.expression.Column;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A logical table after some of its steps: a SELECT whose column aliases are the names of {@code fields}, in order.
 * Names are unique ignoring case, as Athena's column names are.
 */
record Relation(String sql, List<Field> fields) {

    Relation {
        fields = List.copyOf(fields);
    }

    /** A relation whose fields are checked for duplicate names; {@code where} names the step for the message. */
    static Relation of(String sql, List<Field> fields, String where) {
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (key(f.name()).equals(Sql.CAST_FAILED)) {
                throw QuickSightException.invalid(where + ": the column name '" + f.name() + "' is Glaux's own");
            }
            if (!seen.add(key(f.name()))) {
                throw QuickSightException.invalid(where + ": duplicate column name '" + f.name()
                        + "'; column names must be unique in a table");
            }
        }
        return new Relation(sql, fields);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    Field require(String name, String where) {
        return field(name).orElseThrow(() -> QuickSightException.invalid(where + ": column '" + name
                + "' does not exist; the columns are " + fields.stream().map(Field::name)
                .collect(Collectors.joining(", "))));
    }

    /** The columns an expression over this relation may name, read from a subquery aliased {@code qualifier}. */
    Map<String, Column> columns(String qualifier) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Field f : fields) {
            columns.put(f.name(), new Column(Sql.identifier(qualifier) + "." + Sql.identifier(f.name()), f.type()));
        }
        return columns;
    }
}
