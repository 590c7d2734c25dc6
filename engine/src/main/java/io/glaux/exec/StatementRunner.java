package io.glaux.exec;

import io.glaux.catalog.ddl.StatementType;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.S3Location;

/** Runs one statement to completion, writing its result objects under the output prefix. */
public interface StatementRunner {

    /**
     * @param queryId the execution id; result objects are named after it
     * @param request the statement and its context
     * @param outputPrefix the resolved output location (a folder)
     * @param scan bytes scanned, cutoff and cancellation for this query
     */
    StatementOutcome run(String queryId, QueryRequest request, S3Location outputPrefix, ScanContext scan)
            throws Exception;

    /** Athena's StatementType for a statement's text. */
    StatementType classify(String sql);

    /**
     * Undoes what a statement that was running when the process stopped committed without being recorded (it is
     * recorded FAILED on this start, so it must leave nothing behind). Called once per such query, before it is
     * recorded; must be idempotent, as a stop during recovery calls it again.
     */
    default void recoverInterrupted(QueryExecution interrupted) throws Exception {
    }

    /** Athena's StatementType for a request (EXECUTE reports the type of the statement it runs). */
    default StatementType classify(QueryRequest request) {
        return classify(request.query());
    }

    /**
     * Whether the request's result object will be text ({@code <id>.txt}) rather than CSV rows ({@code <id>.csv}):
     * the OutputLocation reported until the statement finishes and names the object it wrote.
     */
    default boolean writesText(QueryRequest request) {
        return classify(request) == StatementType.DDL;
    }

    /**
     * Refuses a submission whose output location's bucket does not exist, as StartQueryExecution does. A store that
     * does not answer is left for the run to report.
     */
    default void checkOutputBucket(S3Location outputPrefix) {
    }
}
