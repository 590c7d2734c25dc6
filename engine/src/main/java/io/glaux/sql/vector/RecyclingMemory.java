package io.glaux.sql.vector;

import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.rounding.SegmentRoundingPolicy;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.apache.arrow.memory.util.MemoryUtil;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Native memory for Arrow buffers that keeps the blocks freed by one query for the next, up to {@code capacity}
 * bytes of free blocks. A live query reads its columns into fresh buffers (TPC-H Q15 at scale 1: 260 MB of lineitem)
 * and frees them when done; from {@code malloc}, a block of that size is mapped anew each time and every page of it
 * faults when first written, which took a third of such a query's time. Blocks of at least {@value #MIN_KEPT} bytes
 * are taken in size classes (eight a power of two, so a block is at most an eighth larger than asked for) and a
 * freed one goes back to its class's free list; smaller blocks, and blocks past the capacity, come from and go back
 * to {@code malloc}. The accounting allocator sees the size asked for, so the query's memory limit stands as before.
 * {@link #close()} frees the free blocks; blocks still in use are freed when released.
 */
public final class RecyclingMemory implements AllocationManager.Factory, AutoCloseable {

    /** The smallest block kept: below, {@code malloc} serves from memory it keeps itself. */
    static final long MIN_KEPT = 64 * 1024;
    private static final int CLASSES_PER_POWER_OF_TWO = 8;

    private final long capacity;
    private final Map<Long, ArrayDeque<Long>> free = new HashMap<>();
    private long kept;
    private boolean closed;

    /** @param capacity the bytes of free blocks kept at most */
    public RecyclingMemory(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
    }

    /** The size of the block a request for {@code size} bytes takes: {@code size} itself below {@link #MIN_KEPT}. */
    static long sizeClass(long size) {
        if (size < MIN_KEPT) {
            return size;
        }
        int power = 63 - Long.numberOfLeadingZeros(size - 1);
        long step = 1L << (power - Integer.numberOfTrailingZeros(CLASSES_PER_POWER_OF_TWO));
        return (size + step - 1) & -step;
    }

    /**
     * A root allocator of at most {@code limit} bytes whose buffers come from this memory, rounded to 1 KiB rather
     * than to powers of two (as SPICE's: a batch's memory stays at its data's size).
     */
    public BufferAllocator rootAllocator(long limit) {
        return new RootAllocator(RootAllocator.configBuilder().listener(AllocationListener.NOOP).maxAllocation(limit)
                .roundingPolicy(new SegmentRoundingPolicy(1024L)).allocationManagerFactory(this).build());
    }

    @Override
    public AllocationManager create(BufferAllocator accountingAllocator, long size) {
        long block = sizeClass(size);
        long address = block >= MIN_KEPT ? take(block) : 0;
        if (address == 0) {
            address = MemoryUtil.allocateMemory(block);
        }
        return new Block(accountingAllocator, address, size, block);
    }

    @Override
    public ArrowBuf empty() {
        return UnsafeAllocationManager.FACTORY.empty();
    }

    /** Bytes of free blocks kept for the next allocations. */
    public synchronized long keptBytes() {
        return kept;
    }

    private synchronized long take(long block) {
        ArrayDeque<Long> blocks = free.get(block);
        if (blocks == null || blocks.isEmpty()) {
            return 0;
        }
        kept -= block;
        return blocks.pop();
    }

    private void giveBack(long address, long block) {
        synchronized (this) {
            if (block >= MIN_KEPT && !closed && kept + block <= capacity) {
                free.computeIfAbsent(block, ignored -> new ArrayDeque<>()).push(address);
                kept += block;
                return;
            }
        }
        MemoryUtil.freeMemory(address);
    }

    /** Frees the free blocks; blocks in use are freed as they are released. */
    @Override
    public synchronized void close() {
        closed = true;
        for (ArrayDeque<Long> blocks : free.values()) {
            for (long address : blocks) {
                MemoryUtil.freeMemory(address);
            }
        }
        free.clear();
        kept = 0;
    }

    /** One buffer's memory: a block of its size class, given back to the pool when Arrow releases it. */
    private final class Block extends AllocationManager {
        private final long address;
        private final long size;
        private final long block;

        Block(BufferAllocator accountingAllocator, long address, long size, long block) {
            super(accountingAllocator);
            this.address = address;
            this.size = size;
            this.block = block;
        }

        @Override
        public long getSize() {
            return size;
        }

        @Override
        protected long memoryAddress() {
            return address;
        }

        @Override
        protected void release0() {
            giveBack(address, block);
        }
    }
}
