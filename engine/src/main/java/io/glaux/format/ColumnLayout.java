package io.glaux.format;

import io.glaux.catalog.AthenaType;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * How a column of each Athena type is held in Arrow vectors, wherever Glaux works on columns (batches read from
 * objects, SPICE versions): integers, floats and booleans in their own vectors; decimals as their unscaled value in a
 * 64-bit vector when they have at most {@value #MAX_LONG_DECIMAL_PRECISION} digits (half the memory and bandwidth of
 * Arrow's 128-bit decimals, which hold the wider ones with the column's precision and scale); dates as days
 * ({@code DateDay}); timestamps as milliseconds without a zone ({@code TimeStampMilli}); binary as {@code VarBinary};
 * char, varchar and string as int32 ids into a dictionary of UTF-8 values. NULLs are the vectors' validity bits.
 * Arrays, maps and structs have no columnar layout.
 */
public final class ColumnLayout {

    /** The widest decimal held as an unscaled long. */
    public static final int MAX_LONG_DECIMAL_PRECISION = 18;

    /** The type of the ids of a dictionary-encoded string column. */
    public static final ArrowType.Int DICTIONARY_INDEX_TYPE = new ArrowType.Int(32, true);

    private ColumnLayout() {
    }

    public static boolean isSupported(AthenaType type) {
        return switch (type.kind()) {
            case ARRAY, MAP, STRUCT -> false;
            default -> true;
        };
    }

    /** Decimals that fit a long are kept as their unscaled value. */
    public static boolean isLongDecimal(AthenaType type) {
        return type instanceof AthenaType.Decimal decimal && decimal.precision() <= MAX_LONG_DECIMAL_PRECISION;
    }

    /** Whether the column is held as dictionary ids ({@link #DICTIONARY_INDEX_TYPE}) rather than values. */
    public static boolean isDictionaryEncoded(AthenaType type) {
        return switch (type.kind()) {
            case CHAR, VARCHAR, STRING -> true;
            default -> false;
        };
    }

    /**
     * The Arrow type of the column's values; for a dictionary-encoded column, of its ids.
     *
     * @throws IllegalArgumentException for a type without a columnar layout
     */
    public static ArrowType arrowType(AthenaType type) {
        return switch (type.kind()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case TINYINT -> new ArrowType.Int(8, true);
            case SMALLINT -> new ArrowType.Int(16, true);
            case INT -> new ArrowType.Int(32, true);
            case BIGINT -> new ArrowType.Int(64, true);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> {
                AthenaType.Decimal decimal = (AthenaType.Decimal) type;
                yield isLongDecimal(type) ? new ArrowType.Int(64, true)
                        : new ArrowType.Decimal(decimal.precision(), decimal.scale(), 128);
            }
            case DATE -> new ArrowType.Date(DateUnit.DAY);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MILLISECOND, null);
            case BINARY -> ArrowType.Binary.INSTANCE;
            case CHAR, VARCHAR, STRING -> DICTIONARY_INDEX_TYPE;
            default -> throw new IllegalArgumentException("No columnar layout for " + type.ddl());
        };
    }
}
