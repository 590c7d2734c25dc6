/**
 * The connector SPI: how the engine reaches a federated source (a PostgreSQL database, a DynamoDB table, a Lambda
 * function written with the Athena Query Federation SDK). The engine owns these interfaces; the {@code connectors}
 * module implements them and the SQL layer adapts them to Calcite ({@code io.glaux.sql.connector}).
 *
 * <p>A query reaches a connector in three steps, as in Trino's SPI and the Federation SDK: {@link
 * io.glaux.connector.ConnectorMetadata} names schemas and tables and gives a table's columns; {@link
 * io.glaux.connector.ConnectorScanner#splits} cuts a {@link io.glaux.connector.ScanRequest} into units of work; {@link
 * io.glaux.connector.ConnectorScanner#read} returns each split's rows as {@link io.glaux.connector.ColumnBatch}es.
 * Pushdown is a negotiation: a scan request carries the projected columns, a {@link io.glaux.connector.Constraint}
 * (value sets per column), and, only when the connector's {@link io.glaux.connector.ConnectorCapabilities} allow it
 * and the constraint says everything the query filters on, a limit and an order for a top-N. A connector may use
 * any part of it or none: the engine applies every filter, limit and order again to what comes back.
 *
 * <p>Values, in constraints and batches alike, take the engine's forms per Athena type: boolean {@code Boolean},
 * tinyint {@code Byte}, smallint {@code Short}, int {@code Integer}, bigint {@code Long}, float {@code Float}, double
 * {@code Double}, decimal {@code BigDecimal}, char/varchar/string {@code String}, date {@code Integer} days since
 * 1970-01-01, timestamp {@code Long} milliseconds since 1970-01-01T00:00 (no zone), varbinary Avatica's {@code
 * ByteString}, array {@code List}, map {@code Map}, struct {@code Object[]} in field order; SQL NULL is {@code null}.
 * {@link io.glaux.connector.ConnectorValues} converts from and to {@code java.time} and plain Java forms.
 */
package io.glaux.connector;
