package io.glaux.cli;

/**
 * System properties the {@code glaux} process sets for the JDK and the libraries it starts, before any of them reads
 * them, where their defaults cost start-up time. A property the user set (with {@code -D}) is left as it is. Only the
 * command sets them: Glaux embedded in another program ({@code GlauxServer.builder()}) leaves that program's
 * properties alone.
 */
final class ProcessSettings {

    /**
     * Core reflection through the JDK's native accessors rather than method handles (JDK 18 and newer, JEP 416).
     * With method handles, the first call of each reflected constructor or method spins classes (Jackson's records,
     * picocli's options): at a start, about 170 hidden classes and the JIT compilers' work on the class-file API that
     * makes them. A native call costs some tens of nanoseconds more, on paths (reading JSON into records, planning)
     * that make few. Java 17 ignores it.
     */
    static final String NATIVE_REFLECTION = "jdk.reflect.useNativeAccessorOnly";

    /**
     * Jetty's padding against false sharing, in object references per cache line. Without it, Jetty's
     * {@code MemoryUtils} starts the platform MBean server to ask whether compressed references are on, which
     * registers every platform MBean and parses JFR's settings files: about 50 ms of the main thread and more of the
     * JIT compilers', at every start.
     */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * picocli's look-up of Groovy's {@code Closure} class, which its default factory makes in its static initialiser
     * (for Groovy scripts' closures in annotations, which glaux has none of). Groovy is not on the class path, so the
     * look-up misses every class the cache holds and opens the jar: its directory of 33,000 entries read on the main
     * thread while picocli builds its model, about 20 ms. Without it the first to open the jar is slf4j's look-up of
     * logback's services, on the thread that builds {@link StartTables} beside the main thread.
     */
    static final String PICOCLI_CLOSURES_OFF = "picocli.disable.closures";

    /** Jetty's cache line in bytes, which it takes from this property, else 64. */
    static final String JETTY_CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

    private static final int DEFAULT_CACHE_LINE_BYTES = 64;

    /** The largest heap for which the JVM compresses references by default. */
    private static final long COMPRESSED_REFERENCES_HEAP_LIMIT = 32L << 30;

    private ProcessSettings() {
    }

    /** Sets the properties the user has not set. */
    static void apply() {
        if (System.getProperty(NATIVE_REFLECTION) == null) {
            System.setProperty(NATIVE_REFLECTION, "true");
        }
        if (System.getProperty(PICOCLI_CLOSURES_OFF) == null) {
            System.setProperty(PICOCLI_CLOSURES_OFF, "true");
        }
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, Integer.toString(referencesPerCacheLine(
                    cacheLineBytes(System.getProperty(JETTY_CACHE_LINE_BYTES)), Runtime.getRuntime().maxMemory())));
        }
    }

    /** Jetty's own answer: a reference is 4 bytes when the JVM compresses them (heaps under 32 GB), else 8. */
    static int referencesPerCacheLine(int cacheLineBytes, long maxHeapBytes) {
        return Math.max(1, cacheLineBytes / (maxHeapBytes < COMPRESSED_REFERENCES_HEAP_LIMIT ? Integer.BYTES
                : Long.BYTES));
    }

    /** The cache line Jetty reads from its property: the property's number, else 64. */
    static int cacheLineBytes(String property) {
        if (property != null) {
            try {
                return Integer.parseInt(property.strip());
            } catch (NumberFormatException ignored) {
                // Jetty falls back to 64 too.
            }
        }
        return DEFAULT_CACHE_LINE_BYTES;
    }
}
