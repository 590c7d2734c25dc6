package io.glaux.spice;

/** QuickSight's IngestionType: what an ingestion re-reads from the dataset's source. */
public enum IngestionType {
    /** Replaces all of the dataset's rows with the rows its query returns now. */
    FULL_REFRESH,
    /**
     * Re-reads only the rows inside the dataset's {@link LookbackWindow}: rows before the window's cutoff are kept as
     * they are, rows inside it are replaced by what the query returns for the window now.
     */
    INCREMENTAL_REFRESH
}
