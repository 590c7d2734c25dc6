package io.glaux.sql.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ORDER BY ... LIMIT n (with OFFSET) over a filtered scan without sorting everything: each worker keeps the best
 * {@code offset + fetch} rows of its batches in a bounded heap of row ids, compared on the sort columns' primitive
 * values (strings by their rank in the dictionary's sorted order); the heaps are merged, sorted, and only the
 * surviving rows are materialized. Equal keys keep scan order, like a stable sort of the scan.
 */
public final class TopN {

    /** One ORDER BY column. */
    public record SortKey(int column, boolean descending, boolean nullsFirst) {
    }

    private final ColumnarData data;
    private final RowFilter filter;
    private final SortKey[] keys;
    private final long offset;
    private final int limit;
    private final List<Projection> output;
    private final ColumnView[][] views;
    private final int[][] ranks;
    private final boolean[] asDouble;

    /** {@code fetch + offset} must fit an int; the plan only chooses this operator for small limits. */
    public TopN(ColumnarData data, RowFilter filter, List<SortKey> keys, long offset, long fetch,
                List<Projection> output) {
        this.data = data;
        this.filter = filter;
        this.keys = keys.toArray(SortKey[]::new);
        this.offset = offset;
        this.limit = Math.toIntExact(offset + fetch);
        this.output = List.copyOf(output);
        this.views = new ColumnView[data.batchCount()][this.keys.length];
        this.ranks = new int[this.keys.length][];
        this.asDouble = new boolean[this.keys.length];
        for (int k = 0; k < this.keys.length; k++) {
            int column = this.keys[k].column();
            ValueKind kind = ValueKind.of(data.columns().get(column).type());
            asDouble[k] = kind.isDouble();
            for (int batch = 0; batch < views.length; batch++) {
                views[batch][k] = new ColumnView(data, batch, column, kind);
            }
            String[] dictionary = data.dictionaryValues(column);
            if (dictionary != null) {
                ranks[k] = DictionaryOrder.ranks(dictionary);
            }
        }
    }

    public List<Object[]> run(ParallelScan scan) {
        if (limit == 0) {
            return List.of();
        }
        List<Heap> heaps = scan.run(data, Heap::new);
        int total = 0;
        for (Heap heap : heaps) {
            total += heap.size;
        }
        Long[] candidates = new Long[total];
        int next = 0;
        for (Heap heap : heaps) {
            for (int i = 0; i < heap.size; i++) {
                candidates[next++] = heap.storage[i];
            }
        }
        Arrays.sort(candidates, (a, b) -> compare(a, b));
        List<Object[]> rows = new ArrayList<>();
        Materializer materializer = new Materializer();
        for (int i = (int) Math.min(offset, total); i < total && rows.size() < limit - offset; i++) {
            rows.add(materializer.row(candidates[i]));
        }
        return rows;
    }

    /** Orders row ids (batch in the high half, row in the low half) by the sort keys, then by position. */
    private int compare(long left, long right) {
        int leftBatch = (int) (left >>> 32);
        int leftRow = (int) left;
        int rightBatch = (int) (right >>> 32);
        int rightRow = (int) right;
        for (int k = 0; k < keys.length; k++) {
            ColumnView a = views[leftBatch][k];
            ColumnView b = views[rightBatch][k];
            boolean aNull = a.isNull(leftRow);
            boolean bNull = b.isNull(rightRow);
            if (aNull || bNull) {
                if (aNull && bNull) {
                    continue;
                }
                return aNull == keys[k].nullsFirst() ? -1 : 1;
            }
            int order;
            if (asDouble[k]) {
                order = Double.compare(a.getDouble(leftRow), b.getDouble(rightRow));
            } else if (ranks[k] != null) {
                order = Integer.compare(ranks[k][(int) a.getLong(leftRow)], ranks[k][(int) b.getLong(rightRow)]);
            } else {
                order = Long.compare(a.getLong(leftRow), b.getLong(rightRow));
            }
            if (order != 0) {
                return keys[k].descending() ? -order : order;
            }
        }
        return Long.compare(left, right);
    }

    /** A bounded max-heap: the worst kept row on top, replaced whenever a better row arrives. */
    private final class Heap implements ParallelScan.Worker {
        private long[] storage = new long[Math.min(limit, 1 << 16)];
        private int size;

        @Override
        public void process(BatchContext batch) {
            Scratch scratch = batch.scratch();
            int[] rows = scratch.borrowInts();
            try {
                int count = filter.applyAll(batch, rows, batch.rowCount());
                long high = (long) batch.batch() << 32;
                for (int i = 0; i < count; i++) {
                    offer(high | rows[i]);
                }
            } finally {
                scratch.release(rows);
            }
        }

        private void offer(long id) {
            if (size < limit) {
                if (size == storage.length) {
                    storage = Arrays.copyOf(storage, (int) Math.min(limit, storage.length * 2L));
                }
                storage[size] = id;
                siftUp(size++);
            } else if (compare(id, storage[0]) < 0) {
                storage[0] = id;
                siftDown(0);
            }
        }

        private void siftUp(int index) {
            long id = storage[index];
            while (index > 0) {
                int parent = (index - 1) >>> 1;
                if (compare(id, storage[parent]) <= 0) {
                    break;
                }
                storage[index] = storage[parent];
                index = parent;
            }
            storage[index] = id;
        }

        private void siftDown(int index) {
            long id = storage[index];
            while (true) {
                int child = 2 * index + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && compare(storage[child + 1], storage[child]) > 0) {
                    child++;
                }
                if (compare(id, storage[child]) >= 0) {
                    break;
                }
                storage[index] = storage[child];
                index = child;
            }
            storage[index] = id;
        }
    }

    /** Builds the output row of one row id. */
    private final class Materializer {
        private final BatchContext context = new BatchContext(data, new Scratch(1));
        private final int[] one = new int[1];

        Object[] row(long id) {
            context.moveTo((int) (id >>> 32));
            one[0] = (int) id;
            Object[][] values = new Object[1][output.size()];
            for (int p = 0; p < output.size(); p++) {
                output.get(p).fill(context, one, 1, values, p);
            }
            return values[0];
        }
    }
}
