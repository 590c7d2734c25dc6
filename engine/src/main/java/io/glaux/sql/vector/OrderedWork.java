package io.glaux.sql.vector;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Jobs taken one after another from a source, run on helper threads and on the consuming thread, their results
 * given back in the order the jobs were taken: how a scan reads the parts of a table on every thread and still
 * streams their rows in the table's order. At most {@code window} results are taken and not yet consumed, so the
 * memory held is bounded whatever the size of the table; the consumer runs a job itself rather than wait idle.
 * Results must hold no resources (a job frees what it used). {@link #close} stops taking jobs and returns once no
 * job is running, so what the jobs share can then be freed.
 */
public final class OrderedWork<T> implements AutoCloseable {

    /** The jobs, taken in order. */
    public interface Jobs<T> {
        /** The next job, or null when there are none; called by one thread at a time. */
        Callable<T> next() throws Exception;
    }

    private final Jobs<T> jobs;
    private final int window;
    private final Map<Integer, T> results = new HashMap<>();
    private int taken;
    private int consumed;
    private int running;
    private boolean exhausted;
    private boolean closed;
    private Throwable failure;

    /**
     * Starts {@code helpers} helper threads on {@code executor} (fewer if it refuses some); the consumer works
     * too.
     */
    public OrderedWork(Executor executor, int helpers, int window, Jobs<T> jobs) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.jobs = jobs;
        this.window = window;
        for (int i = 0; i < helpers; i++) {
            try {
                executor.execute(this::help);
            } catch (RejectedExecutionException e) {
                break; // shutting down: the consumer does the work
            }
        }
    }

    /** A job taken under the lock, with its place in the order. */
    private record Taken<T>(int sequence, Callable<T> job) {
    }

    private void help() {
        while (true) {
            Taken<T> next;
            synchronized (this) {
                while (!stopped() && taken - consumed >= window) {
                    waitForChange();
                }
                if (stopped()) {
                    return;
                }
                next = take();
                if (next == null) {
                    return;
                }
            }
            if (!run(next)) {
                return;
            }
        }
    }

    /** Whether no more jobs are to be taken. Under the lock. */
    private boolean stopped() {
        return exhausted || closed || failure != null;
    }

    /** The next job, or null (and no more) when the source has none or failed. Under the lock. */
    private Taken<T> take() {
        Callable<T> job;
        try {
            job = jobs.next();
        } catch (Throwable e) {
            fail(e);
            return null;
        }
        if (job == null) {
            exhausted = true;
            notifyAll();
            return null;
        }
        running++;
        return new Taken<>(taken++, job);
    }

    /** Runs a job outside the lock and files its result; false when it failed. */
    private boolean run(Taken<T> next) {
        T result;
        try {
            result = next.job().call();
        } catch (Throwable e) {
            synchronized (this) {
                running--;
                fail(e);
            }
            return false;
        }
        synchronized (this) {
            running--;
            if (!closed) {
                results.put(next.sequence(), result);
            }
            notifyAll();
        }
        return true;
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    private void waitForChange() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    /**
     * The next result in job order, or null when every job's result has been given. Rethrows a job's failure
     * (an unchecked one as it is, a checked one wrapped).
     */
    public T next() {
        while (true) {
            Taken<T> mine;
            synchronized (this) {
                if (failure != null) {
                    throw rethrown(failure);
                }
                if (closed) {
                    throw new IllegalStateException("closed");
                }
                if (results.containsKey(consumed)) {
                    T result = results.remove(consumed);
                    consumed++;
                    notifyAll();
                    return result;
                }
                if (exhausted && consumed == taken) {
                    return null;
                }
                if (!exhausted && taken - consumed < window) {
                    mine = take();
                } else {
                    waitForChange();
                    continue;
                }
            }
            if (mine != null) {
                run(mine);
            }
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure.getMessage(), failure);
    }

    /** Stops taking jobs and waits until none is running. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        boolean interrupted = false;
        while (running > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        results.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
