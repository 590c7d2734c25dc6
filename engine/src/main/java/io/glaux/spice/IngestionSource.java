package io.glaux.spice;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;
import java.util.Optional;

/**
 * Where an ingestion's rows come from: the engine's planner run in-process ({@link PlannerSource}) or an Athena query
 * execution whose result object is read back from the store ({@link AthenaSource}). The importer asks for the rows of
 * a statement (the dataset's SQL, or the SQL of an incremental refresh's window) and builds the version from them.
 */
interface IngestionSource {

    /**
     * The columns the definition's query returns when the source can tell without running it (the planner can; an
     * Athena query has to run first), else empty.
     *
     * @throws IngestionFailure when the query is not valid
     */
    Optional<List<Column>> columns(SpiceDefinition definition);

    /**
     * Runs {@code sql} in the definition's context and opens its rows. The source watches the ingestion's cancel
     * flag while it runs the statement and throws {@link java.util.concurrent.CancellationException} once it is
     * set; it may record what it ran on the ingestion (its query execution id).
     *
     * @throws IngestionFailure when the statement fails or its result cannot be read
     */
    SourceRows open(SpiceDefinition definition, String sql, Ingestion ingestion);

    /** An open result: its columns, then its rows one at a time. */
    interface SourceRows extends AutoCloseable {

        /** Returned by {@link #next()} for a row whose fields cannot be read as their columns' types. */
        Object[] UNREADABLE = new Object[0];

        List<Column> columns();

        /**
         * The next row as values of {@link #columns()} ({@link io.glaux.format.Values} form), {@link #UNREADABLE}
         * for a row that cannot be read as those types (dropped by the importer), or null at the end.
         */
        Object[] next();

        /**
         * The same rows as column batches of at most {@code maxRows} rows allocated from {@code allocator}, when
         * the source can read them in columns (a statement that only reads columns of one table, read from its
         * objects; an Athena result object); else empty, and the rows come from {@link #next()}. Either is read,
         * not both. Rows {@link #next()} would give as {@link #UNREADABLE} are left out of the batches, and the
         * source counts them as the ingestion's dropped rows itself.
         */
        default Optional<ColumnBatches> batches(BufferAllocator allocator, int maxRows) {
            return Optional.empty();
        }

        @Override
        void close();
    }

    /** The column batches of an open result, one after another. */
    interface ColumnBatches extends AutoCloseable {

        /**
         * The next batch (the caller closes it), or null at the end.
         *
         * @throws IngestionFailure when the rows cannot be read
         */
        ColumnBatch next();

        @Override
        void close();
    }
}
