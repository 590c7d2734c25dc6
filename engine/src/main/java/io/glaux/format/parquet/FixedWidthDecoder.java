package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ValueRange;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes the common fixed-width conversions straight into the vector's buffers, without boxing: booleans; integers
 * (INT32, unsigned INT32, INT64) to tinyint/smallint/int/bigint, NULL when out of the table type's range as
 * {@link ValueCoercion} narrows; float, double and float to double; dates; INT64 timestamps in any unit and INT96
 * timestamps to milliseconds (rounding down, as {@link LeafConverter}); and INT32/INT64 decimals whose scale is the
 * table's (NULL when wider than the table's precision, as {@link ValueCoercion#fit}). Chunks of numbers in PLAIN
 * or dictionary pages are read from their pages directly ({@link FlatPages}), the rest through the column reader.
 */
final class FixedWidthDecoder extends ColumnDecoder {

    private enum Source { BOOLEAN, INT32, UINT32, INT64, INT96, FLOAT, DOUBLE }

    private static final long[] POWERS_OF_TEN = new long[ColumnLayout.MAX_LONG_DECIMAL_PRECISION + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final Source source;
    /** Bytes per value in the vector (1, 2, 4, 8 or 16); 0 for bit-packed booleans. */
    private final int width;
    private final long min;
    private final long max;
    /** Timestamps: file units per millisecond. */
    private final long divisor;
    private final ArrowType arrowType;
    private final PrimitiveConverter converter = new PrimitiveConverter() {
    };
    /** The current chunk's pages when read directly ({@link FlatPages}); else null (read through the column reader). */
    private FlatPages flatPages;
    /** The current chunk's dictionary, decoded, when its pages are read directly. */
    private long[] dictionaryLongs;
    /** Whether every value of {@link #dictionaryLongs} is within the table type's range. */
    private boolean dictionaryFits;
    private double[] dictionaryDoubles;
    /** The range of {@link #dictionaryLongs} when they all fit, else null. */
    private ValueRange dictionaryRange;
    /**
     * While a batch is decoded: whether every page of it so far gave a range its values lie in
     * ({@link Decoded#range}), and that range's bounds.
     */
    private boolean ranged;
    private long rangeMin;
    private long rangeMax;

    private FixedWidthDecoder(String name, AthenaType type, Source source, int width, long min, long max,
                              long divisor) {
        super(name, type);
        this.source = source;
        this.width = width;
        this.min = min;
        this.max = max;
        this.divisor = divisor;
        this.arrowType = ColumnLayout.arrowType(type);
    }

    /** The decoder for the conversion, or null when it has no direct decoding (the caller then boxes). */
    static FixedWidthDecoder of(String name, AthenaType type, PrimitiveType file, FileValueKind kind) {
        PrimitiveTypeName physical = file.getPrimitiveTypeName();
        Source integral = switch (physical) {
            case INT32 -> kind == FileValueKind.LONG ? Source.UINT32 : Source.INT32;
            case INT64 -> Source.INT64;
            default -> null;
        };
        return switch (type.kind()) {
            case BOOLEAN -> kind == FileValueKind.BOOLEAN
                    ? new FixedWidthDecoder(name, type, Source.BOOLEAN, 0, 0, 0, 1) : null;
            case TINYINT -> integer(name, type, kind, integral, 1, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> integer(name, type, kind, integral, 2, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> integer(name, type, kind, integral, 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integer(name, type, kind, integral, 8, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT -> kind == FileValueKind.FLOAT
                    ? new FixedWidthDecoder(name, type, Source.FLOAT, 4, 0, 0, 1) : null;
            case DOUBLE -> switch (kind) {
                case FLOAT -> new FixedWidthDecoder(name, type, Source.FLOAT, 8, 0, 0, 1);
                case DOUBLE -> new FixedWidthDecoder(name, type, Source.DOUBLE, 8, 0, 0, 1);
                default -> null;
            };
            case DATE -> kind == FileValueKind.DATE
                    ? new FixedWidthDecoder(name, type, Source.INT32, 4, Integer.MIN_VALUE, Integer.MAX_VALUE, 1)
                    : null;
            case TIMESTAMP -> timestamp(name, type, file, kind);
            case DECIMAL -> decimal(name, (AthenaType.Decimal) type, file, kind, integral);
            default -> null;
        };
    }

    private static FixedWidthDecoder integer(String name, AthenaType type, FileValueKind kind, Source integral,
                                             int width, long min, long max) {
        if ((kind != FileValueKind.INT && kind != FileValueKind.LONG) || integral == null) {
            return null;
        }
        return new FixedWidthDecoder(name, type, integral, width, min, max, 1);
    }

    private static FixedWidthDecoder timestamp(String name, AthenaType type, PrimitiveType file, FileValueKind kind) {
        if (kind != FileValueKind.TIMESTAMP) {
            return null;
        }
        if (file.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
            return new FixedWidthDecoder(name, type, Source.INT96, 8, Long.MIN_VALUE, Long.MAX_VALUE, 1);
        }
        TimeUnit unit = FileValueKind.timestampUnit(file);
        long divisor = unit == null ? 1 : switch (unit) {
            case MILLIS -> 1;
            case MICROS -> 1_000;
            case NANOS -> 1_000_000;
        };
        return new FixedWidthDecoder(name, type, Source.INT64, 8, Long.MIN_VALUE, Long.MAX_VALUE, divisor);
    }

    private static FixedWidthDecoder decimal(String name, AthenaType.Decimal type, PrimitiveType file,
                                             FileValueKind kind, Source integral) {
        if (kind != FileValueKind.DECIMAL || integral == null || FileValueKind.decimalScale(file) != type.scale()) {
            return null;
        }
        if (!ColumnLayout.isLongDecimal(type)) {
            return new FixedWidthDecoder(name, type, integral, 16, Long.MIN_VALUE, Long.MAX_VALUE, 1);
        }
        long bound = POWERS_OF_TEN[type.precision()] - 1;
        return new FixedWidthDecoder(name, type, integral, 8, -bound, bound, 1);
    }

    @Override
    PrimitiveConverter converter() {
        return converter;
    }

    @Override
    VarCharVector startChunk(ColumnReadStore store, PageReadStore pages, ColumnDescriptor descriptor,
                             ColumnChunkMetaData chunk, BufferAllocator allocator) {
        flatPages = null;
        dictionaryLongs = null;
        dictionaryFits = false;
        dictionaryDoubles = null;
        dictionaryRange = null;
        boolean pageable = source != Source.BOOLEAN && source != Source.INT96;
        if (!pageable || !FlatPages.supports(pages, descriptor, chunk)) {
            return super.startChunk(store, pages, descriptor, chunk, allocator);
        }
        PageReader pageReader = pages.getPageReader(descriptor);
        DictionaryPage dictionaryPage = pageReader.readDictionaryPage();
        if (dictionaryPage != null) {
            Dictionary dictionary;
            try {
                dictionary = dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage);
            } catch (IOException e) {
                throw new ParquetDecodingException("Could not decode the dictionary of " + descriptor, e);
            }
            int size = dictionary.getMaxId() + 1;
            if (source == Source.FLOAT || source == Source.DOUBLE) {
                dictionaryDoubles = new double[size];
                for (int id = 0; id < size; id++) {
                    dictionaryDoubles[id] = source == Source.FLOAT ? dictionary.decodeToFloat(id)
                            : dictionary.decodeToDouble(id);
                }
            } else {
                dictionaryLongs = new long[size];
                dictionaryFits = true;
                long lowest = Long.MAX_VALUE;
                long highest = Long.MIN_VALUE;
                for (int id = 0; id < size; id++) {
                    long value = integral(source == Source.INT64 ? dictionary.decodeToLong(id)
                            : dictionary.decodeToInt(id));
                    dictionaryLongs[id] = value;
                    dictionaryFits &= value >= min && value <= max;
                    lowest = Math.min(lowest, value);
                    highest = Math.max(highest, value);
                }
                dictionaryRange = dictionaryFits && size > 0 ? new ValueRange(lowest, highest) : null;
            }
        }
        reader = null;
        maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
        flatPages = new FlatPages(pageReader, descriptor);
        return null;
    }

    @Override
    Decoded decode(int rows, BufferAllocator allocator) {
        // Read from its pages, every row of the batch is written (see decodePages).
        FieldVector vector = flatPages != null ? newVectorToFill(arrowType, rows, allocator)
                : newVector(arrowType, rows, allocator);
        try {
            ArrowBuf validity = vector.getValidityBuffer();
            ArrowBuf data = vector.getDataBuffer();
            ranged = flatPages != null;
            rangeMin = Long.MAX_VALUE;
            rangeMax = Long.MIN_VALUE;
            if (flatPages != null) {
                decodePages(rows, validity, data);
            } else {
                switch (source) {
                    case BOOLEAN -> decodeBooleans(rows, validity, data);
                    case FLOAT, DOUBLE -> decodeFloating(rows, validity, data);
                    default -> decodeIntegral(rows, validity, data);
                }
            }
            vector.setValueCount(rows);
            return new Decoded(vector, null, ranged ? new ValueRange(rangeMin, rangeMax) : null);
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    /** Decodes {@code rows} rows from the chunk's pages, writing every row's slot (a NULL's as zero). */
    private void decodePages(int rows, ArrowBuf validity, ArrowBuf data) {
        boolean floating = source == Source.FLOAT || source == Source.DOUBLE;
        int row = 0;
        while (row < rows) {
            int n = Math.min(rows - row, flatPages.rowsLeftInPage());
            int[] levels = levelBuffer(n);
            int present = flatPages.levels(n, levels);
            if (present == n && !floating && (width == Long.BYTES || width == Integer.BYTES)) {
                decodeWithoutNulls(n, row, validity, data);
                row += n;
                continue;
            }
            // A page with NULLs, or of a width or kind without a range, gives its batch none. Its rows are zeroed
            // first: a NULL's slot, or that of a value outside the type's range, is left as it is.
            ranged = false;
            data.setZero((long) row * width, (long) n * width);
            if (flatPages.dictionaryEncoded()) {
                int size = floating ? (dictionaryDoubles == null ? 0 : dictionaryDoubles.length)
                        : (dictionaryLongs == null ? 0 : dictionaryLongs.length);
                int[] ids = flatPages.idsToLookUp(present);
                int next = 0;
                try {
                    for (int i = 0; i < n; i++) {
                        if (levels[i] != 0) {
                            int id = ids[next++];
                            if (floating) {
                                putFloating(validity, data, row + i, dictionaryDoubles[id]);
                            } else {
                                putIntegral(validity, data, row + i, dictionaryLongs[id]);
                            }
                        }
                    }
                } catch (ArrayIndexOutOfBoundsException e) {
                    throw flatPages.idOutOfRange(size, e);
                }
            } else {
                ByteBuffer values = flatPages.values();
                for (int i = 0; i < n; i++) {
                    if (levels[i] != 0) {
                        switch (source) {
                            case FLOAT -> putFloating(validity, data, row + i, values.getFloat());
                            case DOUBLE -> putFloating(validity, data, row + i, values.getDouble());
                            case INT64 -> putIntegral(validity, data, row + i, integral(values.getLong()));
                            default -> putIntegral(validity, data, row + i, integral(values.getInt()));
                        }
                    }
                }
            }
            row += n;
        }
    }

    private void decodeBooleans(int rows, ArrowBuf validity, ArrowBuf data) {
        for (int row = 0; row < rows; row++) {
            if (present()) {
                BitVectorHelper.setBit(validity, row);
                if (reader.getBoolean()) {
                    BitVectorHelper.setBit(data, row);
                }
            }
            reader.consume();
        }
    }

    private void decodeFloating(int rows, ArrowBuf validity, ArrowBuf data) {
        for (int row = 0; row < rows; row++) {
            if (present()) {
                putFloating(validity, data, row, source == Source.DOUBLE ? reader.getDouble() : reader.getFloat());
            }
            reader.consume();
        }
    }

    private void decodeIntegral(int rows, ArrowBuf validity, ArrowBuf data) {
        for (int row = 0; row < rows; row++) {
            if (present()) {
                long value = switch (source) {
                    case INT32, UINT32 -> integral(reader.getInteger());
                    case INT96 -> LeafConverter.int96ToMillis(reader.getBinary());
                    default -> integral(reader.getLong());
                };
                putIntegral(validity, data, row, value);
            }
            reader.consume();
        }
    }

    /**
     * {@code n} values of a page without NULLs into rows {@code row...} of a column of 8 or 4 bytes a value: all
     * marked valid at once, then written in one loop per case; a value out of the table type's range is unmarked
     * (NULL), as {@link #putIntegral} leaves it.
     */
    private void decodeWithoutNulls(int n, int row, ArrowBuf validity, ArrowBuf data) {
        setValid(validity, row, n);
        boolean wide = width == Long.BYTES;
        if (flatPages.dictionaryEncoded()) {
            long[] dictionary = dictionaryLongs == null ? new long[0] : dictionaryLongs;
            int[] ids = flatPages.idsToLookUp(n);
            try {
                if (dictionaryFits) {
                    // Ids are checked by the look-up, values against the range once per dictionary.
                    int shift = wide ? 3 : 2;
                    data.checkBytes((long) row << shift, (long) (row + n) << shift);
                    long address = data.memoryAddress() + ((long) row << shift);
                    if (wide) {
                        for (int i = 0; i < n; i++) {
                            MemoryUtil.putLong(address + ((long) i << 3), dictionary[ids[i]]);
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            MemoryUtil.putInt(address + ((long) i << 2), (int) dictionary[ids[i]]);
                        }
                    }
                    // The values are the dictionary's, so they lie in its range.
                    widenRange(dictionaryRange);
                    return;
                }
                ranged = false;
                for (int i = 0; i < n; i++) {
                    put(validity, data, row + i, dictionary[ids[i]], wide);
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                throw flatPages.idOutOfRange(dictionary.length, e);
            }
        } else {
            ByteBuffer values = flatPages.values();
            if (copiesPlainValues()) {
                // Little-endian values of the vector's width, as Arrow holds them: one copy, then their range.
                int at = values.position();
                data.setBytes((long) row * width, values, at, n * width);
                values.position(at + n * width);
                ValueRange copied = rangeOfCopied(data, row, n, wide);
                if (copied.min() < min || copied.max() > max) {
                    // Some value is outside the table type's range (a decimal wider than its precision).
                    nullOutOfRange(validity, data, row, n, wide);
                    ranged = false;
                } else {
                    widenRange(copied);
                }
                return;
            }
            long lowest = Long.MAX_VALUE;
            long highest = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                long value = integral(source == Source.INT64 ? values.getLong() : values.getInt());
                put(validity, data, row + i, value, wide);
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            }
            // Values outside the table type's range became NULLs: the page then gives its batch no range.
            widenRange(lowest >= min && highest <= max ? new ValueRange(lowest, highest) : null);
        }
    }

    /** The range of the {@code n} values copied to rows {@code row...} of {@code data}. */
    private static ValueRange rangeOfCopied(ArrowBuf data, int row, int n, boolean wide) {
        long address = data.memoryAddress() + ((long) row << (wide ? 3 : 2));
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        if (wide) {
            for (int i = 0; i < n; i++) {
                long value = MemoryUtil.getLong(address + ((long) i << 3));
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            }
        } else {
            for (int i = 0; i < n; i++) {
                long value = MemoryUtil.getInt(address + ((long) i << 2));
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            }
        }
        return new ValueRange(lowest, highest);
    }

    /** Makes NULL (and zero, as an unwritten row is) each of rows {@code row...row + n} outside the type's range. */
    private void nullOutOfRange(ArrowBuf validity, ArrowBuf data, int row, int n, boolean wide) {
        for (int i = row; i < row + n; i++) {
            long value = wide ? data.getLong((long) i << 3) : data.getInt((long) i << 2);
            if (value < min || value > max) {
                BitVectorHelper.unsetBit(validity, i);
                if (wide) {
                    data.setLong((long) i << 3, 0);
                } else {
                    data.setInt((long) i << 2, 0);
                }
            }
        }
    }

    /** Widens the batch's range by a page's; a page without one ({@code null}) leaves the batch none. */
    private void widenRange(ValueRange page) {
        if (page == null) {
            ranged = false;
        } else {
            rangeMin = Math.min(rangeMin, page.min());
            rangeMax = Math.max(rangeMax, page.max());
        }
    }

    /**
     * Whether plain values are the vector's as they lie: INT64 to a 64-bit vector, or INT32 to a 32-bit one, without a
     * conversion, on a little-endian machine (values outside the table type's range are then made NULL).
     */
    private boolean copiesPlainValues() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            return false;
        }
        return switch (source) {
            case INT64 -> width == Long.BYTES && divisor == 1;
            case INT32 -> width == Integer.BYTES;
            default -> false;
        };
    }

    /** Writes a value in the table type's range to a row marked valid; one outside it makes the row NULL and zero. */
    private void put(ArrowBuf validity, ArrowBuf data, int row, long value, boolean wide) {
        if (value < min || value > max) {
            BitVectorHelper.unsetBit(validity, row);
            value = 0;
        }
        if (wide) {
            data.setLong((long) row << 3, value);
        } else {
            data.setInt((long) row << 2, (int) value);
        }
    }

    /** The value of a file integer: unsigned INT32 widened, timestamps in milliseconds (rounded down). */
    private long integral(long raw) {
        return switch (source) {
            case UINT32 -> Integer.toUnsignedLong((int) raw);
            case INT64 -> divisor == 1 ? raw : Math.floorDiv(raw, divisor);
            default -> raw;
        };
    }

    private void putFloating(ArrowBuf validity, ArrowBuf data, int row, double value) {
        BitVectorHelper.setBit(validity, row);
        if (width == 8) {
            data.setDouble((long) row * 8, value);
        } else {
            data.setFloat((long) row * 4, (float) value);
        }
    }

    /** Writes a value in the table type's range; one outside it stays NULL. */
    private void putIntegral(ArrowBuf validity, ArrowBuf data, int row, long value) {
        if (value < min || value > max) {
            return;
        }
        BitVectorHelper.setBit(validity, row);
        long offset = (long) row * width;
        switch (width) {
            case 1 -> data.setByte(offset, (byte) value);
            case 2 -> data.setShort(offset, (short) value);
            case 4 -> data.setInt(offset, (int) value);
            case 8 -> data.setLong(offset, value);
            default -> {
                data.setLong(offset, value);
                data.setLong(offset + 8, value >> 63);
            }
        }
    }
}
