package io.glaux.sql.vector.plan;

import io.glaux.catalog.Column;
import io.glaux.sql.vector.ColumnarData;

import java.util.List;
import java.util.concurrent.Executor;

/** What the SPICE plan nodes need from a dataset: its columns, its current version, and threads to scan it with. */
public interface VectorSource {

    List<Column> columns();

    /** Rows in the current version (for the planner's estimates). */
    long rowCount();

    /** The current version, held until the lease is closed; null when the dataset has no data. */
    Lease acquire();

    /** Helpers for parallel scans; a scan uses at most {@link #threads()} workers including its own thread. */
    Executor scanExecutor();

    int threads();

    /** Counts a query answered by the vectorized operators (for statistics and tests). */
    void recordVectorizedScan();

    /** A version in use. */
    interface Lease extends AutoCloseable {
        ColumnarData data();

        @Override
        void close();
    }
}
