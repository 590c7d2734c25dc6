package io.glaux.exec;

import java.time.Instant;

/** Athena's QueryExecutionStatus. */
public record QueryStatus(QueryState state, String stateChangeReason, Instant submissionDateTime,
                          Instant completionDateTime, AthenaError athenaError) {
}
