package io.glaux.spice;

/** The subset of QuickSight's ingestion ErrorInfo types that SPICE ingestions report. */
public enum IngestionErrorType {
    /** The dataset would hold more rows than {@link SpiceLimits#maxRowsPerDataset()}. */
    DATA_SET_SIZE_LIMIT_EXCEEDED,
    /** All SPICE datasets together would hold more bytes than {@link SpiceLimits#maxTotalBytes()}. */
    ACCOUNT_CAPACITY_LIMIT_EXCEEDED,
    SQL_TABLE_NOT_FOUND,
    /** A column has a type SPICE cannot hold (arrays, maps, structs). */
    SQL_SCHEMA_MISMATCH_ERROR,
    SQL_EXCEPTION,
    INTERNAL_SERVICE_ERROR
}
