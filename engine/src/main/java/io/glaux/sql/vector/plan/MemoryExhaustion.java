package io.glaux.sql.vector.plan;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.sql.SqlErrors;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * What a vectorized query that outgrew its memory while computing data of its own (a join's result, an aggregate's
 * rows) becomes: over live tables, a fallback to the plan on the row operators, which stream where the vectorized
 * query holds; over SPICE datasets alone, Athena's "Query exhausted resources at this scale factor".
 */
final class MemoryExhaustion {

    private MemoryExhaustion() {
    }

    /**
     * {@code failure} as the query's error: translated when it is the memory limit (Arrow's, or a source's translation
     * of it), else as it is. {@code what} names what outgrew the memory.
     */
    static RuntimeException translate(Throwable failure, boolean readsLiveTables, String what) {
        if (!exhausted(failure)) {
            if (failure instanceof RuntimeException runtime) {
                return runtime;
            }
            throw (Error) failure;
        }
        if (readsLiveTables) {
            return new VectorFallback(what + " outgrew the memory of vectorized queries", failure);
        }
        return failure instanceof GlauxException glaux ? glaux : SqlErrors.resourcesExhausted(failure);
    }

    private static boolean exhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryException
                    || cause instanceof GlauxException glaux && glaux.type() == ErrorType.RESOURCES_EXHAUSTED) {
                return true;
            }
        }
        return false;
    }
}
