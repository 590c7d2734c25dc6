package io.glaux.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** What Glaux's own threads (named by prefix: {@code glaux-query-}, {@code glaux-spice-scan}, ...) are doing. */
public final class ThreadActivity {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadActivity() {
    }

    /** CPU time used so far by the live threads whose name starts with {@code prefix}. */
    public static long cpuNanos(String prefix) {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(thread.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /**
     * Asserts that the threads named {@code prefix...} use (almost) no CPU over half a second: a thread still working
     * on a query uses most of it, a parked one none.
     */
    public static void assertIdle(String prefix) throws InterruptedException {
        long before = cpuNanos(prefix);
        Thread.sleep(500);
        long used = cpuNanos(prefix) - before;
        assertThat(Duration.ofNanos(used)).as("CPU used by %s* threads in 500 ms", prefix)
                .isLessThan(Duration.ofMillis(50));
    }

    /** Waits (up to a minute) until a thread named {@code prefix...} runs a frame that {@code frame} accepts. */
    public static void awaitFrame(String prefix, Predicate<StackTraceElement> frame) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
                if (entry.getKey().getName().startsWith(prefix)
                        && Arrays.stream(entry.getValue()).anyMatch(frame)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No " + prefix + "* thread reached the expected frame within a minute");
    }

    /** Waits until a {@code prefix...} thread runs code compiled from a query plan (Calcite's generated classes). */
    public static void awaitExecutingPlan(String prefix) throws InterruptedException {
        awaitFrame(prefix, frame -> frame.getClassName().startsWith("Baz")
                || frame.getClassName().equals("org.apache.calcite.linq4j.EnumerableDefaults"));
    }
}
