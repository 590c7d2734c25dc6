package io.glaux.connectors.jdbc;

import io.glaux.connector.Domain;

import java.util.List;
import java.util.OptionalLong;

/**
 * The statement one split sends, and what the connector does with its rows.
 *
 * @param sql        the SELECT, with {@code ?} bind parameters
 * @param parameters the values bound to them, in order
 * @param selected   the columns of the SELECT list, in order (none: the query selects a constant)
 * @param output     for each column the scan request asked for, its position in {@code selected}
 * @param residual   the parts of the constraint the SQL does not say, which the connector checks on each row
 * @param rowLimit   rows to stop after, counted after {@code residual}, when the limit could not go into the SQL
 */
record PostgresQuery(String sql, List<Parameter> parameters, List<SourceColumn> selected, int[] output,
                     List<Residual> residual, OptionalLong rowLimit) {

    /** One bind parameter: a value in the engine's form and how to bind it. */
    record Parameter(Object value, SourceColumn.Read type) {
    }

    /** A column's domain the connector checks itself; {@code position} is the column's place in the SELECT list. */
    record Residual(int position, Domain domain) {
    }
}
