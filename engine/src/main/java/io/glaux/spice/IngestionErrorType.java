package io.glaux.spice;

/** The subset of QuickSight's ingestion ErrorInfo types that SPICE ingestions report (names as in the model). */
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
    /** The query failed: a missing column, a syntax or type error, a value that cannot be computed. */
    SQL_EXCEPTION,
    /** An arithmetic result out of its type's range (Athena's NUMERIC_VALUE_OUT_OF_RANGE). */
    SQL_NUMERIC_OVERFLOW,
    /** The Athena query ran out of time (Athena's QUERY_TIMEOUT). */
    QUERY_TIMEOUT,
    /** The Athena query was cancelled by its workgroup's bytes-scanned cutoff. */
    SOURCE_RESOURCE_LIMIT_EXCEEDED,
    /** Athena refused the query: too many queries queued. */
    SOURCE_API_LIMIT_EXCEEDED_FAILURE,
    /** The dataset's Athena workgroup does not exist, is disabled or has no output location. */
    INVALID_DATA_SOURCE_CONFIG,
    /** QuickSight's role may not use the KMS key that encrypts the query's results (kms:Decrypt, kms:GenerateDataKey). */
    PERMISSION_DENIED,
    /** The query's result bucket or result object is missing or cannot be read. */
    S3_FILE_INACCESSIBLE,
    /** The store did not answer (while the query ran, or while its result object was read). */
    CONNECTION_FAILURE,
    /** The data source the dataset reads was deleted after the dataset was made. */
    DATA_SOURCE_NOT_FOUND,
    /**
     * Glaux could not save the dataset, or an ingestion was interrupted because the Glaux process ended while it was
     * queued or running (recorded at the next start).
     */
    INTERNAL_SERVICE_ERROR
}
