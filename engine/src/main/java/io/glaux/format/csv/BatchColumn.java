package io.glaux.format.csv;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import io.glaux.format.text.ByteValueParser;
import org.apache.arrow.memory.BufferAllocator;
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
 */
abstract class BatchColumn {

    private final Field field;
    final AthenaType type;
    private final FieldParser rowPath;

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
     * The column's vector of a batch of {@code rows} rows: the fields' text is in {@code bytes}, row r's in
     * [starts[r], ends[r]) (unescaped, and not the NULL text), or starts[r] < 0 for NULL. One column at a time, so
     * each value is parsed in a loop that sees only this column's type and data. A field that does not read as the
     * column's type is left NULL and, when {@code unreadable} is given, its row is marked there.
     *
     * @param unreadable per row, set to true for a row with such a field; null when they are simply NULL
     */
    final FieldVector decode(BufferAllocator allocator, byte[] bytes, int[] starts, int[] ends, int rows,
                             boolean[] unreadable) {
        FieldVector vector = field.createVector(allocator);
        try {
            if (vector instanceof BaseVariableWidthVector variableWidth) {
                long textBytes = 0;
                for (int row = 0; row < rows; row++) {
                    textBytes += starts[row] < 0 ? 0 : ends[row] - starts[row];
                }
                variableWidth.allocateNew(Math.max(textBytes, 1), rows);
            } else {
                vector.setInitialCapacity(rows);
                vector.allocateNew();
            }
            attach(vector);
            for (int row = 0; row < rows; row++) {
                if (starts[row] >= 0 && !write(row, bytes, starts[row], ends[row]) && unreadable != null) {
                    unreadable[row] = true;
                }
            }
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException | Error e) {
            vector.close();
            throw e;
        }
    }

    abstract void attach(FieldVector vector);

    /**
     * Writes the value of a field into slot {@code row} of the vector sized for the batch; false, leaving the slot
     * NULL, when the text does not read as the column's type.
     */
    abstract boolean write(int row, byte[] bytes, int start, int end);

    /** The row path's value of the text: a {@link io.glaux.format.Values} object, or null when it does not read. */
    final Object rowValue(byte[] bytes, int start, int end) {
        return rowPath.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8), type);
    }

    private static final class BooleanColumn extends BatchColumn {
        private BitVector vector;

        BooleanColumn(Column column, FieldParser rowPath) {
            super(column, ArrowType.Bool.INSTANCE, rowPath);
        }

        @Override
        void attach(FieldVector vector) {
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

    private static final class IntegerColumn extends BatchColumn {
        private final long min;
        private final long max;
        private FieldVector vector;

        IntegerColumn(Column column, FieldParser rowPath, long min, long max) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
            this.min = min;
            this.max = max;
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = vector;
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
                case TINYINT -> ((TinyIntVector) vector).set(row, (byte) value);
                case SMALLINT -> ((SmallIntVector) vector).set(row, (short) value);
                case INT -> ((IntVector) vector).set(row, (int) value);
                default -> ((BigIntVector) vector).set(row, value);
            }
        }
    }

    private static final class FloatingColumn extends BatchColumn {
        private Float4Vector floats;
        private Float8Vector doubles;

        FloatingColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
        }

        @Override
        void attach(FieldVector vector) {
            floats = vector instanceof Float4Vector f ? f : null;
            doubles = vector instanceof Float8Vector d ? d : null;
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            if (doubles != null) {
                double value = ByteValueParser.parseDouble(bytes, start, end);
                if (Double.isNaN(value)) {
                    if (!(rowValue(bytes, start, end) instanceof Number number)) {
                        return false;
                    }
                    value = number.doubleValue();
                }
                doubles.set(row, value);
            } else {
                float value = ByteValueParser.parseFloat(bytes, start, end);
                if (Float.isNaN(value)) {
                    if (!(rowValue(bytes, start, end) instanceof Number number)) {
                        return false;
                    }
                    value = number.floatValue();
                }
                floats.set(row, value);
            }
            return true;
        }
    }

    /** Decimals of at most 18 digits as unscaled longs, wider ones in 128-bit vectors. */
    private static final class DecimalColumn extends BatchColumn {
        private final int scale;
        /** 10^precision for long decimals (the first unscaled value too wide), 0 for wide ones. */
        private final long bound;
        private BigIntVector unscaled;
        private DecimalVector wide;

        DecimalColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
            AthenaType.Decimal decimal = (AthenaType.Decimal) column.type();
            this.scale = decimal.scale();
            this.bound = ColumnLayout.isLongDecimal(decimal) ? BigDecimal.TEN.pow(decimal.precision()).longValue() : 0;
        }

        @Override
        void attach(FieldVector vector) {
            unscaled = vector instanceof BigIntVector u ? u : null;
            wide = vector instanceof DecimalVector w ? w : null;
        }

        /** A long decimal beyond its precision is the row path's call (NULL for one reader, kept by another). */
        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            long value = ByteValueParser.parseUnscaledDecimal(bytes, start, end, scale);
            if (value != ByteValueParser.NOT_PARSED && wide != null) {
                wide.set(row, value);
            } else if (value != ByteValueParser.NOT_PARSED && Math.abs(value) < bound) {
                unscaled.set(row, value);
            } else if (rowValue(bytes, start, end) instanceof BigDecimal decimal) {
                if (wide != null) {
                    wide.set(row, decimal);
                } else {
                    unscaled.set(row, decimal.unscaledValue().longValueExact());
                }
            } else {
                return false;
            }
            return true;
        }
    }

    private static final class DateColumn extends BatchColumn {
        private DateDayVector vector;

        DateColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (DateDayVector) vector;
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            int days = ByteValueParser.parseDate(bytes, start, end);
            if (days != ByteValueParser.NOT_PARSED_DATE) {
                vector.set(row, days);
            } else if (rowValue(bytes, start, end) instanceof Integer value) {
                vector.set(row, value);
            } else {
                return false;
            }
            return true;
        }
    }

    private static final class TimestampColumn extends BatchColumn {
        private TimeStampMilliVector vector;

        /** {@code yyyy-MM-dd HH:mm:ss.SSS}: finer fractions are rounded by one reader and cut by another. */
        private static final int MAX_FAST_LENGTH = 23;

        TimestampColumn(Column column, FieldParser rowPath) {
            super(column, ColumnLayout.arrowType(column.type()), rowPath);
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (TimeStampMilliVector) vector;
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            long millis = end - start <= MAX_FAST_LENGTH ? ByteValueParser.parseTimestamp(bytes, start, end)
                    : ByteValueParser.NOT_PARSED;
            if (millis != ByteValueParser.NOT_PARSED) {
                vector.set(row, millis);
            } else if (rowValue(bytes, start, end) instanceof Long value) {
                vector.set(row, value);
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

        StringColumn(Column column, FieldParser rowPath) {
            super(column, ArrowType.Utf8.INSTANCE, rowPath);
            AthenaType type = column.type();
            this.length = type instanceof AthenaType.Char c ? c.length()
                    : type instanceof AthenaType.Varchar v ? v.length() : -1;
            this.trimTrailingSpaces = type instanceof AthenaType.Char;
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (VarCharVector) vector;
        }

        @Override
        boolean write(int row, byte[] bytes, int start, int end) {
            if (length >= 0 && end - start > length && codePoints(bytes, start, end) > length) {
                if (!(rowValue(bytes, start, end) instanceof String value)) {
                    return false;
                }
                vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
                return true;
            }
            int cut = end;
            if (trimTrailingSpaces) {
                while (cut > start && bytes[cut - 1] == ' ') {
                    cut--;
                }
            }
            // decode sized the vector for every field's bytes, and a value on this path is no longer than its field.
            vector.set(row, bytes, start, cut - start);
            return true;
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
