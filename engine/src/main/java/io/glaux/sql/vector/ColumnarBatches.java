package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.List;

/**
 * Columnar data held in memory: Arrow record batches plus one {@link StringDictionary} per string column (strings
 * are int32 ids into it), all allocated from one allocator, which {@link #free()} closes with them. A SPICE version
 * is one (kept until no reader needs it), and so is the part of a live table a vectorized query reads (kept for
 * that query). A column the holder did not read has empty vectors; the operators only open columns their query uses.
 */
public class ColumnarBatches extends RecordBatches {

    private final BufferAllocator allocator;
    private final StringDictionary[] dictionaries;

    /** Takes ownership of the batches, the dictionaries (frozen here) and the allocator they came from. */
    public ColumnarBatches(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches,
                           StringDictionary[] dictionaries) {
        super(columns, batches);
        this.allocator = allocator;
        this.dictionaries = dictionaries;
        for (StringDictionary dictionary : dictionaries) {
            if (dictionary != null) {
                dictionary.freeze();
            }
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
    public boolean[] dictionaryMatches(int column, java.util.function.Predicate<String> condition) {
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

    /** Frees the vectors, the dictionaries and the allocator. */
    protected final void free() {
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
