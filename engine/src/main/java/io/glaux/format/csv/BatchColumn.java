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
 * One projected column of the batches {@link LazySimpleBatchSource} decodes: makes the column's vector for each batch
 * ({@link ColumnLayout}; strings as a plain {@link VarCharVector} of their UTF-8 bytes) and writes a field's text into
 * it. Numbers, dates and timestamps in their common spellings are parsed from the bytes ({@link ByteValueParser});
 * any other text goes through the row path's own decoding ({@link LazySimpleValueDecoder#decodePrimitive}), so every
 * value, and every NULL for text that does not parse, is what {@link LazySimpleRowSource} gives.
 */
abstract class BatchColumn {

    private final Field field;
    final AthenaType type;

    private BatchColumn(Column column, ArrowType arrowType) {
        this.field = new Field(column.name(), FieldType.nullable(arrowType), null);
        this.type = column.type();
    }

    /** Whether a column of this type can be decoded in columns. */
    static boolean decodes(AthenaType type) {
        return ColumnLayout.isSupported(type);
    }

    static BatchColumn of(Column column) {
        AthenaType type = column.type();
        return switch (type.kind()) {
            case BOOLEAN -> new BooleanColumn(column);
            case TINYINT -> new IntegerColumn(column, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> new IntegerColumn(column, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> new IntegerColumn(column, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> new IntegerColumn(column, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT, DOUBLE -> new FloatingColumn(column);
            case DECIMAL -> new DecimalColumn(column);
            case DATE -> new DateColumn(column);
            case TIMESTAMP -> new TimestampColumn(column);
            case BINARY -> new BinaryColumn(column);
            case CHAR, VARCHAR, STRING -> new StringColumn(column);
            default -> throw new IllegalArgumentException("No columnar layout for " + type.ddl());
        };
    }

    /**
     * The column's vector of a batch of {@code rows} rows: the fields' text is in {@code bytes}, row r's in
     * [starts[r], ends[r]) (unescaped, and not the NULL text), or starts[r] < 0 for NULL. One column at a time, so
     * each value is parsed in a loop that sees only this column's type and data.
     */
    final FieldVector decode(BufferAllocator allocator, byte[] bytes, int[] starts, int[] ends, int rows) {
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
                if (starts[row] >= 0) {
                    write(row, bytes, starts[row], ends[row]);
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
     * Writes the value of a field into slot {@code row} of the vector sized for the batch; a slot left unwritten is
     * NULL.
     */
    abstract void write(int row, byte[] bytes, int start, int end);

    /** The row path's value of the text: a {@link io.glaux.format.Values} object, or null. */
    final Object rowValue(byte[] bytes, int start, int end) {
        return LazySimpleValueDecoder.decodePrimitive(new String(bytes, start, end - start, StandardCharsets.UTF_8),
                type);
    }

    private static final class BooleanColumn extends BatchColumn {
        private BitVector vector;

        BooleanColumn(Column column) {
            super(column, ArrowType.Bool.INSTANCE);
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (BitVector) vector;
        }

        @Override
        void write(int row, byte[] bytes, int start, int end) {
            if (matchesAsciiIgnoringCase(bytes, start, end, "true")) {
                vector.set(row, 1);
            } else if (matchesAsciiIgnoringCase(bytes, start, end, "false")) {
                vector.set(row, 0);
            } else if (rowValue(bytes, start, end) instanceof Boolean value) {
                vector.set(row, value ? 1 : 0);
            }
        }

        /** Whether the bytes spell {@code lower} (lower-case ASCII letters) in any mix of ASCII case. */
        private static boolean matchesAsciiIgnoringCase(byte[] bytes, int start, int end, String lower) {
            if (end - start != lower.length()) {
                return false;
            }
            for (int i = 0; i < lower.length(); i++) {
                if ((bytes[start + i] | 0x20) != lower.charAt(i)) {
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

        IntegerColumn(Column column, long min, long max) {
            super(column, ColumnLayout.arrowType(column.type()));
            this.min = min;
            this.max = max;
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = vector;
        }

        @Override
        void write(int row, byte[] bytes, int start, int end) {
            long value = ByteValueParser.parseLong(bytes, start, end);
            if (value == ByteValueParser.NOT_PARSED) {
                if (rowValue(bytes, start, end) instanceof Number number) {
                    put(row, number.longValue());
                }
            } else if (value >= min && value <= max) {
                put(row, value);
            }
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

        FloatingColumn(Column column) {
            super(column, ColumnLayout.arrowType(column.type()));
        }

        @Override
        void attach(FieldVector vector) {
            floats = vector instanceof Float4Vector f ? f : null;
            doubles = vector instanceof Float8Vector d ? d : null;
        }

        @Override
        void write(int row, byte[] bytes, int start, int end) {
            double value = ByteValueParser.parseDouble(bytes, start, end);
            if (Double.isNaN(value)) {
                if (!(rowValue(bytes, start, end) instanceof Number number)) {
                    return;
                }
                value = number.doubleValue();
            }
            if (doubles != null) {
                doubles.set(row, value);
            } else {
                floats.set(row, (float) value);
            }
        }
    }

    /** Decimals of at most 18 digits as unscaled longs, wider ones in 128-bit vectors. */
    private static final class DecimalColumn extends BatchColumn {
        private final int scale;
        /** 10^precision for long decimals (the first unscaled value too wide), 0 for wide ones. */
        private final long bound;
        private BigIntVector unscaled;
        private DecimalVector wide;

        DecimalColumn(Column column) {
            super(column, ColumnLayout.arrowType(column.type()));
            AthenaType.Decimal decimal = (AthenaType.Decimal) column.type();
            this.scale = decimal.scale();
            this.bound = ColumnLayout.isLongDecimal(decimal) ? BigDecimal.TEN.pow(decimal.precision()).longValue() : 0;
        }

        @Override
        void attach(FieldVector vector) {
            unscaled = vector instanceof BigIntVector u ? u : null;
            wide = vector instanceof DecimalVector w ? w : null;
        }

        @Override
        void write(int row, byte[] bytes, int start, int end) {
            long value = ByteValueParser.parseUnscaledDecimal(bytes, start, end, scale);
            if (value != ByteValueParser.NOT_PARSED) {
                if (wide != null) {
                    wide.set(row, value);
                } else if (Math.abs(value) < bound) {
                    unscaled.set(row, value);
                }
            } else if (rowValue(bytes, start, end) instanceof BigDecimal decimal) {
                if (wide != null) {
                    wide.set(row, decimal);
                } else {
                    unscaled.set(row, decimal.unscaledValue().longValueExact());
                }
            }
        }
    }

    private static final class DateColumn extends BatchColumn {
        private DateDayVector vector;

        DateColumn(Column column) {
            super(column, ColumnLayout.arrowType(column.type()));
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (DateDayVector) vector;
        }

        @Override
        void write(int row, byte[] bytes, int start, int end) {
            int days = ByteValueParser.parseDate(bytes, start, end);
            if (days != ByteValueParser.NOT_PARSED_DATE) {
                vector.set(row, days);
            } else if (rowValue(bytes, start, end) instanceof Integer value) {
                vector.set(row, value);
            }
        }
    }

    private static final class TimestampColumn extends BatchColumn {
        private TimeStampMilliVector vector;

        TimestampColumn(Column column) {
            super(column, ColumnLayout.arrowType(column.type()));
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (TimeStampMilliVector) vector;
        }

        @Override
        void write(int row, byte[] bytes, int start, int end) {
            long millis = ByteValueParser.parseTimestamp(bytes, start, end);
            if (millis != ByteValueParser.NOT_PARSED) {
                vector.set(row, millis);
            } else if (rowValue(bytes, start, end) instanceof Long value) {
                vector.set(row, value);
            }
        }
    }

    /** Binary text is rare: always decoded by the row path (base64, or the bytes themselves). */
    private static final class BinaryColumn extends BatchColumn {
        private VarBinaryVector vector;

        BinaryColumn(Column column) {
            super(column, ColumnLayout.arrowType(column.type()));
        }

        @Override
        void attach(FieldVector vector) {
            this.vector = (VarBinaryVector) vector;
        }

        @Override
        void write(int row, byte[] bytes, int start, int end) {
            if (rowValue(bytes, start, end) instanceof ByteString value) {
                vector.setSafe(row, value.getBytes());
            }
        }
    }

    /**
     * The UTF-8 bytes themselves; varchar(n) and char(n) cut to n code points, char(n) also without trailing spaces
     * (as {@link AthenaType.Char#hold} and {@link io.glaux.format.text.TextValueParser#truncate}).
     */
    private static final class StringColumn extends BatchColumn {
        /** The most code points a value keeps, or -1. */
        private final int length;
        private final boolean trimTrailingSpaces;
        private VarCharVector vector;

        StringColumn(Column column) {
            super(column, ArrowType.Utf8.INSTANCE);
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
        void write(int row, byte[] bytes, int start, int end) {
            int cut = length < 0 ? end : cut(bytes, start, end, length);
            if (trimTrailingSpaces) {
                while (cut > start && bytes[cut - 1] == ' ') {
                    cut--;
                }
            }
            vector.setSafe(row, bytes, start, cut - start);
        }

        /** Where the code point after the first {@code codePoints} starts, or {@code end}. */
        private static int cut(byte[] bytes, int start, int end, int codePoints) {
            int count = 0;
            for (int i = start; i < end; i++) {
                if ((bytes[i] & 0xc0) != 0x80) {
                    if (count == codePoints) {
                        return i;
                    }
                    count++;
                }
            }
            return end;
        }
    }
}
