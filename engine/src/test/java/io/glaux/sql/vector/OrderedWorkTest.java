package io.glaux.sql.vector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class OrderedWorkTest {

    private final ExecutorService helpers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        helpers.shutdownNow();
    }

    /** Jobs that take a random while and record how many run or wait unconsumed at once. */
    private static final class Counted {
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger consumedCount = new AtomicInteger();
        final AtomicInteger mostAhead = new AtomicInteger();
        final int jobs;
        final Random random = new Random(7);

        Counted(int jobs) {
            this.jobs = jobs;
        }

        OrderedWork.Jobs<Integer> source() {
            return () -> {
                int sequence = next.get();
                if (sequence == jobs) {
                    return null;
                }
                next.incrementAndGet();
                mostAhead.accumulateAndGet(sequence + 1 - consumedCount.get(), Math::max);
                long sleep = random.nextInt(3);
                Callable<Integer> job = () -> {
                    Thread.sleep(sleep);
                    return sequence;
                };
                return job;
            };
        }
    }

    @Test
    void givesResultsInTheOrderJobsWereTakenHoldingAtMostTheWindow() {
        Counted counted = new Counted(300);
        List<Integer> results = new ArrayList<>();
        try (OrderedWork<Integer> work = new OrderedWork<>(helpers, 3, 5, counted.source())) {
            Integer result;
            while ((result = work.next()) != null) {
                results.add(result);
                counted.consumedCount.incrementAndGet();
            }
        }
        assertThat(results).hasSize(300);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).isEqualTo(i);
        }
        // Counted after next() returns, so a job may be taken before the count of the result just handed out grows.
        assertThat(counted.mostAhead.get()).isBetween(2, 5 + 1);
    }

    @Test
    void withoutHelpersTheConsumerDoesTheWork() {
        Counted counted = new Counted(20);
        List<Integer> results = new ArrayList<>();
        try (OrderedWork<Integer> work = new OrderedWork<>(helpers, 0, 2, counted.source())) {
            for (Integer result = work.next(); result != null; result = work.next()) {
                results.add(result);
            }
        }
        assertThat(results).hasSize(20).isSorted();
    }

    @Test
    void aFailedJobFailsTheConsumerAndCloseWaitsForRunningJobs() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        OrderedWork<Integer> work = new OrderedWork<>(helpers, 3, 8, () -> {
            int sequence = taken.getAndIncrement();
            return () -> {
                running.incrementAndGet();
                try {
                    Thread.sleep(5);
                    if (sequence == 6) {
                        throw new IllegalArgumentException("bad part " + sequence);
                    }
                    return sequence;
                } finally {
                    running.decrementAndGet();
                }
            };
        });
        Throwable failure = catchThrowable(() -> {
            while (work.next() != null) {
                // the jobs never end on their own: only the failure stops them
            }
        });
        work.close();
        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessage("bad part 6");
        assertThat(running.get()).as("no job still running after close").isZero();
    }
}
