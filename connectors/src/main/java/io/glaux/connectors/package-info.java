/**
 * Federated sources that play Athena's connectors, implementing the engine's connector SPI ({@code
 * io.glaux.connector}): {@link io.glaux.connectors.jdbc.JdbcConnectorFactory} serves PostgreSQL databases over JDBC.
 */
package io.glaux.connectors;
