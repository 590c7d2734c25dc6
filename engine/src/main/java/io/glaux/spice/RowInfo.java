package io.glaux.spice;

/** QuickSight's RowInfo: rows read by an ingestion, rows it dropped, and rows in the dataset after it. */
public record RowInfo(long rowsIngested, long rowsDropped, long totalRowsInDataset) {
}
