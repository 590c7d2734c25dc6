package io.glaux.connectors.federation;

import io.glaux.connector.ColumnBatch;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * A batch read straight from Arrow vectors: values are converted to the engine's forms as they are read. It is
 * readable until its reader moves on or closes, which releases the vectors.
 */
final class ArrowColumnBatch implements ColumnBatch {

    private final int rowCount;
    private final ArrowValues.Reader[] columns;

    /** @param columns the root's vectors by the position of the requested column (a vector may repeat) */
    ArrowColumnBatch(VectorSchemaRoot root, List<Integer> columns) {
        this.rowCount = root.getRowCount();
        this.columns = new ArrowValues.Reader[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            this.columns[i] = ArrowValues.reader(root.getVector(columns.get(i)));
        }
    }

    @Override
    public int rowCount() {
        return rowCount;
    }

    @Override
    public int columnCount() {
        return columns.length;
    }

    @Override
    public Object value(int column, int row) {
        return columns[column].read(row);
    }
}
