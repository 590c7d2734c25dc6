package io.glaux.quicksight.refresh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs refresh schedules: each schedule's next run is computed from the time the scheduler first sees it (so runs
 * missed while Glaux was stopped are not replayed), and when the clock passes it the dataset is refreshed as a
 * SCHEDULED ingestion of the schedule's RefreshType. {@link #runDue()} checks now; {@link #start()} checks every
 * few seconds in the background. The clock is injectable, so tests move time instead of waiting.
 */
public final class RefreshScheduler implements AutoCloseable {

    /** What a due schedule does: start a SCHEDULED ingestion of a dataset. */
    @FunctionalInterface
    public interface Refresher {
        void refresh(String dataSetId, String refreshType);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);

    private final RefreshService refreshes;
    private final Clock clock;
    private final Refresher refresher;
    private final Map<String, Instant> nextRuns = new ConcurrentHashMap<>();
    private final Map<String, RefreshSchedule> seen = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public RefreshScheduler(RefreshService refreshes, Clock clock, Refresher refresher) {
        this.refreshes = refreshes;
        this.clock = clock;
        this.refresher = refresher;
    }

    /** Checks the schedules every {@code seconds} seconds on a daemon thread until closed. */
    public synchronized void start(long seconds) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "glaux-refresh-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(this::runDueQuietly, 0, seconds, TimeUnit.SECONDS);
        }
    }

    /** When a schedule runs next, as the scheduler sees it now (null before it has seen the schedule). */
    public Instant nextRun(RefreshSchedule schedule) {
        return nextRuns.get(schedule.key());
    }

    /** Starts the refreshes that are due at the clock's time; returns how many it started. */
    public synchronized int runDue() {
        Instant now = clock.instant();
        Set<String> current = new HashSet<>();
        int started = 0;
        for (RefreshSchedule schedule : refreshes.all()) {
            current.add(schedule.key());
            RefreshSchedule before = seen.put(schedule.key(), schedule);
            if (before == null || !before.equals(schedule)) {
                nextRuns.put(schedule.key(), ScheduleTimes.next(schedule, now));
                continue;
            }
            Instant due = nextRuns.get(schedule.key());
            if (!now.isBefore(due)) {
                nextRuns.put(schedule.key(), ScheduleTimes.next(schedule, now));
                try {
                    refresher.refresh(schedule.dataSetId(), schedule.refreshType());
                    started++;
                } catch (RuntimeException e) {
                    LOG.warn("Scheduled refresh {} of data set {} could not start: {}", schedule.scheduleId(),
                            schedule.dataSetId(), e.getMessage());
                }
            }
        }
        seen.keySet().retainAll(current);
        nextRuns.keySet().retainAll(current);
        return started;
    }

    private void runDueQuietly() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.warn("Refresh schedules could not be checked", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
