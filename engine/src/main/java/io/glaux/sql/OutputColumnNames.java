package io.glaux.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Trino's names for a query's output columns. An output expression without a name is called {@code _col<i>}, where
 * {@code i} is its position among all output columns ({@code SELECT 1, count(*) AS n, 2} gives {@code _col0},
 * {@code n}, {@code _col2}); Calcite's validator calls it {@code EXPR$<i>}. Whether a column was named is kept
 * beside the name, because CTAS and CREATE VIEW refuse unnamed columns while a column the query itself calls
 * {@code _col0} is named.
 *
 * <p>The one case this cannot tell apart is an alias spelled like Calcite's own names ({@code AS "EXPR$0"}), which is
 * taken as unnamed.
 */
record OutputColumnNames(List<String> names, List<Boolean> named) {

    private static final Pattern GENERATED = Pattern.compile("EXPR\\$\\d+");

    OutputColumnNames {
        names = List.copyOf(names);
        named = List.copyOf(named);
    }

    /** The names of the validated row type's fields as Trino gives them. */
    static OutputColumnNames of(RelDataType rowType) {
        List<String> names = new ArrayList<>();
        List<Boolean> named = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            boolean generated = GENERATED.matcher(field.getName()).matches();
            names.add(generated ? "_col" + field.getIndex() : field.getName());
            named.add(!generated);
        }
        return new OutputColumnNames(names, named);
    }
}
