package io.glaux.spice;

import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct values of one string column across all batches of a dataset version (one global dictionary per
 * column, so ids mean the same in every batch and the IPC file holds each dictionary once). While a version is built
 * it maps strings to ids; once built it only decodes ids.
 */
final class StringDictionary implements AutoCloseable {

    private final long id;
    private VarCharVector values;
    private Map<String, Integer> ids = new HashMap<>();
    private String[] decoded;

    StringDictionary(long id, String columnName, BufferAllocator allocator) {
        this.id = id;
        this.values = new VarCharVector(columnName + ".dictionary", FieldType.nullable(ArrowType.Utf8.INSTANCE),
                allocator);
        values.allocateNew();
    }

    /** Wraps a dictionary read back from an IPC file (taking ownership of its vector). */
    StringDictionary(long id, VarCharVector loaded) {
        this.id = id;
        this.values = loaded;
        this.ids = null;
    }

    static DictionaryEncoding encoding(long id) {
        return new DictionaryEncoding(id, false, ColumnLayout.DICTIONARY_INDEX_TYPE);
    }

    long id() {
        return id;
    }

    /** The id of {@code value}, adding it when new. */
    int idOf(String value) {
        Integer known = ids.get(value);
        if (known != null) {
            return known;
        }
        int next = ids.size();
        values.setSafe(next, value.getBytes(StandardCharsets.UTF_8));
        values.setValueCount(next + 1);
        ids.put(value, next);
        return next;
    }

    /**
     * Stops accepting values; the string-to-id map is dropped and ids decode from a string table. The values move to
     * a vector of exactly their size (the growing one doubled its buffers as it filled).
     */
    void freeze() {
        if (ids == null) {
            return;
        }
        ids = null;
        int count = values.getValueCount();
        long bytes = count == 0 ? 0 : values.getEndOffset(count - 1);
        VarCharVector exact = new VarCharVector(values.getField(), values.getAllocator());
        try {
            exact.allocateNew(Math.max(bytes, 1), Math.max(count, 1));
            for (int i = 0; i < count; i++) {
                exact.set(i, values.get(i));
            }
            exact.setValueCount(count);
        } catch (RuntimeException e) {
            exact.close();
            throw e;
        }
        values.close();
        values = exact;
    }

    String value(int id) {
        String[] table = decoded;
        if (table == null) {
            table = decodeAll();
        }
        return table[id];
    }

    /** All values, index = id (shared; callers must not modify it). */
    String[] values() {
        String[] table = decoded;
        return table != null ? table : decodeAll();
    }

    private synchronized String[] decodeAll() {
        if (decoded == null) {
            String[] table = new String[values.getValueCount()];
            for (int i = 0; i < table.length; i++) {
                table[i] = new String(values.get(i), StandardCharsets.UTF_8);
            }
            decoded = table;
        }
        return decoded;
    }

    int size() {
        return values.getValueCount();
    }

    Dictionary asArrowDictionary() {
        return new Dictionary(values, encoding(id));
    }

    @Override
    public void close() {
        values.close();
    }
}
