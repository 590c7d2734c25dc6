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
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The distinct values of one string column across all batches of a dataset version (one global dictionary per
 * column, so ids mean the same in every batch and the IPC file holds each dictionary once). While a version is built
 * it maps values to ids with an open-addressing table over the UTF-8 bytes already stored (no String per value);
 * once built ({@link #freeze()}) it only decodes ids, from a {@link VarCharVector} of exactly its values.
 *
 * <p>Looking a value up is the hot loop of a columnar import (every string of every row of a text or Athena result
 * object, every distinct string of a Parquet column chunk), and with high-cardinality columns (a comment per row) it
 * is bound by memory: each lookup lands somewhere random in a table and in the stored values, and memory touched for
 * the first time costs far more than the copy itself on virtual machines. So while building:
 * <ul>
 *   <li>each value is appended as a record (its id, its length, its bytes) to chunks of at most 1 MiB that never
 *       move (no copy when the dictionary grows; a larger value gets a chunk of its own);</li>
 *   <li>the table is one {@code long} per slot: 32 bits of a 64-bit hash (computed 8 bytes at a time) beside where
 *       the value's record is, so a probe reads one array element and a hit one record, whose bytes are only
 *       compared when the 32 hash bits match (a true match, short of a 1 in 2<sup>32</sup> accident), word by word;
 *       </li>
 *   <li>freezing copies the records' bytes once into a vector of exactly their size and frees the chunks.</li>
 * </ul>
 * All Arrow memory comes from the allocator given, and {@link #close()} frees it.
 */
public final class StringDictionary implements StringLookup, AutoCloseable {

    /** Bytes before a record's value: its id and its length, both int32. */
    private static final int HEADER = 8;
    private static final int FIRST_CHUNK = 8 * 1024;
    private static final int OFFSET_BITS = 20;
    /** The largest chunk records share; a record that fits none of this size gets a chunk of its own. */
    private static final int CHUNK = 1 << OFFSET_BITS;
    /** Chunk indexes fit the 12 bits left of a position (minus one, so a position + 1 fits 32 bits). */
    private static final int MAX_CHUNKS = (1 << (32 - OFFSET_BITS)) - 1;
    private static final int INITIAL_SLOTS = 1024;

    private final long id;
    private final BufferAllocator allocator;
    private final Field field;
    /** The values once frozen (or loaded); null while building. */
    private VarCharVector values;
    /** While building: the chunks of records, in id order, each one's address and bytes used; else null. */
    private ArrowBuf[] chunks;
    private long[] chunkAddresses;
    private int[] chunkUsed;
    private int chunkCount;
    private int count;
    /** The values' bytes, all together (records less their headers). */
    private long bytes;
    /**
     * Slot -> (hash's 32 bits &lt;&lt; 32) | (record position + 1), 0 when empty, a position being (chunk &lt;&lt; 20) |
     * offset in it; null once frozen. Its length is a power of two, at most three quarters full (a probe
     * reads neighbouring slots, mostly of one cache line); a value's first slot is its hash's low bits.
     */
    private long[] slots;
    /** Where {@link #idOf(String)} puts a value's bytes to look them up. */
    private ArrowBuf scratch;
    /** Values decoded so far (index = id; null where not yet), or null before any; {@link #allDecoded} once full. */
    private volatile String[] decoded;
    private volatile boolean allDecoded;

    public StringDictionary(long id, String columnName, BufferAllocator allocator) {
        this(id, new Field(columnName + ".dictionary", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                allocator);
    }

    private StringDictionary(long id, Field field, BufferAllocator allocator) {
        this.id = id;
        this.allocator = allocator;
        this.field = field;
        this.slots = new long[INITIAL_SLOTS];
        this.chunks = new ArrowBuf[8];
        this.chunkAddresses = new long[8];
        this.chunkUsed = new int[8];
    }

    /** Wraps a dictionary read back from an IPC file (taking ownership of its vector). */
    public StringDictionary(long id, VarCharVector loaded) {
        this.id = id;
        this.allocator = loaded.getAllocator();
        this.field = loaded.getField();
        this.values = loaded;
        this.count = loaded.getValueCount();
        this.bytes = count == 0 ? 0 : loaded.getEndOffset(count - 1);
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

    /** The id of the {@code length} bytes at {@code address}, adding them when new. */
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
                long record = recordAddress((int) entry - 1);
                if (MemoryUtil.getInt(record + Integer.BYTES) == length && equal(record + HEADER, address, length)) {
                    return MemoryUtil.getInt(record);
                }
            }
        }
    }

    private long recordAddress(int position) {
        return chunkAddresses[position >>> OFFSET_BITS] + (position & (CHUNK - 1));
    }

    private int add(long address, int length, int hash, int slot) {
        if (bytes + length > Integer.MAX_VALUE - HEADER) {
            throw new IllegalStateException("A string dictionary holds at most 2 GiB of values");
        }
        int recordSize = HEADER + length;
        int chunk = chunkCount - 1;
        // Records start below CHUNK (their offset has 20 bits): nothing follows a record of a chunk of its own.
        if (chunk < 0 || chunkUsed[chunk] + (long) recordSize > Math.min(chunks[chunk].capacity(), CHUNK)) {
            chunk = newChunk(recordSize);
        }
        int offset = chunkUsed[chunk];
        long record = chunkAddresses[chunk] + offset;
        int next = count;
        MemoryUtil.putInt(record, next);
        MemoryUtil.putInt(record + Integer.BYTES, length);
        MemoryUtil.copyMemory(address, record + HEADER, length);
        chunkUsed[chunk] = offset + recordSize;
        bytes += length;
        count = next + 1;
        decoded = null;
        allDecoded = false;
        slots[slot] = ((long) hash << 32) | (((long) chunk << OFFSET_BITS | offset) + 1);
        if (count * 4L > slots.length * 3L) {
            grow();
        }
        return next;
    }

    /**
     * Starts a chunk for a record of {@code recordSize} bytes: twice the last one's size up to {@link #CHUNK} (a small
     * dictionary stays small), or the record's own size when larger (then the next record starts another chunk).
     */
    private int newChunk(int recordSize) {
        if (chunkCount == MAX_CHUNKS) {
            throw new IllegalStateException("A string dictionary holds at most " + MAX_CHUNKS + " MiB of values");
        }
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkAddresses = Arrays.copyOf(chunkAddresses, chunkCount * 2);
            chunkUsed = Arrays.copyOf(chunkUsed, chunkCount * 2);
        }
        long size = chunkCount == 0 ? FIRST_CHUNK : Math.min(CHUNK, chunks[chunkCount - 1].capacity() * 2);
        ArrowBuf chunk = allocator.buffer(Math.max(size, recordSize));
        chunks[chunkCount] = chunk;
        chunkAddresses[chunkCount] = chunk.memoryAddress();
        chunkUsed[chunkCount] = 0;
        return chunkCount++;
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

    /** Calls {@code visitor} with each value's address and length, in id order. */
    private void forEachValue(ValueVisitor visitor) {
        if (values != null) {
            long data = values.getDataBuffer().memoryAddress();
            for (int known = 0; known < count; known++) {
                long start = values.getStartOffset(known);
                visitor.visit(known, data + start, (int) (values.getEndOffset(known) - start));
            }
            return;
        }
        int known = 0;
        for (int chunk = 0; chunk < chunkCount; chunk++) {
            long record = chunkAddresses[chunk];
            long end = record + chunkUsed[chunk];
            while (record < end) {
                int length = MemoryUtil.getInt(record + Integer.BYTES);
                visitor.visit(known++, record + HEADER, length);
                record += HEADER + length;
            }
        }
    }

    @FunctionalInterface
    private interface ValueVisitor {
        void visit(int id, long address, int length);
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
        forEachValue((known, address, length) -> ids[known] = target.idOf(address, length));
        return ids;
    }

    /**
     * A dictionary that accepts values, from the same allocator, holding this one's values under the same ids: where
     * more values join the ones a frozen dictionary holds.
     */
    public StringDictionary growableCopy() {
        StringDictionary copy = new StringDictionary(id, field, allocator);
        try {
            forEachValue((known, address, length) -> copy.idOf(address, length));
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    /**
     * Stops accepting values; the lookup table is dropped, the values' bytes move into a vector of exactly their size
     * and ids decode from it.
     */
    public void freeze() {
        if (slots == null) {
            return;
        }
        slots = null;
        closeScratch();
        VarCharVector exact = vectorOfValues(new VarCharVector(field, allocator));
        closeChunks();
        values = exact;
    }

    /**
     * A copy of the values as a vector from {@code target} (index = id), their bytes copied as they lie: a frozen
     * dictionary's vector for a consumer that outlives it.
     */
    public VarCharVector copyValues(BufferAllocator target) {
        return vectorOfValues(new VarCharVector("dictionary", target));
    }

    /** Fills {@code exact} (new, empty) with the values, in id order, and returns it; closes it on failure. */
    private VarCharVector vectorOfValues(VarCharVector exact) {
        try {
            exact.allocateNew(Math.max(bytes, 1), Math.max(count, 1));
            long data = exact.getDataBuffer().memoryAddress();
            long offsets = exact.getOffsetBuffer().memoryAddress();
            long[] end = {0};
            MemoryUtil.putInt(offsets, 0);
            forEachValue((known, address, length) -> {
                MemoryUtil.copyMemory(address, data + end[0], length);
                end[0] += length;
                MemoryUtil.putInt(offsets + (known + 1) * 4L, (int) end[0]);
            });
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
        return exact;
    }

    /** The value of {@code id}, decoded when first asked for (once frozen; before, with all the others). */
    @Override
    public String value(int id) {
        VarCharVector frozen = values;
        if (frozen == null) {
            return values()[id];
        }
        String[] table = decoded;
        if (table == null) {
            table = cache();
        }
        String value = table[id];
        if (value == null) {
            // Strings are immutable, so threads racing to fill one slot store equal values.
            value = new String(frozen.get(id), StandardCharsets.UTF_8);
            table[id] = value;
        }
        return value;
    }

    private synchronized String[] cache() {
        if (decoded == null) {
            decoded = new String[count];
        }
        return decoded;
    }

    /** All values, index = id (shared; callers must not modify it). */
    public String[] values() {
        return allDecoded ? decoded : decodeAll();
    }

    /**
     * Which values pass {@code condition} (index = id): tested on their bytes when they have not been decoded and the
     * condition can ({@link Utf8Predicate}), else on the decoded values.
     */
    public boolean[] matches(Predicate<String> condition) {
        boolean[] passes = new boolean[count];
        if (!allDecoded && condition instanceof Utf8Predicate bytes) {
            forEachValue((known, address, length) -> passes[known] = bytes.testUtf8(address, length));
            return passes;
        }
        String[] table = values();
        for (int known = 0; known < passes.length; known++) {
            passes[known] = condition.test(table[known]);
        }
        return passes;
    }

    /** Decodes the values not decoded yet. */
    private synchronized String[] decodeAll() {
        if (!allDecoded) {
            String[] table = decoded == null || decoded.length != count ? new String[count] : decoded;
            byte[][] utf8 = {new byte[64]};
            forEachValue((known, address, length) -> {
                if (table[known] != null) {
                    return;
                }
                if (utf8[0].length < length) {
                    utf8[0] = new byte[Math.max(length, utf8[0].length * 2)];
                }
                MemoryUtil.copyFromMemory(address, utf8[0], 0, length);
                table[known] = new String(utf8[0], 0, length, StandardCharsets.UTF_8);
            });
            decoded = table;
            allDecoded = true;
        }
        return decoded;
    }

    @Override
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

    private void closeChunks() {
        if (chunks != null) {
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                chunks[chunk].close();
            }
            chunks = null;
            chunkAddresses = null;
            chunkUsed = null;
            chunkCount = 0;
        }
    }

    @Override
    public void close() {
        closeScratch();
        closeChunks();
        if (values != null) {
            values.close();
        }
    }
}
