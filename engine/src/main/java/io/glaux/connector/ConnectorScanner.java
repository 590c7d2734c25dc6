package io.glaux.connector;

import java.util.List;

/** Reads a source table: a scan request is cut into splits, each read as a stream of column batches. */
public interface ConnectorScanner {

    /** The units of work for a scan; splits whose partitions the constraint rules out may be left out. */
    List<ConnectorSplit> splits(ScanRequest request);

    /**
     * Opens one split. The batches carry the request's columns in the request's order; the reader is closed by the
     * engine when the query has what it needs, when it fails or when it is cancelled.
     */
    BatchReader read(ScanRequest request, ConnectorSplit split);
}
