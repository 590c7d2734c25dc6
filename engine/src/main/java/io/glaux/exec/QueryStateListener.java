package io.glaux.exec;

/**
 * Told of every change of a query's state, as Athena publishes "Athena Query State Change" events: the query's
 * submission (QUEUED, no previous state), its start (RUNNING) and its end (SUCCEEDED, FAILED or CANCELLED).
 *
 * <p>It is called on the thread that changed the state, while the query's state is locked, so it must return at
 * once (hand the event to a queue) and must not call back into the {@link QueryService}. What it throws is logged and
 * ignored: a listener never changes a query's outcome.
 */
@FunctionalInterface
public interface QueryStateListener {

    /**
     * @param previous the state before, or null for the submission
     * @param current the query as it is now
     * @param sequenceNumber 1 for the submission, then one more for each change of this query's state
     */
    void stateChanged(QueryState previous, QueryExecution current, int sequenceNumber);
}
