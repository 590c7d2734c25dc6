package io.glaux.spice;

import io.glaux.sql.scan.ScanContext;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.linq4j.Enumerator;

/** Reads a version's rows (the chosen columns) batch after batch; releases the version when closed. */
final class SpiceRowEnumerator implements Enumerator<Object[]> {

    private static final int CANCEL_CHECK_ROWS = 4096;

    private final SpiceVersion version;
    private final int[] columns;
    private final ScanContext context;
    private int batchIndex;
    private int row = -1;
    private Object[] current;
    private boolean closed;

    /** @param version retained for this enumerator, or null for a dataset without data (no rows) */
    SpiceRowEnumerator(SpiceVersion version, int[] columns, ScanContext context) {
        this.version = version;
        this.columns = columns;
        this.context = context;
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public boolean moveNext() {
        if (version == null || closed) {
            return false;
        }
        while (batchIndex < version.batches().size()) {
            VectorSchemaRoot batch = version.batches().get(batchIndex);
            if (++row < batch.getRowCount()) {
                if ((row & (CANCEL_CHECK_ROWS - 1)) == 0) {
                    context.checkCancelled();
                }
                Object[] values = new Object[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    values[i] = version.value(batch, columns[i], row);
                }
                current = values;
                return true;
            }
            batchIndex++;
            row = -1;
        }
        return false;
    }

    @Override
    public void reset() {
        batchIndex = 0;
        row = -1;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (version != null) {
                version.release();
            }
        }
    }
}
