package io.glaux.sql.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one piece of work on each of up to {@code count} workers: the calling thread and helpers from an executor,
 * each with its own state. Returns only when every helper is done (so a failed query leaves no helper busy), with
 * the states in worker order; the first failure is rethrown. Work that shares a queue tells the other workers to
 * stop itself (a failed worker should leave the queue empty for them).
 */
public final class Workers {

    private Workers() {
    }

    public static <W> List<W> run(Executor executor, int count, Supplier<W> newState, Consumer<W> work) {
        List<W> states = new ArrayList<>();
        for (int i = 0; i < Math.max(1, count); i++) {
            states.add(newState.get());
        }
        List<CompletableFuture<Void>> helpers = new ArrayList<>();
        for (int i = 1; i < states.size(); i++) {
            W state = states.get(i);
            try {
                helpers.add(CompletableFuture.runAsync(() -> work.accept(state), executor));
            } catch (RejectedExecutionException e) {
                // The helpers are shutting down: the calling thread does the work (its state merges as usual).
                break;
            }
        }
        Throwable failure = null;
        try {
            work.accept(states.get(0));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (CompletableFuture<Void> helper : helpers) {
            try {
                helper.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException || e.getCause() instanceof Error
                            ? e.getCause() : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return states;
    }
}
