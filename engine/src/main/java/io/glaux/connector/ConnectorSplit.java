package io.glaux.connector;

/** A unit of work a connector cut a scan into; the connector's own small immutable value. */
public interface ConnectorSplit {
}
