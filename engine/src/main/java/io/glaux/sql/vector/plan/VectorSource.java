package io.glaux.sql.vector.plan;

import io.glaux.catalog.Column;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.vector.ColumnarData;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the vectorized plan nodes need from a table: its columns, its data when a query runs, and threads to scan it
 * with. A SPICE dataset holds its data as a version in memory; a live table's objects are read in columns for each
 * query that runs on it.
 */
public interface VectorSource {

    /** The table's columns, in the order of its row type. */
    List<Column> columns();

    /** Rows, exactly or as estimated (for the planner's costs). */
    long rowCount();

    /**
     * The data plans are checked against while planning (its dictionaries and value ranges), held until the lease
     * is closed; null when there is none then (an empty dataset, or a table read only when a query runs), and the
     * checks go by the columns' declared types.
     */
    Lease planningData();

    /**
     * The data a query reads, held until the lease is closed, or null when there is none. {@code fields} are the
     * columns the query uses (a source may leave the others empty), {@code filters} its conjuncts over the table's
     * columns (a source may skip data they rule out, such as partitions; the query still applies them to each row).
     */
    Lease open(ScanContext context, ImmutableBitSet fields, List<RexNode> filters);

    /**
     * Whether the data is read and held for each query: then a query runs here only when it reduces the rows to
     * few (an aggregate or a top-N) and {@link #canHold} its columns; row scans keep streaming through the row
     * operators.
     */
    boolean readsPerQuery();

    /** Whether reading {@code fields} for one query stays within its memory; always true for data already held. */
    default boolean canHold(ImmutableBitSet fields) {
        return true;
    }

    /** Helpers for parallel scans; a scan uses at most {@link #threads()} workers including its own thread. */
    Executor scanExecutor();

    int threads();

    /** Counts a query answered by the vectorized operators (for statistics and tests). */
    void recordVectorizedScan();

    /** A table that can be read by the vectorized operators (Calcite finds it with {@code unwrap}). */
    interface Provider {
        /** This table's source, or null when it is not to be vectorized. */
        VectorSource vectorSource();
    }

    /** Data in use. */
    interface Lease extends AutoCloseable {
        ColumnarData data();

        @Override
        void close();

        /** {@code data}, given back by {@code release}. */
        static Lease of(ColumnarData data, Runnable release) {
            return new Lease() {
                @Override
                public ColumnarData data() {
                    return data;
                }

                @Override
                public void close() {
                    release.run();
                }
            };
        }
    }
}
