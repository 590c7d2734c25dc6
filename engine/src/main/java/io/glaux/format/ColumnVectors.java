package io.glaux.format;

import io.glaux.catalog.AthenaType;
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
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.OversizedAllocationException;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Vectors of one column in {@link ColumnLayout} and the conversions between Glaux's row values ({@link Values}) and
 * their slots. String columns here hold their values (a {@link VarCharVector}); whoever keeps dictionary ids instead
 * (SPICE) converts strings itself.
 */
public final class ColumnVectors {

    private ColumnVectors() {
    }

    /**
     * Makes a variable-width vector's data buffer hold at least {@code bytes} (at least doubling it when it grows),
     * for readers that write values straight to its address; more than its 32-bit offsets can reach fails as Arrow's
     * own setters do.
     */
    public static void reserveData(BaseVariableWidthVector vector, long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new OversizedAllocationException("The values of one batch would take more than 2 GB");
        }
        long capacity = vector.getDataBuffer().capacity();
        if (capacity < bytes) {
            vector.reallocDataBuffer(Math.max(2 * capacity, bytes));
        }
    }

    /** An empty vector for a column of {@code type}, strings as values. */
    public static FieldVector create(String name, AthenaType type, BufferAllocator allocator) {
        ArrowType arrowType = ColumnLayout.isDictionaryEncoded(type) ? ArrowType.Utf8.INSTANCE
                : ColumnLayout.arrowType(type);
        return FieldType.nullable(arrowType).createNewSingleVector(name, allocator, null);
    }

    /**
     * Stores a non-null value in slot {@code row}, growing the vector as needed. A decimal that would need rounding
     * to fit the column's scale is an error ({@link ArithmeticException}), never rounded.
     */
    public static void set(FieldVector vector, int row, AthenaType type, Object value) {
        switch (type.kind()) {
            case BOOLEAN -> ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
            case TINYINT -> ((TinyIntVector) vector).setSafe(row, ((Number) value).byteValue());
            case SMALLINT -> ((SmallIntVector) vector).setSafe(row, ((Number) value).shortValue());
            case INT -> ((IntVector) vector).setSafe(row, ((Number) value).intValue());
            case BIGINT -> ((BigIntVector) vector).setSafe(row, ((Number) value).longValue());
            case FLOAT -> ((Float4Vector) vector).setSafe(row, ((Number) value).floatValue());
            case DOUBLE -> ((Float8Vector) vector).setSafe(row, ((Number) value).doubleValue());
            case DECIMAL -> {
                int scale = ((AthenaType.Decimal) type).scale();
                BigDecimal exact = ((BigDecimal) value).setScale(scale, RoundingMode.UNNECESSARY);
                if (vector instanceof BigIntVector unscaled) {
                    // The unscaled value as a decimal of scale 0: a BigDecimal of up to 18 digits holds it as a
                    // long, where unscaledValue() would make a BigInteger of it.
                    unscaled.setSafe(row, exact.scaleByPowerOfTen(scale).longValueExact());
                } else {
                    ((DecimalVector) vector).setSafe(row, exact);
                }
            }
            case DATE -> ((DateDayVector) vector).setSafe(row, ((Number) value).intValue());
            case TIMESTAMP -> ((TimeStampMilliVector) vector).setSafe(row, ((Number) value).longValue());
            case BINARY -> ((VarBinaryVector) vector).setSafe(row, ((ByteString) value).getBytes());
            case CHAR, VARCHAR, STRING -> ((VarCharVector) vector).setSafe(row,
                    value.toString().getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("No columnar layout for " + type.ddl());
        }
    }

    /** The value in slot {@code row} in Glaux's row representation, or null. */
    public static Object get(FieldVector vector, int row, AthenaType type) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> ((BitVector) vector).get(row) != 0;
            case TINYINT -> ((TinyIntVector) vector).get(row);
            case SMALLINT -> ((SmallIntVector) vector).get(row);
            case INT -> ((IntVector) vector).get(row);
            case BIGINT -> ((BigIntVector) vector).get(row);
            case FLOAT -> ((Float4Vector) vector).get(row);
            case DOUBLE -> ((Float8Vector) vector).get(row);
            case DECIMAL -> vector instanceof BigIntVector unscaled
                    ? BigDecimal.valueOf(unscaled.get(row), ((AthenaType.Decimal) type).scale())
                    : ((DecimalVector) vector).getObject(row);
            case DATE -> ((DateDayVector) vector).get(row);
            case TIMESTAMP -> ((TimeStampMilliVector) vector).get(row);
            case BINARY -> new ByteString(((VarBinaryVector) vector).get(row));
            case CHAR, VARCHAR, STRING -> new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("No columnar layout for " + type.ddl());
        };
    }
}
