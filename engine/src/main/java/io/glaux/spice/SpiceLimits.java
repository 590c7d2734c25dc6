package io.glaux.spice;

/**
 * SPICE capacity: rows per dataset (QuickSight Enterprise allows 1 billion) and Arrow memory for all datasets
 * together. Ingestions check both as their batches arrive and fail instead of exhausting memory.
 */
public record SpiceLimits(long maxRowsPerDataset, long maxTotalBytes) {

    public static final long DEFAULT_MAX_ROWS_PER_DATASET = 1_000_000_000L;

    public SpiceLimits {
        if (maxRowsPerDataset <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("SPICE limits must be positive");
        }
    }

    /**
     * 1 billion rows per dataset; half the JVM's maximum heap for all datasets (Arrow buffers are direct memory,
     * which the JVM caps at the maximum heap size unless {@code -XX:MaxDirectMemorySize} says otherwise).
     */
    public static SpiceLimits defaults() {
        return new SpiceLimits(DEFAULT_MAX_ROWS_PER_DATASET, Runtime.getRuntime().maxMemory() / 2);
    }

    public SpiceLimits withMaxRowsPerDataset(long rows) {
        return new SpiceLimits(rows, maxTotalBytes);
    }

    public SpiceLimits withMaxTotalBytes(long bytes) {
        return new SpiceLimits(maxRowsPerDataset, bytes);
    }
}
