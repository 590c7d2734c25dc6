package io.glaux.spice;

import java.time.Instant;

/**
 * An ingestion as it is kept in the data folder's metadata ({@code .glaux/spice-state/ingestions/<dataset>/<id>.json}),
 * so DescribeIngestion and ListIngestions answer after a restart.
 */
record IngestionRecord(String ingestionId, String dataSetName, long sequence, IngestionType ingestionType,
                       IngestionRequestSource requestSource, IngestionRequestType requestType,
                       IngestionStatus status, ErrorInfo errorInfo, long rowsIngested, long rowsDropped,
                       long totalRowsInDataset, Instant createdTime, Instant endedTime, Long ingestionSizeInBytes,
                       String queryExecutionId) {
}
