package io.glaux.connectors.federation;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The connector's Arrow memory: one child allocator per reader or request being built. Closing the connector while
 * readers are still open (its catalog changed under a running query) lets them finish; the memory is released when
 * the last one closes.
 */
final class ArrowMemory {

    private final RootAllocator root = new RootAllocator();
    private boolean closing;

    synchronized BufferAllocator child(String name) {
        if (closing) {
            throw new IllegalStateException("The connector is closed");
        }
        return root.newChildAllocator(name, 0, Long.MAX_VALUE);
    }

    synchronized void release(BufferAllocator child) {
        child.close();
        if (closing && root.getChildAllocators().isEmpty()) {
            root.close();
        }
    }

    /** Child allocators not yet released: readers open, or leaked. */
    synchronized int open() {
        return closing && root.getChildAllocators().isEmpty() ? 0 : root.getChildAllocators().size();
    }

    synchronized void close() {
        if (!closing) {
            closing = true;
            if (root.getChildAllocators().isEmpty()) {
                root.close();
            }
        }
    }
}
