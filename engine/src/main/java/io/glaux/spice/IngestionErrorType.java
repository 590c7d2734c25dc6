package io.glaux.spice;

/** The subset of QuickSight's ingestion ErrorInfo types that SPICE ingestions report. */
public enum IngestionErrorType {
    /** The dataset would hold more rows than {@link SpiceLimits#maxRowsPerDataset()}. */
    DATA_SET_SIZE_LIMIT_EXCEEDED,
    /** All SPICE datasets together would hold more bytes than {@link SpiceLimits#maxTotalBytes()}. */
    ACCOUNT_CAPACITY_LIMIT_EXCEEDED,
    SQL_TABLE_NOT_FOUND,
    /** The ingestion was cancelled because Glaux stopped while it was queued or running. */
    INGESTION_CANCELED,
    /**
     * A column has a type SPICE cannot hold (arrays, maps, structs), or the columns changed since the version an
     * incremental refresh would extend.
     */
    SQL_SCHEMA_MISMATCH_ERROR,
    /**
     * An incremental refresh of a dataset whose lookback window is missing or names a column that is not a date or
     * timestamp column of the dataset.
     */
    SQL_INVALID_PARAMETER_VALUE,
    SQL_EXCEPTION,
    INTERNAL_SERVICE_ERROR
}
