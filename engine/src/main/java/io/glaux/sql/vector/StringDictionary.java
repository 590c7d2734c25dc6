package io.glaux.sql.vector;

import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.nio.charset.StandardCharsets;

/**
 * The distinct values of one string column across all batches of a dataset version (one global dictionary per
 * column, so ids mean the same in every batch and the IPC file holds each dictionary once). While a version is built
 * it maps values to ids with an open-addressing table over the UTF-8 bytes already stored (no String per value);
 * once built ({@link #freeze()}) it only decodes ids, from a {@link VarCharVector} of exactly its values.
 *
 * <p>Looking a value up is the hot loop of a columnar import (every string of every row of a text or Athena result
 * object, every distinct string of a Parquet column chunk), so while building: the values' bytes and offsets are
 * appended to buffers of this dictionary's own (doubled when full, no per-value vector bookkeeping); a value is
 * hashed 8 bytes at a time into 64 well-mixed bits; the table is one {@code long} per slot holding 32 bits of that
 * hash beside the id, so a probe reads one array element and the stored bytes are only compared when 32 hash bits
 * match (a true match, short of a 1 in 2<sup>32</sup> accident); and the comparison runs over 8-byte words. All
 * Arrow memory comes from the allocator given, and {@link #close()} frees it.
 */
public final class StringDictionary implements AutoCloseable {

    private static final int INITIAL_VALUES = 512;
    private static final long INITIAL_BYTES = 8 * 1024;

    private final long id;
    private final BufferAllocator allocator;
    private final Field field;
    /** Null until frozen (or when loaded). */
    private VarCharVector values;
    /** While building: the values' UTF-8 bytes back to back, and per id its start (id + 1: its end); else null. */
    private ArrowBuf data;
    private ArrowBuf offsets;
    /** Where the bytes and the int32 offsets are, building or frozen (so reading ids works the same in both). */
    private long dataAddress;
    private long offsetsAddress;
    private int count;
    private long bytes;
    /**
     * Slot -> (hash's 32 bits &lt;&lt; 32) | (id + 1), 0 when empty; null once frozen. Its length is a power of two, at
     * most half full; a value's first slot is its hash's low bits.
     */
    private long[] slots;
    /** Where {@link #idOf(String)} puts a value's bytes to look them up. */
    private ArrowBuf scratch;
    private String[] decoded;

    public StringDictionary(long id, String columnName, BufferAllocator allocator) {
        this.id = id;
        this.allocator = allocator;
        this.field = new Field(columnName + ".dictionary", FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
        this.slots = new long[INITIAL_VALUES * 2];
        ArrowBuf startOffsets = allocator.buffer((INITIAL_VALUES + 1) * 4L);
        try {
            this.data = allocator.buffer(INITIAL_BYTES);
        } catch (RuntimeException e) {
            startOffsets.close();
            throw e;
        }
        this.offsets = startOffsets;
        this.dataAddress = data.memoryAddress();
        this.offsetsAddress = offsets.memoryAddress();
        MemoryUtil.putInt(offsetsAddress, 0);
    }

    /** Wraps a dictionary read back from an IPC file (taking ownership of its vector). */
    public StringDictionary(long id, VarCharVector loaded) {
        this.id = id;
        this.allocator = loaded.getAllocator();
        this.field = loaded.getField();
        this.values = loaded;
        this.count = loaded.getValueCount();
        this.bytes = count == 0 ? 0 : loaded.getEndOffset(count - 1);
        this.dataAddress = loaded.getDataBuffer().memoryAddress();
        this.offsetsAddress = loaded.getOffsetBuffer().memoryAddress();
    }

    public static DictionaryEncoding encoding(long id) {
        return new DictionaryEncoding(id, false, ColumnLayout.DICTIONARY_INDEX_TYPE);
    }

    public long id() {
        return id;
    }

    /** The id of {@code value}, adding it when new. */
    public int idOf(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (scratch == null || scratch.capacity() < utf8.length) {
            closeScratch();
            scratch = allocator.buffer(Math.max(64, Long.highestOneBit(Math.max(1, utf8.length)) << 1));
        }
        scratch.setBytes(0, utf8);
        return idOf(scratch.memoryAddress(), utf8.length);
    }

    /** The id of the UTF-8 value in {@code length} bytes of {@code data} from {@code start}, adding it when new. */
    public int idOf(ArrowBuf data, long start, int length) {
        data.checkBytes(start, start + length);
        return idOf(data.memoryAddress() + start, length);
    }

    /**
     * The id of the {@code length} bytes at {@code address}, adding them when new (then they must not lie in this
     * dictionary's own buffers, which adding may move).
     */
    private int idOf(long address, int length) {
        long[] table = slots;
        if (table == null) {
            throw new IllegalStateException("The dictionary is frozen: it takes no more values");
        }
        int hash = hash(address, length);
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0) {
                return add(address, length, hash, slot);
            }
            if ((int) (entry >>> 32) == hash) {
                int known = (int) entry - 1;
                long from = startOf(known);
                if (endOf(known) - from == length && equal(dataAddress + from, address, length)) {
                    return known;
                }
            }
        }
    }

    private int add(long address, int length, int hash, int slot) {
        int next = count;
        if (bytes + length > data.capacity()) {
            data = larger(data, bytes, bytes + length);
            dataAddress = data.memoryAddress();
        }
        if ((next + 2) * 4L > offsets.capacity()) {
            offsets = larger(offsets, (next + 1) * 4L, (next + 2) * 4L);
            offsetsAddress = offsets.memoryAddress();
        }
        MemoryUtil.copyMemory(address, dataAddress + bytes, length);
        bytes += length;
        MemoryUtil.putInt(offsetsAddress + (next + 1) * 4L, (int) bytes);
        count = next + 1;
        decoded = null;
        slots[slot] = ((long) hash << 32) | (next + 1);
        if (count * 2 > slots.length) {
            grow();
        }
        return next;
    }

    /** A buffer of at least {@code needed} bytes (twice the old one's when that is enough) holding its first bytes. */
    private ArrowBuf larger(ArrowBuf buffer, long used, long needed) {
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalStateException("A string dictionary holds at most 2 GiB of values");
        }
        ArrowBuf moved = allocator.buffer(Math.min(Integer.MAX_VALUE, Math.max(needed, buffer.capacity() * 2)));
        MemoryUtil.copyMemory(buffer.memoryAddress(), moved.memoryAddress(), used);
        buffer.close();
        return moved;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        int mask = larger.length - 1;
        for (long entry : slots) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (larger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                larger[slot] = entry;
            }
        }
        slots = larger;
    }

    private long startOf(int known) {
        return MemoryUtil.getInt(offsetsAddress + known * 4L);
    }

    private long endOf(int known) {
        return MemoryUtil.getInt(offsetsAddress + (known + 1) * 4L);
    }

    /**
     * 32 bits of a 64-bit hash of the bytes, read as 8-byte words (the last one ending at the last byte, so it may
     * overlap the one before); shorter values as the words {@link #word} makes of them. The length seeds it.
     */
    static int hash(long address, int length) {
        long h = length * 0x9E3779B97F4A7C15L;
        if (length >= Long.BYTES) {
            long last = address + length - Long.BYTES;
            for (long at = address; at < last; at += Long.BYTES) {
                h = step(h, MemoryUtil.getLong(at));
            }
            h = step(h, MemoryUtil.getLong(last));
        } else if (length > 0) {
            h = step(h, word(address, length));
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private static long step(long h, long word) {
        return Long.rotateLeft(h ^ word * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
    }

    /**
     * A value of 1 to 7 bytes as one word that differs for any two values of that length: two 4-byte reads that
     * overlap from 4 bytes on, else its first, middle and last bytes (all of them at 3 bytes or fewer).
     */
    private static long word(long address, int length) {
        if (length >= Integer.BYTES) {
            return (MemoryUtil.getInt(address) & 0xFFFFFFFFL) << 32
                    | MemoryUtil.getInt(address + length - Integer.BYTES) & 0xFFFFFFFFL;
        }
        return (MemoryUtil.getByte(address) & 0xFFL) << 16
                | (MemoryUtil.getByte(address + (length >> 1)) & 0xFFL) << 8
                | MemoryUtil.getByte(address + length - 1) & 0xFFL;
    }

    /** Whether the {@code length} bytes at two addresses are the same, compared a word at a time. */
    private static boolean equal(long left, long right, int length) {
        if (length >= Long.BYTES) {
            int last = length - Long.BYTES;
            for (int at = 0; at < last; at += Long.BYTES) {
                if (MemoryUtil.getLong(left + at) != MemoryUtil.getLong(right + at)) {
                    return false;
                }
            }
            return MemoryUtil.getLong(left + last) == MemoryUtil.getLong(right + last);
        }
        return length == 0 || word(left, length) == word(right, length);
    }

    /**
     * The id in {@code target} of each of this dictionary's values (index = id here), adding those it lacks: how
     * dictionaries built apart (one per reading thread) become one.
     */
    public int[] idsIn(StringDictionary target) {
        int[] ids = new int[count];
        for (int known = 0; known < count; known++) {
            long start = startOf(known);
            ids[known] = target.idOf(dataAddress + start, (int) (endOf(known) - start));
        }
        return ids;
    }

    /**
     * Stops accepting values; the lookup table is dropped and ids decode from a vector of exactly the values' size
     * (the building buffers doubled as they filled).
     */
    public void freeze() {
        if (slots == null) {
            return;
        }
        slots = null;
        closeScratch();
        VarCharVector exact = new VarCharVector(field, allocator);
        try {
            exact.allocateNew(Math.max(bytes, 1), Math.max(count, 1));
            MemoryUtil.copyMemory(dataAddress, exact.getDataBuffer().memoryAddress(), bytes);
            MemoryUtil.copyMemory(offsetsAddress, exact.getOffsetBuffer().memoryAddress(), (count + 1) * 4L);
            ArrowBuf validity = exact.getValidityBuffer();
            validity.setOne(0, count / 8);
            if (count % 8 != 0) {
                validity.setByte(count / 8, (1 << (count % 8)) - 1);
            }
            exact.setLastSet(count - 1);
            exact.setValueCount(count);
        } catch (RuntimeException e) {
            exact.close();
            throw e;
        }
        closeBuilding();
        values = exact;
        dataAddress = exact.getDataBuffer().memoryAddress();
        offsetsAddress = exact.getOffsetBuffer().memoryAddress();
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
            String[] table = new String[count];
            byte[] utf8 = new byte[0];
            for (int i = 0; i < table.length; i++) {
                long start = startOf(i);
                int length = (int) (endOf(i) - start);
                if (utf8.length < length) {
                    utf8 = new byte[Math.max(length, utf8.length * 2)];
                }
                MemoryUtil.copyFromMemory(dataAddress + start, utf8, 0, length);
                table[i] = new String(utf8, 0, length, StandardCharsets.UTF_8);
            }
            decoded = table;
        }
        return decoded;
    }

    public int size() {
        return count;
    }

    /** The values as an Arrow dictionary (for an IPC file); freezes this dictionary first. */
    public Dictionary asArrowDictionary() {
        freeze();
        return new Dictionary(values, encoding(id));
    }

    private void closeScratch() {
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
    }

    private void closeBuilding() {
        if (data != null) {
            data.close();
            data = null;
        }
        if (offsets != null) {
            offsets.close();
            offsets = null;
        }
    }

    @Override
    public void close() {
        closeScratch();
        closeBuilding();
        if (values != null) {
            values.close();
        }
    }
}
