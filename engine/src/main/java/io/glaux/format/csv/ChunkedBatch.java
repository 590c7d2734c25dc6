package io.glaux.format.csv;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of the batch a text batch reader is building, decoded a chunk of rows at a time: the reader stages at
 * most {@link #CHUNK_ROWS} rows' fields into its buffers, hands them to {@link #decode}, and stages the next chunk
 * into the same buffers. The staged text and its field bounds then stay small enough to be still in the processor's
 * cache when each column is parsed from them, where staging a whole batch (64 K rows of a wide table: megabytes of
 * text and bounds) sent both out to memory and back.
 */
final class ChunkedBatch {

    /** Rows staged and decoded at a time. */
    static final int CHUNK_ROWS = 2048;

    private final BatchColumn[] columns;
    private final BufferAllocator allocator;
    /** Rows a batch's vectors are first allocated for: the size of the batch before, at first one chunk. */
    private int expected;
    private int rows;
    private boolean open;

    ChunkedBatch(BatchColumn[] columns, BufferAllocator allocator, int maxRows) {
        this.columns = columns;
        this.allocator = allocator;
        this.expected = Math.min(maxRows, CHUNK_ROWS);
    }

    /** Rows decoded into the batch so far. */
    int rows() {
        return rows;
    }

    /**
     * Decodes a chunk of {@code count} staged rows into the batch, after the rows decoded before (see
     * {@link BatchColumn#decode}): column i's fields of chunk row r are at [starts[i][r], ends[i][r]) of {@code text}.
     *
     * @param unreadable per row of the batch, or null ({@link BatchColumn#decode})
     */
    void decode(byte[] text, int[][] starts, int[][] ends, int count, boolean[] unreadable) {
        if (!open) {
            open = true;
            for (BatchColumn column : columns) {
                column.open(allocator, expected);
            }
        }
        for (int i = 0; i < columns.length; i++) {
            columns[i].decode(text, starts[i], ends[i], count, rows, unreadable);
        }
        rows += count;
    }

    /** The batch's vectors, one per column, holding the rows decoded; the next batch starts empty. */
    List<FieldVector> finish() {
        List<FieldVector> vectors = new ArrayList<>(columns.length);
        try {
            for (BatchColumn column : columns) {
                vectors.add(column.finish(rows));
            }
        } catch (RuntimeException | Error e) {
            vectors.forEach(FieldVector::close);
            abandon();
            throw e;
        }
        expected = Math.max(rows, 1);
        rows = 0;
        open = false;
        return vectors;
    }

    /** Drops the batch being built, closing its vectors (its reading failed). */
    void abandon() {
        for (BatchColumn column : columns) {
            column.abandon();
        }
        rows = 0;
        open = false;
    }
}
