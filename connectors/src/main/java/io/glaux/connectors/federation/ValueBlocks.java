package io.glaux.connectors.federation;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The value blocks of the SDK's Markers and EquatableValueSets: one column named {@code col1} of the constrained
 * column's Arrow type, holding engine values written in that type. A value the type can't hold exactly (a fraction
 * for a decimal of smaller scale, a bigint beyond an int column, milliseconds for a seconds timestamp) is refused,
 * and the column's constraint is then left out rather than changed.
 */
final class ValueBlocks {

    /** The block's single column, as the SDK names it. */
    static final String COLUMN = "col1";

    /** A value the column's Arrow type can't hold exactly. */
    static final class Unrepresentable extends Exception {
        Unrepresentable(String message) {
            super(message, null, false, false);
        }
    }

    private ValueBlocks() {
    }

    /** The IPC schema and record batch of a block of {@code values}, to be sent at {@code serdeVersion}. */
    static byte[][] write(ArrowType type, Collection<?> values, BufferAllocator allocator, int serdeVersion)
            throws Unrepresentable {
        Schema schema = new Schema(List.of(new Field(COLUMN, FieldType.nullable(type), null)));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            FieldVector vector = root.getVector(0);
            vector.allocateNew();
            int row = 0;
            for (Object value : values) {
                set(vector, row++, value);
            }
            root.setRowCount(row);
            return new byte[][]{ArrowIpc.schema(schema, serdeVersion),
                    row == 0 ? new byte[0] : ArrowIpc.batch(root, serdeVersion)};
        }
    }

    /** Whether a column of this type can be constrained by value (the SDK's orderable and equatable scalars). */
    static boolean supports(ArrowType type) {
        return switch (type.getTypeID()) {
            case Bool, Int, FloatingPoint, Decimal, Utf8, Binary, Date, Timestamp ->
                    !(type instanceof ArrowType.Int i) || i.getIsSigned();
            default -> false;
        };
    }

    private static void set(FieldVector vector, int row, Object value) throws Unrepresentable {
        try {
            if (vector instanceof BitVector v && value instanceof Boolean b) {
                v.setSafe(row, b ? 1 : 0);
            } else if (vector instanceof TinyIntVector v) {
                v.setSafe(row, (byte) integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE));
            } else if (vector instanceof SmallIntVector v) {
                v.setSafe(row, (short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE));
            } else if (vector instanceof IntVector v) {
                v.setSafe(row, (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            } else if (vector instanceof BigIntVector v) {
                v.setSafe(row, integer(value, Long.MIN_VALUE, Long.MAX_VALUE));
            } else if (vector instanceof Float4Vector v && value instanceof Number n) {
                float f = n.floatValue();
                if (!(value instanceof Float) && f != n.doubleValue()) {
                    throw new Unrepresentable(value + " is not a float");
                }
                v.setSafe(row, f);
            } else if (vector instanceof Float8Vector v && value instanceof Number n) {
                v.setSafe(row, n.doubleValue());
            } else if (vector instanceof DecimalVector v && value instanceof Number n) {
                v.setSafe(row, decimal(n, v.getScale(), v.getPrecision()));
            } else if (vector instanceof VarCharVector v && value instanceof String s) {
                v.setSafe(row, s.getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof VarBinaryVector v && (value instanceof ByteString || value instanceof byte[])) {
                v.setSafe(row, value instanceof ByteString b ? b.getBytes() : (byte[]) value);
            } else if (vector instanceof DateDayVector v && value instanceof Number n) {
                v.setSafe(row, (int) integer(n, Integer.MIN_VALUE, Integer.MAX_VALUE));
            } else if (vector instanceof DateMilliVector v && value instanceof Number n) {
                v.setSafe(row, integer(n, Long.MIN_VALUE, Long.MAX_VALUE));
            } else if (vector instanceof TimeStampVector v && value instanceof Number n) {
                v.setSafe(row, timestamp(n, (ArrowType.Timestamp) v.getField().getType()));
            } else {
                throw new Unrepresentable((value == null ? "null" : value.getClass().getSimpleName())
                        + " for a column of " + vector.getField().getType());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Unrepresentable(value + " does not fit " + vector.getField().getType());
        }
    }

    private static long integer(Object value, long min, long max) throws Unrepresentable {
        if (!(value instanceof Number n)) {
            throw new Unrepresentable(value + " is not a number");
        }
        long exact = n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                ? n.longValue() : new BigDecimal(n.toString()).longValueExact();
        if (exact < min || exact > max) {
            throw new Unrepresentable(value + " is out of range");
        }
        return exact;
    }

    private static BigDecimal decimal(Number value, int scale, int precision) throws Unrepresentable {
        BigDecimal exact = (value instanceof BigDecimal d ? d : new BigDecimal(value.toString())).setScale(scale);
        if (exact.precision() > precision) {
            throw new Unrepresentable(value + " has more digits than decimal(" + precision + "," + scale + ")");
        }
        return exact;
    }

    private static long timestamp(Number value, ArrowType.Timestamp type) throws Unrepresentable {
        long millis = integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
        java.time.ZoneId zone = Timestamps.zone(type.getTimezone());
        if (zone != null) {
            millis = Timestamps.epochMillis(millis, zone);
        }
        long millisPer = Timestamps.millisPerUnit(type.getUnit());
        if (millisPer > 1) {
            if (millis % millisPer != 0) {
                throw new Unrepresentable(value + " has a fraction of a " + type.getUnit());
            }
            return millis / millisPer;
        }
        return Math.multiplyExact(millis, Timestamps.unitsPerMilli(type.getUnit()));
    }
}
