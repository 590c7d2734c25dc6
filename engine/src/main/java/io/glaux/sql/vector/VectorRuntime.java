package io.glaux.sql.vector;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What vectorized queries over live tables share: the helper threads that scan batches next to the querying
 * thread, and the Arrow memory that holds the columns each such query reads, capped at {@code memoryLimit} bytes for
 * all of them together (a query that would pass it fails with Athena's "Query exhausted resources at this scale
 * factor" rather than the process running out of memory). The memory comes from a {@link RecyclingMemory}, so the
 * blocks one query frees serve the next without faulting in fresh pages.
 */
public final class VectorRuntime implements AutoCloseable {

    private final int threads;
    private final long memoryLimit;
    private final int batchRows;
    private final ExecutorService helpers;
    private final RecyclingMemory memory;
    private final BufferAllocator allocator;
    private final AtomicLong scans = new AtomicLong();
    private final AtomicLong parts = new AtomicLong();

    /**
     * Makes what the first batch of the process would otherwise make: Arrow's {@link Schema} class, whose static
     * initialiser builds a Jackson reader for schemas (about 40 ms of a cold JVM). Safe from any thread, at any time.
     */
    public static void loadSharedTables() {
        new Schema(List.of());
    }

    /** @param batchRows rows per batch a live table is read in (Parquet batches also end with each row group) */
    public VectorRuntime(int threads, long memoryLimit, int batchRows) {
        if (threads < 1) {
            throw new IllegalArgumentException("Vectorized scan threads must be at least 1");
        }
        this.threads = threads;
        this.memoryLimit = memoryLimit;
        this.batchRows = batchRows;
        this.helpers = Executors.newFixedThreadPool(Math.max(1, threads - 1), task -> {
            Thread thread = new Thread(task, "glaux-vector-scan");
            thread.setDaemon(true);
            return thread;
        });
        // Blocks a query frees are kept for the next, up to a quarter of the limit.
        this.memory = new RecyclingMemory(memoryLimit / 4);
        this.allocator = memory.rootAllocator(memoryLimit);
    }

    public int threads() {
        return threads;
    }

    public int batchRows() {
        return batchRows;
    }

    public Executor executor() {
        return helpers;
    }

    /** The bytes all live vectorized queries together may hold. */
    public long memoryLimit() {
        return memoryLimit;
    }

    /** An allocator for one query's columns, within the shared limit; the query closes it. */
    public BufferAllocator newQueryAllocator(String name) {
        return allocator.newChildAllocator(name, 0, memoryLimit);
    }

    /** Arrow memory the running queries hold. */
    public long allocatedBytes() {
        return allocator.getAllocatedMemory();
    }

    public void recordScan() {
        scans.incrementAndGet();
    }

    /** How many queries over live tables the vectorized operators have answered. */
    public long scans() {
        return scans.get();
    }

    /** Counts one part of an object read for a query. */
    public void recordPart() {
        parts.incrementAndGet();
    }

    /** How many parts of objects (whole, or byte ranges of large ones) those queries have read. */
    public long parts() {
        return parts.get();
    }

    @Override
    public void close() {
        helpers.shutdown();
        try {
            allocator.close();
        } finally {
            memory.close();
        }
    }
}
