package io.glaux.spice;

import io.glaux.catalog.AthenaType;

import java.util.Locale;
import java.util.Objects;

/**
 * A column a dataset declares, with its QuickSight type (as a QuickSight physical table's InputColumn): the dataset
 * holds the query column of that name (case-insensitive) cast to this type, and a row whose value fails the cast is
 * dropped (counted in {@link RowInfo#rowsDropped()}).
 */
public record OutputColumn(String name, Type type) {

    /** QuickSight's InputColumn types that SPICE holds, and the Athena type each is kept as. */
    public enum Type {
        STRING(AthenaType.STRING),
        /** A 64-bit integer. */
        INTEGER(AthenaType.BIGINT),
        /** QuickSight's fixed decimal: 4 digits after the point (values rounded half up), 18 digits in all. */
        DECIMAL(new AthenaType.Decimal(18, 4)),
        /** A timestamp without time zone, to the millisecond. */
        DATETIME(AthenaType.TIMESTAMP),
        BOOLEAN(AthenaType.BOOLEAN);

        private final AthenaType athenaType;

        Type(AthenaType athenaType) {
            this.athenaType = athenaType;
        }

        public AthenaType athenaType() {
            return athenaType;
        }
    }

    public OutputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An output column needs a name");
        }
        name = name.toLowerCase(Locale.ROOT);
    }
}
