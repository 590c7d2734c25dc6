package io.glaux.sql.vector.plan;

import org.apache.arrow.memory.BufferAllocator;

import java.util.concurrent.Executor;

/**
 * A source computed from other vectorized queries when a query runs (a join, an aggregate's rows): it has no data
 * while planning, is computed for each query, and computes with the memory and threads of the source it mainly reads
 * ({@link #base()}: a join's probe side, the aggregated source).
 */
abstract class DerivedSource implements VectorSource {

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
