/**
 * Glaux as the caller of Athena Query Federation SDK functions (LAMBDA data catalogs). A query's path, in file order:
 * {@link io.glaux.connectors.federation.FederationConnectorFactory} makes a {@link
 * io.glaux.connectors.federation.FederationConnector} for a catalog; {@code FederationMetadata} lists and describes
 * ({@code ArrowTypes}); {@code FederationScanner} asks for the layout and the splits, with the constraint as {@code
 * ConstraintsJson} writes it ({@code ValueBlocks}); {@code FederationBatchReader} reads a split's records, inline or
 * spilled ({@code SpillCrypto}), as {@code ArrowColumnBatch}es ({@code ArrowValues}). Requests are written by {@code
 * Requests} at the serde version {@code FunctionClient} negotiated, and failures are worded by {@code
 * FederationErrors}. See docs/connectors.md.
 */
package io.glaux.connectors.federation;
