package io.glaux.sql.vector.plan;

import io.glaux.catalog.Column;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.vector.ColumnarData;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What the vectorized plan nodes need from a table: its columns, its data when a query runs, and threads to scan it
 * with. A SPICE dataset holds its data as a version in memory; a live table's objects are read in columns for each
 * query that runs on it.
 */
public interface VectorSource {

    /** The table's columns, in the order of its row type. */
    List<Column> columns();

    /**
     * What the source reads, for telling the equal computations of one query apart (they are computed once): equal
     * for the sources of one table, else the source itself.
     */
    default Object identity() {
        return this;
    }

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
     * As {@link #open(ScanContext, ImmutableBitSet, List)}, where the query reads {@code valueStrings} (string columns
     * among {@code fields}) only as values: its filter tests them with conditions that can test a value's UTF-8
     * bytes, and it returns them as they are. A source may hold a batch of such a column as its values
     * ({@code VarCharVector}) rather than as ids into the column's dictionary, sparing a dictionary lookup per row of
     * a column with many distinct values (a comment, a phone number). The filter kernels
     * ({@link io.glaux.sql.vector.RowFilters#strings}), the projections that return a column
     * ({@link io.glaux.sql.vector.Projection.ColumnValue}) and a join's gathering of its probe side read either.
     */
    default Lease open(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                       List<RexNode> filters) {
        return open(context, fields, filters);
    }

    /**
     * Whether the source may hold the string columns a query reads only as values
     * ({@link #open(ScanContext, ImmutableBitSet, ImmutableBitSet, List)}): sources read per query, and those that
     * keep high-cardinality columns as values (a SPICE dataset).
     */
    default boolean holdsStringsAsValues() {
        return readsPerQuery();
    }

    /**
     * Whether the data is read for each query: then a query that reduces the rows to few (an aggregate or a
     * top-N) runs here when the source {@link #canHold} its columns, and a filtered row scan when it
     * {@link #streams} them, or any row scan when it {@link #computesRows}; other row scans stay on the row
     * operators.
     */
    boolean readsPerQuery();

    /**
     * Whether the source computes its rows from other queries' (a join): a row scan of it does the row operators'
     * work even unfiltered, and runs here when the source {@link #canHold} its columns.
     */
    default boolean computesRows() {
        return false;
    }

    /** Whether reading {@code fields} for one query stays within its memory; always true for data already held. */
    default boolean canHold(ImmutableBitSet fields) {
        return true;
    }

    /** Whether {@link #parts} can read {@code fields}. */
    default boolean streams(ImmutableBitSet fields) {
        return false;
    }

    /**
     * For a source read per query: the columns the query uses read in parts on the source's threads, each part
     * given to {@code work} on the thread that read it (its data are valid only within {@code work}, which returns
     * a non-null result holding none of them), and the results given back in the table's order. Only a few parts
     * are in memory at once, whatever the size of the table.
     */
    default <T> Parts<T> parts(ScanContext context, ImmutableBitSet fields, List<RexNode> filters,
                               Function<ColumnarData, T> work) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is not read in parts");
    }

    /** As {@link #parts(ScanContext, ImmutableBitSet, List, Function)}, with {@code valueStrings} as in
     * {@link #open(ScanContext, ImmutableBitSet, ImmutableBitSet, List)}. */
    default <T> Parts<T> parts(ScanContext context, ImmutableBitSet fields, ImmutableBitSet valueStrings,
                               List<RexNode> filters, Function<ColumnarData, T> work) {
        return parts(context, fields, filters, work);
    }

    /** Results of work on parts, in the table's order. */
    interface Parts<T> extends AutoCloseable {
        /** The next part's result, or null after the last. */
        T next();

        /** Stops reading; returns once no part is being read. */
        @Override
        void close();
    }

    /** Whether every query of this source gives at most one row (the rows of an aggregate without GROUP BY). */
    default boolean atMostOneRow() {
        return false;
    }

    /**
     * At most how many distinct values column {@code column} holds, for the planner's join order; empty when not
     * known.
     */
    default OptionalDouble distinctValues(int column) {
        return OptionalDouble.empty();
    }

    /**
     * Rows a query of this source reads, for the planner's costs: the table's rows, or for a join both sides' with its
     * built rows counted again.
     */
    default double readRows() {
        return rowCount();
    }

    /**
     * Whether a query of this source reads a live table, directly or through the queries it is computed from: then a
     * query that outgrows the memory of vectorized queries runs again on the row operators ({@link VectorFallback}).
     */
    default boolean readsLiveTables() {
        return readsPerQuery();
    }

    /**
     * For a source computed from other vectorized queries (a join, an aggregate's rows): the operator EXPLAIN shows
     * for a scan of it with {@code filter} (empty or {@code ", filterPredicate = ..."}), or null for a table.
     */
    default String operatorName(String filter) {
        return null;
    }

    /** For a source computed from other vectorized queries, those queries (the nodes EXPLAIN shows under it). */
    default List<RelNode> inputs() {
        return List.of();
    }

    /**
     * Arrow memory for what one query computes from this source's data (a join's gathered columns), within the
     * limits of the memory the source is read into; the query closes it.
     */
    BufferAllocator newQueryAllocator(String name);

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
