package io.glaux.sql.function;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The running state of one group of a Glaux aggregate ({@link GlauxAggregate}): a fresh instance per group (init),
 * {@link #add} for each input row, {@link #merge} to combine two partial states of the same aggregate, {@link #result}
 * at the end. Operands arrive boxed in Calcite's internal representation (see {@code io.glaux.format.Values}),
 * NULL included, so that each aggregate decides how NULLs count as Trino's does. Public because generated code
 * creates and calls accumulators.
 */
public interface GlauxAccumulator {

    /** Adds one row's operands, in call order. */
    void add(@Nullable Object[] operands);

    /** Adds the rows another accumulator of the same class and configuration has seen. */
    void merge(GlauxAccumulator other);

    /** The aggregate's value for the rows added; NULL where Trino answers NULL (e.g. no rows). */
    @Nullable Object result();
}
