package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ColumnVectors;
import io.glaux.format.text.ByteValueParser;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * One projected column of the batches a text batch reader decodes ({@link LazySimpleBatchSource},
 * {@link QuotedCsvBatchSource}): makes the column's vector for each batch ({@link ColumnLayout}; strings as a plain
 * {@link VarCharVector} of their UTF-8 bytes) and writes a field's text into it. Numbers, dates, timestamps and
 * strings in their common spellings are read from the bytes ({@link ByteValueParser}), and only where every row
 * reader agrees on the value (an integer in range, a decimal that needs no rounding and fits its precision, a
 * timestamp without digits below milliseconds, a string no longer than its column); any other text goes through the
 * row path's own reading ({@link FieldParser}), so every value, and every field that does not read, is what the row
 * reader gives. Whether such a field is NULL or drops its row is the reader's business ({@link #decode}).
 *
 * <p>A batch is decoded in chunks of rows, each staged by the reader just before ({@link #decode}), so the staged
 * text is still in the processor's cache when it is parsed. The vector grows before each chunk to hold it, so the
 * common types write each value straight to its slot's address: a fixed-width column's rows are all marked valid at
 * first, and NULL or unreadable ones cleared; a string column writes its offsets as it goes.
 */
abstract class BatchColumn {

    private final Field field;
    final AthenaType type;
    private final FieldParser rowPath;
    /** The vector of the batch being decoded, or null between batches. */
    private FieldVector batchVector;

    private BatchColumn(Column column, ArrowType arrowType, FieldParser rowPath) {
        this.field = new Field(column.name(), FieldType.nullable(arrowType), null);
        this.type = column.type();
        this.rowPath = rowPath;
    }

    /** Whether a column of this type can be decoded in columns. */
    static boolean decodes(AthenaType type) {
        return ColumnLayout.isSupported(type);
    }

    /** @param rowPath the row reader's reading of a field, for text outside the fast paths */
    static BatchColumn of(Column column, FieldParser rowPath) {
        AthenaType type = column.type();
        return switch (type.kind()) {
            case BOOLEAN -> new BooleanColumn(column, rowPath);
            case TINYINT -> new IntegerColumn(column, rowPath, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> new IntegerColumn(column, rowPath, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> new IntegerColumn(column, rowPath, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> new IntegerColumn(column, rowPath, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT, DOUBLE -> new FloatingColumn(column, rowPath);
            case DECIMAL -> new DecimalColumn(column, rowPath);
            case DATE -> new DateColumn(column, rowPath);
            case TIMESTAMP -> new TimestampColumn(column, rowPath);
            case BINARY -> new BinaryColumn(column, rowPath);
            case CHAR, VARCHAR, STRING -> new StringColumn(column, rowPath);
            default -> throw new IllegalArgumentException("No columnar layout for " + type.ddl());
        };
    }

    /**
     * Starts the column's vector of a new batch, allocated for {@code rows} rows at first; it grows as the chunks
     * decoded into it need. Until {@link #finish} or {@link #abandon} the vector belongs to this column.
     */
    final void open(BufferAllocator allocator, int rows) {
        FieldVector created = field.createVector(allocator);
        try {
            if (created instanceof BaseVariableWidthVector variableWidth) {
                variableWidth.allocateNew(Math.max(16L * rows, 1), rows);
            } else {
                created.setInitialCapacity(rows);
                created.allocateNew();
            }
        } catch (RuntimeException | Error e) {
            created.close();
            throw e;
        }
        batchVector = created;
        attach(created);
    }

    /**
     * Decodes a chunk of {@code rows} rows into the batch's slots {@code [base, base + rows)}: the fields' text is in
     * {@code bytes}, the chunk's row r's in [starts[r], ends[r]) (unescaped, and not the NULL text), or starts[r] < 0
     * for NULL. One column at a time, so each value is parsed in a loop that sees only this column's type and data.
     * A field that does not read as the column's type is left NULL and, when {@code unreadable} is given, its row
     * (base + r) is marked there. Chunks come in order, each starting where the one before ended.
     *
     * @param unreadable per row of the batch, set to true for a row with such a field; null when they are simply
     *                   NULL
     */
    final void decode(byte[] bytes, int[] starts, int[] ends, int rows, int base, boolean[] unreadable) {
        int needed = base + rows;
        FieldVector vector = batchVector;
        if (vector instanceof BaseVariableWidthVector variableWidth) {
            while (variableWidth.getValueCapacity() < needed) {
                variableWidth.reallocValidityAndOffsetBuffers();
            }
            long textBytes = 0;
            for (int row = 0; row < rows; row++) {
                textBytes += starts[row] < 0 ? 0 : ends[row] - starts[row];
            }
            reserveText(variableWidth, textBytes);
        } else {
            while (vector.getValueCapacity() < needed) {
                vector.reAlloc();
            }
        }
        attach(vector);
        prepare(base, rows);
        for (int row = 0; row < rows; row++) {
            int slot = base + row;
            if (starts[row] < 0) {
                putNull(slot);
            } else if (!write(slot, bytes, starts[row], ends[row])) {
                putNull(slot);
                if (unreadable != null) {
                    unreadable[slot] = true;
                }
            }
        }
    }

    /** The batch's vector, its {@code rows} rows all decoded; it is the caller's from now on. */
    final FieldVector finish(int rows) {
        FieldVector done = batchVector;
        batchVector = null;
        complete(done, rows);
        done.setValueCount(rows);
        return done;
    }

    /** Closes the batch's vector, if one is open (the batch failed). */
    final void abandon() {
        if (batchVector != null) {
            batchVector.close();
            batchVector = null;
        }
    }

    /**
     * Takes the batch's vector when it is opened and again before each chunk (its buffers may have moved), before
     * any of the chunk's rows is written.
     */
    abstract void attach(FieldVector vector);

    /** Before a chunk's rows {@code [base, base + rows)} are written. */
    void prepare(int base, int rows) {
    }

    /**
     * Makes room for {@code bytes} more bytes of values in a variable-width vector; a column that writes its values
     * through the vector's own growing setters needs none.
     */
    void reserveText(BaseVariableWidthVector vector, long bytes) {
    }

    /**
     * Writes the value of a field into slot {@code row} of the vector, which has room for it; false when the text
     * does not read as the column's type (the slot is then made NULL).
     */
    abstract boolean write(int row, byte[] bytes, int start, int end);

    /** Makes slot {@code row} NULL; rows are written in order, each once. */
    abstract void putNull(int row);

    /** Called after the batch's last row is written, before the vector's value count is set. */
    void complete(FieldVector vector, int rows) {
    }

    /**
     * A column of fixed-width slots: a chunk's rows are all marked valid before it is decoded, and each value is
     * written to its slot's address ({@link #slot}); a NULL row's bit is cleared.
     */
    private abstract static class FixedWidthColumn extends BatchColumn {
        private long validity;
        private long data;

        FixedWidthColumn(Column column, ArrowType arrowType, FieldParser rowPath) {
            super(column, arrowType, rowPath);
        }

        @Override
        final void attach(FieldVector vector) {
            validity = vector.getValidityBuffer().memoryAddress();
            data = vector.getDataBuffer().memoryAddress();
            attached(vector);
        }

        @Override
        final void prepare(int base, int rows) {
            int row = base;
            int end = base + rows;
            while (row < end && (row & 7) != 0) {
                setValid(row++);
            }
            int bytes = (end - row) >>> 3;
            MemoryUtil.setMemory(validity + (row >>> 3), bytes, (byte) 0xff);
            row += bytes << 3;
            while (row < end) {
                setValid(row++);
            }
        }

        private void setValid(int row) {
            long at = validity + (row >>> 3);
            MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (row & 7))));
        }

        /** The vector of the batch, for a column that writes through it rather than to {@link #slot}. */
        void attached(FieldVector vector) {
        }

        /** The address of slot {@code row}, {@code width} bytes wide, of the batch's data. */
        final long slot(int row, int width) {
            return data + (long) row * width;
        }

        @Override
        final void putNull(int row) {
            long at = validity + (row >>> 3);
            MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) & ~(1 << (row & 7))));
        }
    }

    /** The row path's value of the text: a {@link io.glaux.format.Values} object, or null when it does not read. */
    final Object rowValue(byte[] bytes, int start, int end) {
        return rowPath.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8), type);
    }

    private static final class BooleanColumn extends FixedWidthColumn {
        private BitVector vector;

        BooleanColumn(Column column, FieldParser rowPath) {
            super(column, ArrowType.Bool.INSTANCE, rowPath);
        }

        @Override
        void attached(FieldVector vector) {
            this.vector = (BitVector) vector;
        }

        /** {@code true} and {@code false} as every reader spells them; other cases are the row path's call. */
        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            if (matches(bytes, start, end, "true")) {
                vector.set(row, 1);
            } else if (matches(bytes, start, end, "false")) {
                vector.set(row, 0);
            } else if (rowValue(bytes, start, end) instanceof Boolean value) {
                vector.set(row, value ? 1 : 0);
            } else {
                return false;
            }
            return true;
        }

        /** Whether the bytes are exactly {@code ascii}. */
        private static boolean matches(byte[] bytes, int start, int end, String ascii) {
            if (end - start != ascii.length()) {
                return false;
            }
            for (int i = 0; i < ascii.length(); i++) {
                if (bytes[start + i] != ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class IntegerColumn extends FixedWidthColumn {
        private final long min;
        private final long max;

        IntegerColumn(Column column, FieldParser rowPath, long min, long max) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
            this.min = min;
            this.max = max;
        }

        /** Out of range is the row path's call too (NULL for one reader, a bad row for another). */
        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            long value = ByteValueParser.parseLong(bytes, start, end);
            if (value != ByteValueParser.NOT_PARSED && value >= min && value <= max) {
                put(row, value);
            } else if (rowValue(bytes, start, end) instanceof Number number) {
                put(row, number.longValue());
            } else {
                return false;
            }
            return true;
        }

        private void put(int row, long value) {
            switch (type.kind()) {
                case TINYINT -> MemoryUtil.putByte(slot(row, TinyIntVector.TYPE_WIDTH), (byte) value);
                case SMALLINT -> MemoryUtil.putShort(slot(row, SmallIntVector.TYPE_WIDTH), (short) value);
                case INT -> MemoryUtil.putInt(slot(row, IntVector.TYPE_WIDTH), (int) value);
                default -> MemoryUtil.putLong(slot(row, BigIntVector.TYPE_WIDTH), value);
            }
        }
    }

    private static final class FloatingColumn extends FixedWidthColumn {
        private final boolean doubles;

        FloatingColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
            this.doubles = column.type().kind() == AthenaType.Kind.DOUBLE;
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            if (doubles) {
                double value = ByteValueParser.parseDouble(bytes, start, end);
                if (Double.isNaN(value)) {
                    if (!(rowValue(bytes, start, end) instanceof Number number)) {
                        return false;
                    }
                    value = number.doubleValue();
                }
                MemoryUtil.putLong(slot(row, Float8Vector.TYPE_WIDTH), Double.doubleToRawLongBits(value));
            } else {
                float value = ByteValueParser.parseFloat(bytes, start, end);
                if (Float.isNaN(value)) {
                    if (!(rowValue(bytes, start, end) instanceof Number number)) {
                        return false;
                    }
                    value = number.floatValue();
                }
                MemoryUtil.putInt(slot(row, Float4Vector.TYPE_WIDTH), Float.floatToRawIntBits(value));
            }
            return true;
        }
    }

    /** Decimals of at most 18 digits as unscaled longs, wider ones in 128-bit vectors. */
    private static final class DecimalColumn extends FixedWidthColumn {
        private final int scale;
        /** 10^precision for long decimals (the first unscaled value too wide), 0 for wide ones. */
        private final long bound;
        private DecimalVector wide;

        DecimalColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
            AthenaType.Decimal decimal = (AthenaType.Decimal) column.type();
            this.scale = decimal.scale();
            this.bound = ColumnLayout.isLongDecimal(decimal) ? BigDecimal.TEN.pow(decimal.precision()).longValue() : 0;
        }

        @Override
        void attached(FieldVector vector) {
            wide = vector instanceof DecimalVector w ? w : null;
        }

        /** A long decimal beyond its precision is the row path's call (NULL for one reader, kept by another). */
        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            long value = ByteValueParser.parseUnscaledDecimal(bytes, start, end, scale);
            if (value != ByteValueParser.NOT_PARSED && wide != null) {
                wide.set(row, value);
            } else if (value != ByteValueParser.NOT_PARSED && Math.abs(value) < bound) {
                MemoryUtil.putLong(slot(row, BigIntVector.TYPE_WIDTH), value);
            } else if (rowValue(bytes, start, end) instanceof BigDecimal decimal) {
                if (wide != null) {
                    wide.set(row, decimal);
                } else {
                    MemoryUtil.putLong(slot(row, BigIntVector.TYPE_WIDTH), decimal.unscaledValue().longValueExact());
                }
            } else {
                return false;
            }
            return true;
        }
    }

    private static final class DateColumn extends FixedWidthColumn {

        DateColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            int days = ByteValueParser.parseDate(bytes, start, end);
            if (days != ByteValueParser.NOT_PARSED_DATE) {
                MemoryUtil.putInt(slot(row, DateDayVector.TYPE_WIDTH), days);
            } else if (rowValue(bytes, start, end) instanceof Integer value) {
                MemoryUtil.putInt(slot(row, DateDayVector.TYPE_WIDTH), value);
            } else {
                return false;
            }
            return true;
        }
    }

    private static final class TimestampColumn extends FixedWidthColumn {

        /** {@code yyyy-MM-dd HH:mm:ss.SSS}: finer fractions are rounded by one reader and cut by another. */
        private static final int MAX_FAST_LENGTH = 23;

        TimestampColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            long millis = end - start <= MAX_FAST_LENGTH ? ByteValueParser.parseTimestamp(bytes, start, end)
                    : ByteValueParser.NOT_PARSED;
            if (millis != ByteValueParser.NOT_PARSED) {
                MemoryUtil.putLong(slot(row, TimeStampMilliVector.TYPE_WIDTH), millis);
            } else if (rowValue(bytes, start, end) instanceof Long value) {
                MemoryUtil.putLong(slot(row, TimeStampMilliVector.TYPE_WIDTH), value);
            } else {
                return false;
            }
            return true;
        }
    }

    /** Binary text is rare: always decoded by the row path (base64 or the bytes themselves, hex pairs, ...). */
    private static final class BinaryColumn extends BatchColumn {
        private VarBinaryVector vector;

        BinaryColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (VarBinaryVector) vector;
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            if (rowValue(bytes, start, end) instanceof ByteString value) {
                vector.setSafe(row, value.getBytes());
                return true;
            }
            return false;
        }

        /** The slot stays unset; the vector fills such holes itself. */
        @Override
        void putNull(int row) {
        }
    }

    /**
     * The UTF-8 bytes themselves (well-formed: the readers see to it), char(n) without trailing spaces. A value of
     * more than n code points in a varchar(n) or char(n) column is the row path's call (cut to n by one reader, kept
     * by another).
     */
    private static final class StringColumn extends BatchColumn {
        /** The most code points a value has on the fast path, or -1. */
        private final int length;
        private final boolean trimTrailingSpaces;
        private VarCharVector vector;
        private long validity;
        private long offsets;
        private long data;
        /** Where the next value's bytes go: the end of those written so far. */
        private int offset;

        StringColumn(Column column, FieldParser rowPath) {
            super(column, ArrowType.Utf8.INSTANCE, rowPath);
            AthenaType type = column.type();
            this.length = type instanceof AthenaType.Char c ? c.length()
                    : type instanceof AthenaType.Varchar v ? v.length() : -1;
            this.trimTrailingSpaces = type instanceof AthenaType.Char;
        }

        @Override
        void attach(FieldVector vector) {
            if (vector != this.vector) {
                this.vector = (VarCharVector) vector;
                offset = 0;
            }
            validity = vector.getValidityBuffer().memoryAddress();
            offsets = vector.getOffsetBuffer().memoryAddress();
            data = vector.getDataBuffer().memoryAddress();
        }

        @Override
        void reserveText(BaseVariableWidthVector vector, long bytes) {
            ColumnVectors.reserveData(vector, offset + bytes);
        }

        /**
         * reserveText made room for every field's bytes, and a value is no longer than its field: its trailing
         * spaces cut, or its code points beyond the column's length cut by the row path.
         */
        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            if (length >= 0 && end - start > length && codePoints(bytes, start, end) > length) {
                if (!(rowValue(bytes, start, end) instanceof String value)) {
                    return false;
                }
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                put(row, utf8, 0, utf8.length);
                return true;
            }
            int cut = end;
            if (trimTrailingSpaces) {
                while (cut > start && bytes[cut - 1] == ' ') {
                    cut--;
                }
            }
            put(row, bytes, start, cut - start);
            return true;
        }

        private void put(int row, byte[] bytes, int start, int length) {
            MemoryUtil.copyToMemory(bytes, start, data + offset, length);
            offset += length;
            MemoryUtil.putInt(offsets + ((long) (row + 1) << 2), offset);
            long at = validity + (row >>> 3);
            MemoryUtil.putByte(at, (byte) (MemoryUtil.getByte(at) | (1 << (row & 7))));
        }

        /** An empty slot, not valid (the vector's buffers start zeroed). */
        @Override
        void putNull(int row) {
            MemoryUtil.putInt(offsets + ((long) (row + 1) << 2), offset);
        }

        @Override
        void complete(FieldVector vector, int rows) {
            ((VarCharVector) vector).setLastSet(rows - 1);
            this.vector = null;
        }

        private static int codePoints(byte[] bytes, int start, int end) {
            int count = 0;
            for (int i = start; i < end; i++) {
                if ((bytes[i] & 0xc0) != 0x80) {
                    count++;
                }
            }
            return count;
        }
    }
}
