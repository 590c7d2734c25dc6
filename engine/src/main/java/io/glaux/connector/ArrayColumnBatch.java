package io.glaux.connector;

import java.util.List;

/** A batch held as one array of values per column, each with {@code rowCount} entries. */
public record ArrayColumnBatch(int rowCount, List<Object[]> columns) implements ColumnBatch {

    public ArrayColumnBatch {
        columns = List.copyOf(columns);
        for (Object[] column : columns) {
            if (column.length < rowCount) {
                throw new IllegalArgumentException("A column has " + column.length + " values for " + rowCount
                        + " rows");
            }
        }
    }

    @Override
    public int columnCount() {
        return columns.size();
    }

    @Override
    public Object value(int column, int row) {
        return columns.get(column)[row];
    }
}
