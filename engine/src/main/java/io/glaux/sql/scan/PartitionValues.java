package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.ddl.HivePartitionNames;
import io.glaux.format.text.TextValueParser;

import java.math.BigDecimal;

/**
 * Partition key values are strings in the catalog (and in {@code key=value/} paths). This turns them into column
 * values ({@link io.glaux.format.Values} form) and into the comparable form the pruner uses. A value that does not
 * parse as the key's type, or Hive's default-partition marker, is NULL.
 */
final class PartitionValues {

    static final String HIVE_DEFAULT_PARTITION = HivePartitionNames.DEFAULT_PARTITION;

    private PartitionValues() {
    }

    /** The value as a column value, or null. */
    static Object typed(String raw, AthenaType type) {
        if (raw == null || raw.equals(HIVE_DEFAULT_PARTITION)) {
            return null;
        }
        try {
            return TextValueParser.parse(raw, type);
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
