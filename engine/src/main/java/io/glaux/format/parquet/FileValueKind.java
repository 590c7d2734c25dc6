package io.glaux.format.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * What a Parquet primitive column holds once its physical type and annotation are taken together, and the Java value
 * a reader first decodes it to: BOOLEAN → Boolean, INT → Integer, LONG → Long, FLOAT → Float, DOUBLE → Double,
 * DECIMAL → BigDecimal (file scale), STRING → String, BINARY → ByteString, DATE → Integer days,
 * TIMESTAMP → Long millis. {@code null} from {@link #of} means a type Athena cannot read (TIME, INTERVAL, ...).
 */
enum FileValueKind {
    BOOLEAN, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, BINARY, DATE, TIMESTAMP;

    static FileValueKind of(PrimitiveType type) {
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> annotation == null ? BOOLEAN : null;
            case INT32 -> {
                if (annotation == null) {
                    yield INT;
                } else if (annotation instanceof IntLogicalTypeAnnotation i) {
                    yield i.isSigned() || i.getBitWidth() < 32 ? INT : LONG;
                } else if (annotation instanceof DateLogicalTypeAnnotation) {
                    yield DATE;
                } else if (annotation instanceof DecimalLogicalTypeAnnotation) {
                    yield DECIMAL;
                }
                yield null;
            }
            case INT64 -> {
                if (annotation == null || annotation instanceof IntLogicalTypeAnnotation) {
                    yield LONG;
                } else if (annotation instanceof TimestampLogicalTypeAnnotation) {
                    yield TIMESTAMP;
                } else if (annotation instanceof DecimalLogicalTypeAnnotation) {
                    yield DECIMAL;
                }
                yield null;
            }
            case INT96 -> TIMESTAMP;
            case FLOAT -> annotation == null ? FLOAT : null;
            case DOUBLE -> annotation == null ? DOUBLE : null;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (annotation instanceof DecimalLogicalTypeAnnotation) {
                    yield DECIMAL;
                } else if (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                    yield STRING;
                } else if (annotation == null || annotation instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation
                        || annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                    yield BINARY;
                }
                yield null;
            }
        };
    }

    /** The file's decimal scale (0 for non-decimals). */
    static int decimalScale(PrimitiveType type) {
        return type.getLogicalTypeAnnotation() instanceof DecimalLogicalTypeAnnotation d ? d.getScale() : 0;
    }

    /** The unit of an INT64 timestamp; INT96 has none (null). */
    static TimeUnit timestampUnit(PrimitiveType type) {
        return type.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation t ? t.getUnit() : null;
    }

    /** How Athena's errors print a Parquet column's type, e.g. {@code INT64} or {@code BINARY (STRING)}. */
    static String describe(org.apache.parquet.schema.Type type) {
        if (!type.isPrimitive()) {
            LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
            return annotation == null ? "group" : "group (" + annotation + ")";
        }
        PrimitiveType primitive = type.asPrimitiveType();
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        String physical = primitive.getPrimitiveTypeName().name();
        String repeated = type.isRepetition(org.apache.parquet.schema.Type.Repetition.REPEATED) ? "repeated " : "";
        return repeated + (annotation == null ? physical : physical + " (" + annotation + ")");
    }
}
