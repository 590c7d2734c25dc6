/**
 * Federated sources that play Athena's connectors, implementing the engine's connector SPI ({@code
 * io.glaux.connector}): {@link io.glaux.connectors.jdbc.JdbcConnectorFactory} serves PostgreSQL databases over JDBC,
 * {@code federation} calls Athena Query Federation SDK functions.
 */
package io.glaux.connectors;
