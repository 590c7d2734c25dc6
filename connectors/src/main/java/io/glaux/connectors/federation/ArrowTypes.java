package io.glaux.connectors.federation;

import io.glaux.catalog.AthenaType;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Arrow field types as Athena shows the columns of a federated table: the Federation SDK's supported types (BIT,
 * TINYINT..BIGINT, FLOAT4/8, DECIMAL, VARCHAR, VARBINARY, DATEDAY, DATEMILLI, TIMESTAMP[MILLI|MICRO]TZ, LIST, STRUCT,
 * MAP) and the few neighbours a function may also send (other timestamp units, large strings and binaries).
 */
final class ArrowTypes {

    private ArrowTypes() {
    }

    /** The Athena type of a field; null when Athena has none for it. */
    static AthenaType athenaType(Field field) {
        ArrowType type = field.getType();
        return switch (type.getTypeID()) {
            case Bool -> AthenaType.BOOLEAN;
            case Int -> integer((ArrowType.Int) type);
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE
                    ? AthenaType.DOUBLE : AthenaType.FLOAT;
            case Decimal -> decimal((ArrowType.Decimal) type);
            case Utf8, LargeUtf8 -> AthenaType.STRING;
            case Binary, LargeBinary, FixedSizeBinary -> AthenaType.BINARY;
            case Date -> ((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY
                    ? AthenaType.DATE : AthenaType.TIMESTAMP;
            case Timestamp -> AthenaType.TIMESTAMP;
            case List, LargeList, FixedSizeList -> {
                AthenaType element = field.getChildren().size() == 1 ? athenaType(field.getChildren().get(0)) : null;
                yield element == null ? null : new AthenaType.Array(element);
            }
            case Struct -> struct(field);
            case Map -> map(field);
            default -> null;
        };
    }

    private static AthenaType integer(ArrowType.Int type) {
        if (!type.getIsSigned()) {
            return type.getBitWidth() < 32 ? AthenaType.INT : AthenaType.BIGINT;
        }
        return switch (type.getBitWidth()) {
            case 8 -> AthenaType.TINYINT;
            case 16 -> AthenaType.SMALLINT;
            case 32 -> AthenaType.INT;
            default -> AthenaType.BIGINT;
        };
    }

    private static AthenaType decimal(ArrowType.Decimal type) {
        int precision = type.getPrecision();
        if (precision < 1 || precision > 38 || type.getScale() < 0 || type.getScale() > precision) {
            return null;
        }
        return new AthenaType.Decimal(precision, type.getScale());
    }

    private static AthenaType struct(Field field) {
        List<AthenaType.Field> fields = new ArrayList<>();
        for (Field child : field.getChildren()) {
            AthenaType type = athenaType(child);
            if (type == null) {
                return null;
            }
            fields.add(new AthenaType.Field(child.getName().toLowerCase(java.util.Locale.ROOT), type));
        }
        return fields.isEmpty() ? null : new AthenaType.Struct(fields);
    }

    /** A map is a list of {key, value} structs. */
    private static AthenaType map(Field field) {
        if (field.getChildren().size() != 1 || field.getChildren().get(0).getChildren().size() != 2) {
            return null;
        }
        List<Field> entry = field.getChildren().get(0).getChildren();
        AthenaType key = athenaType(entry.get(0));
        AthenaType value = athenaType(entry.get(1));
        return key == null || value == null ? null : new AthenaType.Map(key, value);
    }
}
