package io.glaux.connectors.jdbc;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;

/**
 * One column of a PostgreSQL table as the connector reads it: its name in the database, its Athena type, and the SQL
 * expression whose value is exactly what Glaux sees (the quoted column, or a cast where the database's value has to
 * be narrowed to the Athena type). Selecting, filtering and ordering all use that expression, so what the database
 * filters is what Glaux would.
 *
 * @param sourceName   the column's name in PostgreSQL
 * @param column       the column as Glaux sees it (lower-case name, Athena type)
 * @param typeName     PostgreSQL's type name, as the driver reports it (int4, _text, timestamptz, ...)
 * @param expression   the SQL that yields the column's value
 * @param read         how a value is read from the result set
 * @param raw          whether {@code expression} is the bare column (an index on it can serve a filter)
 * @param collationSensitiveEquality whether string equality on this column depends on its collation (a
 *                     nondeterministic collation), so equality is compared with COLLATE "C"
 */
record SourceColumn(String sourceName, Column column, String typeName, String expression, Read read, boolean raw,
                    boolean collationSensitiveEquality) {

    /** How a column's values come out of a result set, and take the engine's value form. */
    enum Read {
        BOOLEAN, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL, STRING, DATE,
        /** A timestamp without time zone: the wall-clock time as is. */
        TIMESTAMP,
        /** A timestamp with time zone: the instant, as UTC wall-clock time. */
        TIMESTAMP_TZ,
        BINARY, ARRAY
    }

    String name() {
        return column.name();
    }

    AthenaType type() {
        return column.type();
    }

    SourceColumn withCollationSensitiveEquality() {
        return new SourceColumn(sourceName, column, typeName, expression, read, raw, true);
    }
}
