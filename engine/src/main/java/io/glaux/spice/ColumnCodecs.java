package io.glaux.spice;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
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
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.avatica.util.ByteString;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The Arrow fields of a SPICE version's columns ({@link ColumnLayout}, with the Athena type kept in the field's
 * metadata) and the conversions between Glaux's row values ({@link io.glaux.format.Values}) and vector slots; string
 * ids point into the column's {@link StringDictionary}.
 */
final class ColumnCodecs {

    /** Field metadata key keeping the Athena type (so varchar(n), char(n) and string survive a round trip). */
    static final String TYPE_KEY = "glaux.type";

    private ColumnCodecs() {
    }

    /** The Arrow field of a column; string columns carry the dictionary encoding with id {@code dictionaryId}. */
    static Field field(Column column, long dictionaryId) {
        Map<String, String> metadata = Map.of(TYPE_KEY, column.type().ddl());
        AthenaType type = column.type();
        DictionaryEncoding encoding = ColumnLayout.isDictionaryEncoded(type) ? StringDictionary.encoding(dictionaryId) : null;
        return new Field(column.name(), new FieldType(true, ColumnLayout.arrowType(type), encoding, metadata), null);
    }

    /** Stores a non-null value in slot {@code row}, growing the vector as needed. */
    static void set(FieldVector vector, int row, AthenaType type, Object value, StringDictionary dictionary) {
        switch (type.kind()) {
            case BOOLEAN -> ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
            case TINYINT -> ((TinyIntVector) vector).setSafe(row, ((Number) value).byteValue());
            case SMALLINT -> ((SmallIntVector) vector).setSafe(row, ((Number) value).shortValue());
            case INT -> ((IntVector) vector).setSafe(row, ((Number) value).intValue());
            case BIGINT -> ((BigIntVector) vector).setSafe(row, ((Number) value).longValue());
            case FLOAT -> ((Float4Vector) vector).setSafe(row, ((Number) value).floatValue());
            case DOUBLE -> ((Float8Vector) vector).setSafe(row, ((Number) value).doubleValue());
            case DECIMAL -> {
                // Exact: a value that would need rounding to fit the column's scale is an error, never rounded.
                BigDecimal exact = ((BigDecimal) value).setScale(((AthenaType.Decimal) type).scale(),
                        RoundingMode.UNNECESSARY);
                if (vector instanceof BigIntVector unscaled) {
                    unscaled.setSafe(row, exact.unscaledValue().longValueExact());
                } else {
                    ((DecimalVector) vector).setSafe(row, exact);
                }
            }
            case DATE -> ((DateDayVector) vector).setSafe(row, ((Number) value).intValue());
            case TIMESTAMP -> ((TimeStampMilliVector) vector).setSafe(row, ((Number) value).longValue());
            case BINARY -> ((VarBinaryVector) vector).setSafe(row, ((ByteString) value).getBytes());
            case CHAR, VARCHAR, STRING -> ((IntVector) vector).setSafe(row, dictionary.idOf(value.toString()));
            default -> throw new IllegalArgumentException("SPICE cannot hold " + type.ddl());
        }
    }

    /** The value in slot {@code row} in Glaux's row representation, or null. */
    static Object get(FieldVector vector, int row, AthenaType type, StringDictionary dictionary) {
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
            case CHAR, VARCHAR, STRING -> dictionary.value(((IntVector) vector).get(row));
            default -> throw new IllegalArgumentException("SPICE cannot hold " + type.ddl());
        };
    }
}
