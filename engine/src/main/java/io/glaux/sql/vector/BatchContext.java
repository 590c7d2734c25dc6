package io.glaux.sql.vector;

/**
 * One batch being processed by one worker: the column views it has opened so far (each opened once per batch) and
 * the worker's scratch arrays.
 */
public final class BatchContext {

    private final ColumnarData data;
    private final ValueKind[] kinds;
    private final Scratch scratch;
    private final ColumnView[] views;
    private int batch = -1;
    private long[] groupRowCounts;

    public BatchContext(ColumnarData data, Scratch scratch) {
        this.data = data;
        this.scratch = scratch;
        this.kinds = new ValueKind[data.columns().size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = ValueKind.of(data.columns().get(i).type());
        }
        this.views = new ColumnView[kinds.length];
    }

    /** Moves to another batch; views of the previous one are dropped. */
    public void moveTo(int nextBatch) {
        if (nextBatch != batch) {
            batch = nextBatch;
            java.util.Arrays.fill(views, null);
        }
    }

    public int batch() {
        return batch;
    }

    public int rowCount() {
        return data.rowCount(batch);
    }

    public ColumnarData data() {
        return data;
    }

    /**
     * Rows of the current selection per group ordinal, when the aggregation has counted them for this batch (so
     * COUNTs over columns without NULLs add per group instead of per row); null otherwise.
     */
    public long[] groupRowCounts() {
        return groupRowCounts;
    }

    void groupRowCounts(long[] counts) {
        this.groupRowCounts = counts;
    }

    public Scratch scratch() {
        return scratch;
    }

    public ColumnView column(int column) {
        ColumnView view = views[column];
        if (view == null) {
            view = new ColumnView(data, batch, column, kinds[column]);
            views[column] = view;
        }
        return view;
    }
}
