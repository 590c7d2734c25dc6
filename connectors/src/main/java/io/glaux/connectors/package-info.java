/** Federated sources that play Athena's Lambda connectors; the connector SPI arrives with the federation issue. */
package io.glaux.connectors;
