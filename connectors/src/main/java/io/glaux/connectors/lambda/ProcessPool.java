package io.glaux.connectors.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The execution environments of one deployment of a function: processes kept warm between invocations (the most
 * recently used first, so a steady caller keeps hitting the same one), at most {@code limit} at once; a caller beyond
 * that waits for one to be free. When a deployment is replaced (new code or configuration) its pool is retired: idle
 * processes stop at once, busy ones when their invocation ends.
 */
final class ProcessPool {

    /** A process to run on, or (when {@link #process} is null) the right to start one. */
    record Lease(FunctionProcess process) {
    }

    private final Deployment deployment;
    private final int limit;
    private final Deque<FunctionProcess> idle = new ArrayDeque<>();
    private final java.util.Set<FunctionProcess> all = new java.util.HashSet<>();
    private int count;
    private boolean retired;
    private boolean closed;
    private Runnable onDrained;

    ProcessPool(Deployment deployment, int limit) {
        this.deployment = deployment;
        this.limit = limit;
    }

    Deployment deployment() {
        return deployment;
    }

    /**
     * A warm process, or a slot to start one in; waits up to {@code waitMillis} when all {@code limit} are busy.
     *
     * @return null when none became free in time, or the pool was retired meanwhile
     */
    synchronized Lease acquire(long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (!retired) {
            while (!idle.isEmpty()) {
                FunctionProcess process = idle.pollFirst();
                if (process.isAlive()) {
                    return new Lease(process);
                }
                all.remove(process);
                count--;
            }
            if (count < limit) {
                count++;
                return new Lease(null);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return null;
    }

    /** Records a process started in a slot {@link #acquire} gave; false (and it is killed) if the pool is closed. */
    boolean started(FunctionProcess process) {
        synchronized (this) {
            if (!closed) {
                all.add(process);
                return true;
            }
        }
        process.kill();
        return false;
    }

    /** Kills every process, busy or idle, and takes no more (Glaux is stopping, or the function was deleted). */
    void close() {
        List<FunctionProcess> killing;
        synchronized (this) {
            closed = true;
            retired = true;
            killing = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        killing.forEach(FunctionProcess::kill);
    }

    /** Gives a process back after an invocation; one that is not {@code reusable} (or of a retired pool) stops. */
    void release(FunctionProcess process, boolean reusable) {
        boolean stop;
        synchronized (this) {
            stop = retired || !reusable || !process.isAlive();
            if (stop) {
                count--;
                all.remove(process);
            } else {
                idle.addFirst(process);
            }
            notifyAll();
        }
        if (stop) {
            process.kill();
            drained();
        }
    }

    /** Gives back a slot whose process could not start. */
    void abandon() {
        synchronized (this) {
            count--;
            notifyAll();
        }
        drained();
    }

    /** Stops the processes idle for longer than {@code idleNanos}. */
    void stopIdle(long idleNanos) {
        List<FunctionProcess> stale = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            for (Iterator<FunctionProcess> it = idle.iterator(); it.hasNext(); ) {
                FunctionProcess process = it.next();
                if (now - process.lastUsed() > idleNanos || !process.isAlive()) {
                    it.remove();
                    all.remove(process);
                    count--;
                    stale.add(process);
                }
            }
        }
        stale.forEach(FunctionProcess::stop);
    }

    /** No more invocations here: idle processes stop now, busy ones when released; then {@code whenDrained} runs. */
    void retire(Runnable whenDrained) {
        List<FunctionProcess> stopping;
        synchronized (this) {
            retired = true;
            onDrained = whenDrained;
            stopping = new ArrayList<>(idle);
            all.removeAll(idle);
            count -= idle.size();
            idle.clear();
            notifyAll();
        }
        stopping.forEach(FunctionProcess::stop);
        drained();
    }

    synchronized boolean isRetired() {
        return retired;
    }

    /** Processes alive in this pool, busy or idle. */
    synchronized int size() {
        return count;
    }

    synchronized List<Long> idlePids() {
        return idle.stream().map(FunctionProcess::pid).toList();
    }

    private void drained() {
        Runnable run = null;
        synchronized (this) {
            if (retired && count == 0 && onDrained != null) {
                run = onDrained;
                onDrained = null;
            }
        }
        if (run != null) {
            run.run();
        }
    }
}
