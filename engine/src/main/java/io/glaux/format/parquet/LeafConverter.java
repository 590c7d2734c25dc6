package io.glaux.format.parquet;

import org.apache.calcite.avatica.util.ByteString;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.UnaryOperator;

/**
 * Decodes one primitive Parquet column into its {@link FileValueKind} value, converts it to the table's type and
 * hands it to a sink. Dictionary-encoded pages are decoded once per dictionary, not once per value.
 */
final class LeafConverter extends PrimitiveConverter {

    /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final PrimitiveTypeName physical;
    private final FileValueKind kind;
    private final int decimalScale;
    private final long timestampDivisor;
    private final UnaryOperator<Object> coercion;
    private final ValueSink sink;
    private Object[] dictionaryValues;

    LeafConverter(PrimitiveType type, FileValueKind kind, UnaryOperator<Object> coercion, ValueSink sink) {
        this.physical = type.getPrimitiveTypeName();
        this.kind = kind;
        this.decimalScale = FileValueKind.decimalScale(type);
        TimeUnit unit = FileValueKind.timestampUnit(type);
        this.timestampDivisor = unit == null ? 1 : switch (unit) {
            case MILLIS -> 1;
            case MICROS -> 1_000;
            case NANOS -> 1_000_000;
        };
        this.coercion = coercion;
        this.sink = sink;
    }

    private void emit(Object decoded) {
        sink.accept(coercion == ValueCoercion.IDENTITY ? decoded : coercion.apply(decoded));
    }

    @Override
    public void addBoolean(boolean value) {
        emit(value);
    }

    @Override
    public void addInt(int value) {
        emit(fromInt(value));
    }

    @Override
    public void addLong(long value) {
        emit(fromLong(value));
    }

    @Override
    public void addFloat(float value) {
        emit(value);
    }

    @Override
    public void addDouble(double value) {
        emit(value);
    }

    @Override
    public void addBinary(Binary value) {
        emit(fromBinary(value));
    }

    @Override
    public boolean hasDictionarySupport() {
        return true;
    }

    @Override
    public void setDictionary(Dictionary dictionary) {
        Object[] values = new Object[dictionary.getMaxId() + 1];
        for (int id = 0; id < values.length; id++) {
            Object decoded = switch (physical) {
                case BOOLEAN -> dictionary.decodeToBoolean(id);
                case INT32 -> fromInt(dictionary.decodeToInt(id));
                case INT64 -> fromLong(dictionary.decodeToLong(id));
                case FLOAT -> dictionary.decodeToFloat(id);
                case DOUBLE -> dictionary.decodeToDouble(id);
                case BINARY, FIXED_LEN_BYTE_ARRAY, INT96 -> fromBinary(dictionary.decodeToBinary(id));
            };
            values[id] = coercion == ValueCoercion.IDENTITY ? decoded : coercion.apply(decoded);
        }
        dictionaryValues = values;
    }

    @Override
    public void addValueFromDictionary(int dictionaryId) {
        sink.accept(dictionaryValues[dictionaryId]);
    }

    private Object fromInt(int value) {
        return switch (kind) {
            case DECIMAL -> BigDecimal.valueOf(value, decimalScale);
            case LONG -> Integer.toUnsignedLong(value);
            default -> value;
        };
    }

    private Object fromLong(long value) {
        return switch (kind) {
            case DECIMAL -> BigDecimal.valueOf(value, decimalScale);
            case TIMESTAMP -> Math.floorDiv(value, timestampDivisor);
            default -> value;
        };
    }

    private Object fromBinary(Binary value) {
        return switch (kind) {
            case STRING -> value.toStringUsingUTF8();
            case DECIMAL -> new BigDecimal(new BigInteger(value.getBytesUnsafe()), decimalScale);
            case TIMESTAMP -> int96ToMillis(value);
            default -> new ByteString(value.getBytes());
        };
    }

    /** INT96 timestamps: 8 bytes of nanoseconds within the day, then 4 bytes of Julian day, both little endian. */
    static long int96ToMillis(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = bytes.getInt();
        return (julianDay - JULIAN_EPOCH_DAY) * MILLIS_PER_DAY + Math.floorDiv(nanosOfDay, 1_000_000L);
    }
}
