package io.glaux.sql.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecyclingMemoryTest {

    private static BufferAllocator allocator(RecyclingMemory memory) {
        return memory.rootAllocator(1L << 30);
    }

    @Test
    void sizeClassesAreAtMostAnEighthLargerThanAsked() {
        assertThat(RecyclingMemory.sizeClass(1000)).isEqualTo(1000);
        assertThat(RecyclingMemory.sizeClass(RecyclingMemory.MIN_KEPT - 1)).isEqualTo(RecyclingMemory.MIN_KEPT - 1);
        assertThat(RecyclingMemory.sizeClass(1 << 20)).isEqualTo(1 << 20);
        assertThat(RecyclingMemory.sizeClass((1 << 20) + 1)).isEqualTo((1 << 20) + (1 << 17));
        for (long size = RecyclingMemory.MIN_KEPT; size < 1L << 32; size = size * 3 / 2 + 7) {
            long block = RecyclingMemory.sizeClass(size);
            assertThat(block).as("class of %d", size).isBetween(size, size + size / 8);
        }
    }

    @Test
    void aFreedBlockServesTheNextAllocationOfItsClass() {
        try (RecyclingMemory memory = new RecyclingMemory(16 << 20); BufferAllocator allocator = allocator(memory)) {
            ArrowBuf first = allocator.buffer(1 << 20);
            long address = first.memoryAddress();
            first.close();
            assertThat(memory.keptBytes()).isEqualTo(1 << 20);
            // A little smaller, the same class: the same block, counted at the size asked for.
            try (ArrowBuf second = allocator.buffer((1 << 20) - 4096)) {
                assertThat(second.memoryAddress()).isEqualTo(address);
                assertThat(memory.keptBytes()).isZero();
                assertThat(allocator.getAllocatedMemory()).isEqualTo((1 << 20) - 4096);
                second.setLong(second.capacity() - 8, 42);
                assertThat(second.getLong(second.capacity() - 8)).isEqualTo(42);
            }
        }
    }

    @Test
    void freeBlocksPastTheCapacityAndSmallBlocksAreNotKept() {
        try (RecyclingMemory memory = new RecyclingMemory(1 << 20); BufferAllocator allocator = allocator(memory)) {
            ArrowBuf one = allocator.buffer(1 << 20);
            ArrowBuf two = allocator.buffer(1 << 20);
            ArrowBuf small = allocator.buffer(4096);
            one.close();
            two.close();
            small.close();
            assertThat(memory.keptBytes()).isEqualTo(1 << 20);
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void closingFreesTheKeptBlocksAndBlocksReleasedLaterAreNotKept() {
        RecyclingMemory memory = new RecyclingMemory(16 << 20);
        try (BufferAllocator allocator = allocator(memory)) {
            allocator.buffer(1 << 20).close();
            ArrowBuf held = allocator.buffer(2 << 20);
            memory.close();
            assertThat(memory.keptBytes()).isZero();
            held.close();
            assertThat(memory.keptBytes()).isZero();
        }
    }
}
