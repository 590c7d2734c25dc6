package io.glaux.sql.vector;

import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct values of one string column across all batches of a dataset version (one global dictionary per
 * column, so ids mean the same in every batch and the IPC file holds each dictionary once). While a version is built
 * it maps values to ids with an open-addressing table over the UTF-8 bytes already stored (no String per value);
 * once built it only decodes ids.
 */
public final class StringDictionary implements AutoCloseable {

    private final long id;
    private VarCharVector values;
    /** Slot -> id + 1 (0: empty); null once frozen. Its length is a power of two, at most half full. */
    private int[] slots;
    /** Per id, the hash of its value (so growing the table does not read the values again). */
    private int[] hashes;
    /** Where {@link #idOf(String)} puts a value's bytes to look them up. */
    private ArrowBuf scratch;
    private String[] decoded;

    public StringDictionary(long id, String columnName, BufferAllocator allocator) {
        this.id = id;
        this.values = new VarCharVector(columnName + ".dictionary", FieldType.nullable(ArrowType.Utf8.INSTANCE),
                allocator);
        values.allocateNew();
        this.slots = new int[1024];
        this.hashes = new int[512];
    }

    /** Wraps a dictionary read back from an IPC file (taking ownership of its vector). */
    public StringDictionary(long id, VarCharVector loaded) {
        this.id = id;
        this.values = loaded;
    }

    public static DictionaryEncoding encoding(long id) {
        return new DictionaryEncoding(id, false, ColumnLayout.DICTIONARY_INDEX_TYPE);
    }

    public long id() {
        return id;
    }

    /** The id of {@code value}, adding it when new. */
    public int idOf(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (scratch == null || scratch.capacity() < bytes.length) {
            if (scratch != null) {
                scratch.close();
            }
            scratch = values.getAllocator().buffer(Math.max(64, Long.highestOneBit(Math.max(1, bytes.length)) << 1));
        }
        scratch.setBytes(0, bytes);
        return idOf(scratch, 0, bytes.length);
    }

    /** The id of the UTF-8 value in {@code length} bytes of {@code data} from {@code start}, adding it when new. */
    public int idOf(ArrowBuf data, long start, int length) {
        int hash = ByteFunctionHelpers.hash(data, start, start + length);
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                int next = values.getValueCount();
                values.setSafe(next, (int) start, length, data);
                values.setValueCount(next + 1);
                if (next == hashes.length) {
                    hashes = Arrays.copyOf(hashes, next * 2);
                }
                hashes[next] = hash;
                slots[slot] = next + 1;
                if ((next + 1) * 2 > slots.length) {
                    grow();
                }
                return next;
            }
            int known = entry - 1;
            if (hashes[known] == hash && equalsStored(known, data, start, length)) {
                return known;
            }
        }
    }

    /**
     * The id in {@code target} of each of this dictionary's values (index = id here), adding those it lacks: how
     * dictionaries built apart (one per reading thread) become one.
     */
    public int[] idsIn(StringDictionary target) {
        int count = values.getValueCount();
        int[] ids = new int[count];
        ArrowBuf data = values.getDataBuffer();
        for (int known = 0; known < count; known++) {
            long start = values.getStartOffset(known);
            ids[known] = target.idOf(data, start, (int) (values.getEndOffset(known) - start));
        }
        return ids;
    }

    private boolean equalsStored(int known, ArrowBuf data, long start, int length) {
        long from = values.getStartOffset(known);
        long to = values.getEndOffset(known);
        return to - from == length
                && ByteFunctionHelpers.equal(values.getDataBuffer(), from, to, data, start, start + length) == 1;
    }

    private void grow() {
        int[] larger = new int[slots.length * 2];
        int mask = larger.length - 1;
        int count = values.getValueCount();
        for (int known = 0; known < count; known++) {
            int slot = mix(hashes[known]) & mask;
            while (larger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            larger[slot] = known + 1;
        }
        slots = larger;
    }

    /** Spreads a hash's bits over the low ones the table indexes with. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * Stops accepting values; the lookup table is dropped and ids decode from a string table. The values move to
     * a vector of exactly their size (the growing one doubled its buffers as it filled).
     */
    public void freeze() {
        if (slots == null) {
            return;
        }
        slots = null;
        hashes = null;
        closeScratch();
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

    public String value(int id) {
        String[] table = decoded;
        if (table == null) {
            table = decodeAll();
        }
        return table[id];
    }

    /** All values, index = id (shared; callers must not modify it). */
    public String[] values() {
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

    public int size() {
        return values.getValueCount();
    }

    public Dictionary asArrowDictionary() {
        return new Dictionary(values, encoding(id));
    }

    private void closeScratch() {
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
    }

    @Override
    public void close() {
        closeScratch();
        values.close();
    }
}
