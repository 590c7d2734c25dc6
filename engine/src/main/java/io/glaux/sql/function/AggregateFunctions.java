package io.glaux.sql.function;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Trino's aggregate functions that Glaux computes with its own accumulators ({@link GlauxAggregate}): each is
 * declared here with its signatures, and implemented by a public {@link GlauxAccumulator} class (generated code
 * creates them). Aggregates Calcite answers with Trino's semantics (count, sum, avg, ...) are left to Calcite.
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    /** Declares Trino's boolean aggregates. */
    static void declare(FunctionRegistry.Builder r) {
        r.define(GlauxAggregate.of("bool_and",
                AggregateSignature.of(BoolAccumulator.class, java.util.List.of(true), Returns.BOOLEAN, Arg.BOOLEAN)),
                "every");
        r.define(GlauxAggregate.of("bool_or",
                AggregateSignature.of(BoolAccumulator.class, java.util.List.of(false), Returns.BOOLEAN, Arg.BOOLEAN)));
    }

    /** bool_and / every (all non-NULL values true) and bool_or (any true); NULL if there are none. */
    public static final class BoolAccumulator implements GlauxAccumulator {
        private final boolean and;
        private @Nullable Boolean value;

        public BoolAccumulator(boolean and) {
            this.and = and;
        }

        @Override
        public void add(@Nullable Object[] operands) {
            combine((Boolean) operands[0]);
        }

        @Override
        public void merge(GlauxAccumulator other) {
            combine(((BoolAccumulator) other).value);
        }

        private void combine(@Nullable Boolean b) {
            if (b != null) {
                value = value == null ? b : and ? value && b : value || b;
            }
        }

        @Override
        public @Nullable Object result() {
            return value;
        }
    }
}
