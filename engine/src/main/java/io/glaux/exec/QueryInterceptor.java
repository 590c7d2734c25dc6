package io.glaux.exec;

/**
 * Consulted by the {@link QueryService} at two points of every query's lifecycle, so a caller can refuse a submission
 * or fail a query the way Athena would, without the engine knowing why. The default consults nothing.
 */
public interface QueryInterceptor {

    /** Lets every query through. */
    QueryInterceptor NONE = new QueryInterceptor() {
    };

    /**
     * Called when a new query is submitted, before it is registered, under the service's lock (so
     * {@link QueryService#activeQueries()} read here cannot race another submission). Throw to refuse it: the
     * exception reaches the submitter as it is and nothing is recorded. Not called for a repeated
     * ClientRequestToken, which returns the first execution.
     */
    default void beforeSubmit(QueryRequest request) {
    }

    /**
     * Called on the query's worker once it is RUNNING, before its statement runs. Return an error to fail the query
     * with it instead (FAILED, StateChangeReason its message, no result object); null runs the statement. May block
     * (a cancellation interrupts it).
     */
    default AthenaError beforeRun(String queryId, QueryRequest request) {
        return null;
    }
}
