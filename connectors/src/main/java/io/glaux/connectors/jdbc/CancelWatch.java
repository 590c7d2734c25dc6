package io.glaux.connectors.jdbc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cancels on the server a statement whose reading thread was interrupted while it waited for the database. Glaux
 * cancels a query by interrupting its worker, but the driver's socket reads don't notice interrupts: without this, a
 * cancelled query would wait for a slow statement's next rows. One daemon thread per connector, started with its first
 * read, looks at the readers that are fetching every {@link #PERIOD_MILLIS} ms.
 */
final class CancelWatch implements AutoCloseable {

    static final long PERIOD_MILLIS = 100;

    private final Set<JdbcBatchReader> fetching = ConcurrentHashMap.newKeySet();
    private final String name;
    private ScheduledExecutorService timer;
    private boolean closed;

    CancelWatch(String name) {
        this.name = name;
    }

    void watch(JdbcBatchReader reader) {
        fetching.add(reader);
        synchronized (this) {
            if (timer == null && !closed) {
                timer = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "glaux-jdbc-cancel-" + name);
                    thread.setDaemon(true);
                    return thread;
                });
                timer.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    void unwatch(JdbcBatchReader reader) {
        fetching.remove(reader);
    }

    private void check() {
        for (JdbcBatchReader reader : fetching) {
            reader.cancelIfInterrupted();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
