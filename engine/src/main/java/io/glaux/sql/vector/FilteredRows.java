package io.glaux.sql.vector;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows passing a filter, with the chosen projections, batch after batch on the calling thread: the filter and
 * any computed columns run vectorized over each batch; only the surviving rows become row objects.
 */
public final class FilteredRows implements Iterator<Object[]> {

    private final ColumnarData data;
    private final RowFilter filter;
    private final Projection[] projections;
    private final Runnable cancelCheck;
    private final BatchContext context;
    private int nextBatch;
    private Object[][] rows = new Object[0][];
    private int position;

    public FilteredRows(ColumnarData data, RowFilter filter, List<Projection> projections, Runnable cancelCheck) {
        this.data = data;
        this.filter = filter;
        this.projections = projections.toArray(Projection[]::new);
        this.cancelCheck = cancelCheck;
        this.context = new BatchContext(data, new Scratch(data.maxBatchRows()));
    }

    @Override
    public boolean hasNext() {
        while (position >= rows.length) {
            if (nextBatch >= data.batchCount()) {
                return false;
            }
            cancelCheck.run();
            rows = materialize(nextBatch++);
            position = 0;
        }
        return true;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return rows[position++];
    }

    private Object[][] materialize(int batch) {
        context.moveTo(batch);
        Scratch scratch = context.scratch();
        int[] selected = scratch.borrowInts();
        try {
            int count = filter.applyAll(context, selected, context.rowCount());
            Object[][] result = new Object[count][projections.length];
            for (int p = 0; p < projections.length; p++) {
                projections[p].fill(context, selected, count, result, p);
            }
            return result;
        } finally {
            scratch.release(selected);
        }
    }

}
