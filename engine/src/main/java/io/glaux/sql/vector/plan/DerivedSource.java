package io.glaux.sql.vector.plan;

import io.glaux.catalog.Column;
import org.apache.arrow.memory.BufferAllocator;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * A source computed from other vectorized queries when a query runs (a join, an aggregate's rows): its columns and
 * estimated rows are known while planning, its data are not, is computed for each query, and computes with the memory and threads of the source it mainly reads
 * ({@link #base()}: a join's probe side, the aggregated source).
 */
abstract class DerivedSource implements VectorSource {

    private final List<Column> columns;
    /** The rows, as the planner estimates them. */
    final double rows;

    DerivedSource(List<Column> columns, double rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    @Override
    public final List<Column> columns() {
        return columns;
    }

    @Override
    public final long rowCount() {
        return (long) Math.max(1, Math.min(Long.MAX_VALUE, rows));
    }

    /** The source whose query allocator and threads this one computes with. */
    abstract VectorSource base();

    @Override
    public final Lease planningData() {
        return null;
    }

    @Override
    public final boolean readsPerQuery() {
        return true;
    }

    @Override
    public BufferAllocator newQueryAllocator(String name) {
        return base().newQueryAllocator(name);
    }

    @Override
    public Executor scanExecutor() {
        return base().scanExecutor();
    }

    @Override
    public int threads() {
        return base().threads();
    }
}
