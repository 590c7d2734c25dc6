package io.glaux.sql.vector.plan;

import org.apache.calcite.plan.RelOptPlanner;

/**
 * Found in a planner's context when the plan being made has another to fall back to ({@link VectorFallback}): one
 * made without reading live tables in columns and without holding, in 18 digits, decimal aggregates that the data
 * does not bound when planning. The plan may then assume what only running it shows, as long as running it checks.
 */
public enum FallbackPlan {
    AVAILABLE;

    /** Whether the plan {@code planner} makes can fall back. */
    static boolean available(RelOptPlanner planner) {
        return planner.getContext().maybeUnwrap(FallbackPlan.class).isPresent();
    }
}
