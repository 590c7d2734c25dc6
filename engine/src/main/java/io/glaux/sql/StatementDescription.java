package io.glaux.sql;

import java.util.List;

/**
 * What DESCRIBE OUTPUT and DESCRIBE INPUT tell of a prepared query without running it: its output columns (with the
 * table column each comes from, if any) and the types of its {@code ?} placeholders, in order.
 *
 * @param outputs the result columns, named as the query's results are ({@code _col0} for unnamed ones)
 * @param parameterTypes Trino's type name for each placeholder, {@code unknown} when nothing determines it
 */
public record StatementDescription(List<Output> outputs, List<String> parameterTypes) {

    public StatementDescription {
        outputs = List.copyOf(outputs);
        parameterTypes = List.copyOf(parameterTypes);
    }

    /**
     * One output column: catalog, schema and table are empty unless the column is a table's column as it is;
     * {@code aliased} when the query names it with AS.
     */
    public record Output(String name, String catalog, String schema, String table, String type, long typeSize,
                         boolean aliased) {
    }
}
