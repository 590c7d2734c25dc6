package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.BufferAllocator;
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
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;

/**
 * Decodes the rarer conversions (rescaled and binary decimals, integers and decimals to floating point or to
 * decimals) one boxed value at a time through the row path's own {@link LeafConverter} and {@link ValueCoercion}, so
 * their values (and failures) are the row path's by construction. Not used for strings or binary.
 */
final class BoxedDecoder extends ColumnDecoder {

    private final LeafConverter converter;
    private Object current;

    BoxedDecoder(String name, AthenaType type, PrimitiveType file, FileValueKind kind, UnaryOperator<Object> coercion) {
        super(name, type);
        this.converter = new LeafConverter(file, kind, coercion, value -> current = value);
    }

    @Override
    PrimitiveConverter converter() {
        return converter;
    }

    @Override
    Decoded decode(int rows, BufferAllocator allocator) {
        FieldVector vector = newVector(ColumnLayout.arrowType(type), rows, allocator);
        try {
            for (int row = 0; row < rows; row++) {
                if (present()) {
                    current = null;
                    reader.writeCurrentValueToConverter();
                    if (current != null) {
                        set(vector, row, current);
                    }
                }
                reader.consume();
            }
            vector.setValueCount(rows);
            return new Decoded(vector, null);
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    /** Writes a value in {@link io.glaux.format.Values}' representation of the table type into its vector. */
    private void set(FieldVector vector, int row, Object value) {
        switch (type.kind()) {
            case BOOLEAN -> ((BitVector) vector).set(row, (Boolean) value ? 1 : 0);
            case TINYINT -> ((TinyIntVector) vector).set(row, (Byte) value);
            case SMALLINT -> ((SmallIntVector) vector).set(row, (Short) value);
            case INT -> ((IntVector) vector).set(row, (Integer) value);
            case BIGINT -> ((BigIntVector) vector).set(row, (Long) value);
            case FLOAT -> ((Float4Vector) vector).set(row, (Float) value);
            case DOUBLE -> ((Float8Vector) vector).set(row, (Double) value);
            case DATE -> ((DateDayVector) vector).set(row, (Integer) value);
            case TIMESTAMP -> ((TimeStampMilliVector) vector).set(row, (Long) value);
            case DECIMAL -> {
                BigDecimal decimal = (BigDecimal) value;
                if (ColumnLayout.isLongDecimal(type)) {
                    ((BigIntVector) vector).set(row, decimal.unscaledValue().longValueExact());
                } else {
                    ((DecimalVector) vector).set(row, decimal);
                }
            }
            default -> throw new IllegalStateException("No boxed decoding for " + type.ddl());
        }
    }
}
