package io.glaux.connector;

/**
 * One federated source: what it holds and how to read it. A connector is shared by concurrent queries and closed
 * once, when its catalog goes away or Glaux stops.
 */
public interface Connector extends AutoCloseable {

    ConnectorMetadata metadata();

    ConnectorScanner scanner();

    @Override
    default void close() {
    }
}
