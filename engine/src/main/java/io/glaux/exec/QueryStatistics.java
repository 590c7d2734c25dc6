package io.glaux.exec;

/** Athena's QueryExecutionStatistics, in milliseconds and bytes. */
public record QueryStatistics(long engineExecutionTimeInMillis, long dataScannedInBytes,
                              long totalExecutionTimeInMillis, long queryQueueTimeInMillis,
                              long queryPlanningTimeInMillis, long serviceProcessingTimeInMillis) {

    public static final QueryStatistics EMPTY = new QueryStatistics(0, 0, 0, 0, 0, 0);
}
