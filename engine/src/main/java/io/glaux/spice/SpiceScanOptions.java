package io.glaux.spice;

/**
 * How queries over SPICE run: on how many threads a large scan is split, and whether the vectorized operators
 * (filter, aggregate and top-N loops over Arrow buffers) are used at all. Turning them off runs every SPICE query
 * row by row through Calcite's Enumerable operators, which gives the same answers, only slower; tests compare the two.
 */
public record SpiceScanOptions(int threads, boolean vectorized) {

    public SpiceScanOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("SPICE scan threads must be at least 1");
        }
    }

    /** All available processors, vectorized. */
    public static SpiceScanOptions defaults() {
        return new SpiceScanOptions(Runtime.getRuntime().availableProcessors(), true);
    }

    public SpiceScanOptions withThreads(int count) {
        return new SpiceScanOptions(count, vectorized);
    }

    public SpiceScanOptions withVectorized(boolean enabled) {
        return new SpiceScanOptions(threads, enabled);
    }
}
