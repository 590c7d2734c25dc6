package io.glaux.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A task run on threads of its own beside a test's work; {@link #join()} waits for them and gives what they threw. */
public final class Beside {

    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private Beside() {
    }

    /** Starts {@code task} on {@code count} threads at once. */
    public static Beside run(int count, Runnable task) {
        Beside beside = new Beside();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(task, "beside-" + i);
            thread.setUncaughtExceptionHandler((failed, failure) -> beside.failures.add(failure));
            beside.threads.add(thread);
            thread.start();
        }
        return beside;
    }

    /** Waits for every thread to end; returns what they threw, none when all went well. */
    public List<Throwable> join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(failures);
    }
}
