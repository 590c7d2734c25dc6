package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Partition key values are strings in the catalog (and in {@code key=value/} paths). This turns them into column
 * values ({@link io.glaux.format.Values} form) and into the comparable form the pruner uses. A value that does not
 * parse as the key's type, or Hive's default-partition marker, is NULL.
 */
final class PartitionValues {

    static final String HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private PartitionValues() {
    }

    /** The value as a column value, or null. */
    static Object typed(String raw, AthenaType type) {
        if (raw == null || raw.equals(HIVE_DEFAULT_PARTITION)) {
            return null;
        }
        try {
            return switch (type.kind()) {
                case BOOLEAN -> raw.equalsIgnoreCase("true") ? Boolean.TRUE
                        : raw.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case TINYINT -> Byte.parseByte(raw.trim());
                case SMALLINT -> Short.parseShort(raw.trim());
                case INT -> Integer.parseInt(raw.trim());
                case BIGINT -> Long.parseLong(raw.trim());
                case FLOAT -> Float.parseFloat(raw.trim());
                case DOUBLE -> Double.parseDouble(raw.trim());
                case DECIMAL -> new BigDecimal(raw.trim())
                        .setScale(((AthenaType.Decimal) type).scale(), RoundingMode.HALF_UP);
                case CHAR, VARCHAR, STRING -> raw;
                case DATE -> (int) LocalDate.parse(raw.trim()).toEpochDay();
                case TIMESTAMP -> LocalDateTime.parse(raw.trim(), TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The value in the pruner's comparable form (see {@link RexValues}), or null. */
    static Comparable<?> comparable(String raw, AthenaType type) {
        Object value = typed(raw, type);
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE -> new BigDecimal(value.toString());
            case DECIMAL, CHAR, VARCHAR, STRING, DATE, TIMESTAMP, BOOLEAN -> (Comparable<?>) value;
            default -> null;
        };
    }
}
