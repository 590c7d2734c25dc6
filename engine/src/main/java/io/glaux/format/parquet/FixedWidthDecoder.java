package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the common fixed-width conversions straight into the vector's buffers, without boxing: booleans; integers
 * (INT32, unsigned INT32, INT64) to tinyint/smallint/int/bigint, NULL when out of the table type's range as
 * {@link ValueCoercion} narrows; float, double and float to double; dates; INT64 timestamps in any unit and INT96
 * timestamps to milliseconds (rounding down, as {@link LeafConverter}); and INT32/INT64 decimals whose scale is the
 * table's (NULL when wider than the table's precision, as {@link ValueCoercion#fit}).
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
    Decoded decode(int rows, BufferAllocator allocator) {
        FieldVector vector = newVector(arrowType, rows, allocator);
        try {
            ArrowBuf validity = vector.getValidityBuffer();
            ArrowBuf data = vector.getDataBuffer();
            switch (source) {
                case BOOLEAN -> decodeBooleans(rows, validity, data);
                case FLOAT, DOUBLE -> decodeFloating(rows, validity, data);
                default -> decodeIntegral(rows, validity, data);
            }
            vector.setValueCount(rows);
            return new Decoded(vector, null);
        } catch (RuntimeException e) {
            vector.close();
            throw e;
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
                BitVectorHelper.setBit(validity, row);
                if (source == Source.DOUBLE) {
                    data.setDouble((long) row * 8, reader.getDouble());
                } else if (width == 8) {
                    data.setDouble((long) row * 8, reader.getFloat());
                } else {
                    data.setFloat((long) row * 4, reader.getFloat());
                }
            }
            reader.consume();
        }
    }

    private void decodeIntegral(int rows, ArrowBuf validity, ArrowBuf data) {
        for (int row = 0; row < rows; row++) {
            if (present()) {
                long value = switch (source) {
                    case INT32 -> reader.getInteger();
                    case UINT32 -> Integer.toUnsignedLong(reader.getInteger());
                    case INT96 -> LeafConverter.int96ToMillis(reader.getBinary());
                    default -> divisor == 1 ? reader.getLong() : Math.floorDiv(reader.getLong(), divisor);
                };
                if (value >= min && value <= max) {
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
            reader.consume();
        }
    }
}
