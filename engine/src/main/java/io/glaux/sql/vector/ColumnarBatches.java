package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Columnar data held in memory: Arrow record batches plus one {@link StringDictionary} per string column (strings
 * are int32 ids into it), all allocated from one allocator, which {@link #free()} closes with them. A SPICE version
 * is one (kept until no reader needs it), and so is the part of a live table a vectorized query reads (kept for
 * that query). A column the holder did not read has empty vectors; the operators only open columns their query uses.
 */
public class ColumnarBatches extends RecordBatches {

    private final BufferAllocator allocator;
    private final StringDictionary[] dictionaries;
    /** Per string column, whether some batch holds it as values ({@code VarCharVector}) rather than as ids. */
    private final boolean[] holdsValues;
    /** Per such column, its ids once a query has needed them (made once, freed with the data). */
    private final IdColumn[] idColumns;

    /** Takes ownership of the batches, the dictionaries (frozen here) and the allocator they came from. */
    public ColumnarBatches(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                           StringDictionary[] dictionaries) {
        this(allocator, columns, batches, dictionaries, new ColumnStats[columns.size()]);
    }

    /** As above, with the ranges the readers gave for the columns' values (null where none). */
    public ColumnarBatches(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                           StringDictionary[] dictionaries, ColumnStats[] ranges) {
        super(columns, batches, ranges);
        this.allocator = allocator;
        this.dictionaries = dictionaries;
        this.holdsValues = new boolean[columns.size()];
        this.idColumns = new IdColumn[columns.size()];
        for (int column = 0; column < dictionaries.length; column++) {
            if (dictionaries[column] != null) {
                dictionaries[column].freeze();
                for (VectorSchemaRoot batch : batches) {
                    holdsValues[column] |= batch.getVector(column) instanceof VarCharVector;
                }
            }
        }
    }

    /**
     * Whether a string column is held as values in some batch (a high-cardinality column a SPICE import kept as it
     * read it); its dictionary then holds only the values of the batches held as ids.
     */
    public boolean holdsValues(int column) {
        return holdsValues[column];
    }

    /**
     * This data as the operators that need ids read it: for each of {@code columns} held as values in some batch,
     * those batches as ids into a dictionary of all the column's values. The ids are made for the first query that
     * needs them and kept with the data (its memory grows by them); columns left out stay as they are held, for
     * filter kernels that read values ({@link RowFilters#strings}).
     */
    public ColumnarData withIds(BitSet columns) {
        IdColumn[] needed = new IdColumn[holdsValues.length];
        boolean any = false;
        for (int column = columns.nextSetBit(0); column >= 0; column = columns.nextSetBit(column + 1)) {
            if (holdsValues[column]) {
                needed[column] = idColumn(column);
                any = true;
            }
        }
        return any ? new WithIds(this, needed) : this;
    }

    /** A column's ids, made now if no query has needed them before. */
    private synchronized IdColumn idColumn(int column) {
        if (idColumns[column] != null) {
            return idColumns[column];
        }
        StringDictionary dictionary = dictionaries[column].growableCopy();
        IntVector[] ids = new IntVector[batchCount()];
        try {
            for (int batch = 0; batch < ids.length; batch++) {
                if (vector(batch, column) instanceof VarCharVector values) {
                    int rows = rowCount(batch);
                    ids[batch] = new IntVector(values.getField().getName(), allocator);
                    BatchEncoder.encode(values, ids[batch], rows, dictionary);
                    ids[batch].setValueCount(rows);
                }
            }
            dictionary.freeze();
        } catch (RuntimeException | Error e) {
            new IdColumn(dictionary, ids).close();
            throw e;
        }
        idColumns[column] = new IdColumn(dictionary, ids);
        return idColumns[column];
    }

    /** A column held partly as values, as ids: the dictionary of all its values, and the ids of each batch of values. */
    private record IdColumn(StringDictionary dictionary, IntVector[] ids) implements AutoCloseable {
        @Override
        public void close() {
            for (IntVector vector : ids) {
                if (vector != null) {
                    vector.close();
                }
            }
            dictionary.close();
        }
    }

    /** The data with some columns' batches held as values read as ids. */
    private static final class WithIds implements ColumnarData {
        private final ColumnarBatches data;
        private final IdColumn[] ids;

        WithIds(ColumnarBatches data, IdColumn[] ids) {
            this.data = data;
            this.ids = ids;
        }

        @Override
        public List<Column> columns() {
            return data.columns();
        }

        @Override
        public int batchCount() {
            return data.batchCount();
        }

        @Override
        public int rowCount(int batch) {
            return data.rowCount(batch);
        }

        @Override
        public int maxBatchRows() {
            return data.maxBatchRows();
        }

        @Override
        public FieldVector vector(int batch, int column) {
            IdColumn held = ids[column];
            return held != null && held.ids()[batch] != null ? held.ids()[batch] : data.vector(batch, column);
        }

        @Override
        public boolean hasNulls(int batch, int column) {
            return data.hasNulls(batch, column);
        }

        @Override
        public String[] dictionaryValues(int column) {
            return ids[column] != null ? ids[column].dictionary().values() : data.dictionaryValues(column);
        }

        @Override
        public StringLookup dictionaryLookup(int column) {
            return ids[column] != null ? ids[column].dictionary() : data.dictionaryLookup(column);
        }

        @Override
        public boolean[] dictionaryMatches(int column, Predicate<String> condition) {
            return ids[column] != null ? ids[column].dictionary().matches(condition)
                    : data.dictionaryMatches(column, condition);
        }

        @Override
        public Object value(int batch, int column, int row) {
            return data.value(batch, column, row);
        }

        @Override
        public ColumnStats stats(int column) {
            return data.stats(column);
        }
    }

    @Override
    public String[] dictionaryValues(int column) {
        return dictionaries[column] == null ? null : dictionaries[column].values();
    }

    /** Each id decoded when first asked for. */
    @Override
    public StringLookup dictionaryLookup(int column) {
        return dictionaries[column];
    }

    /** On the dictionary's bytes where it has not decoded its values ({@link StringDictionary#matches}). */
    @Override
    public boolean[] dictionaryMatches(int column, Predicate<String> condition) {
        return dictionaries[column].matches(condition);
    }

    @Override
    public Object value(int batch, int column, int row) {
        return value(batches().get(batch), column, row);
    }

    /** The dictionary of column {@code index}, or null when that column is not a string column. */
    public StringDictionary dictionary(int index) {
        return dictionaries[index];
    }

    /** Arrow memory held by the vectors and dictionaries. */
    public long bytes() {
        return allocator.getAllocatedMemory();
    }

    public Object value(VectorSchemaRoot batch, int column, int row) {
        FieldVector vector = batch.getVector(column);
        return ColumnCodecs.get(vector, row, columns().get(column).type(), dictionaries[column]);
    }

    /** Frees the vectors, the dictionaries, the ids made for queries and the allocator. */
    protected final void free() {
        for (int column = 0; column < idColumns.length; column++) {
            if (idColumns[column] != null) {
                idColumns[column].close();
                idColumns[column] = null;
            }
        }
        free(batches(), dictionaries, allocator);
    }

    /**
     * Frees batches and dictionaries that did not become columnar data (a read that failed), then their allocator
     * unless it is null.
     */
    public static void free(List<VectorSchemaRoot> batches, StringDictionary[] dictionaries,
                            BufferAllocator allocator) {
        batches.forEach(VectorSchemaRoot::close);
        for (int i = 0; i < dictionaries.length; i++) {
            if (dictionaries[i] != null) {
                dictionaries[i].close();
                dictionaries[i] = null;
            }
        }
        if (allocator != null) {
            allocator.close();
        }
    }
}
