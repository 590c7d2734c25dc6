package io.glaux.sql.vector.plan;

/**
 * A vectorized query over a live table cannot run on the data it read: the table's columns are only known once read,
 * and their values may make an expression leave the 64-bit arithmetic the plan was made for (decimal products with
 * values far beyond what declared types suggest). The query then runs again on the row operators, whose arithmetic
 * is exact, before it has given any row.
 */
public final class VectorFallback extends RuntimeException {

    public VectorFallback(String reason, Throwable cause) {
        super("The vectorized plan cannot run on this data: " + reason, cause);
    }
}
