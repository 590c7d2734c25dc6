package io.glaux.spice;

import java.util.Locale;

/** How failures of the statement an ingestion runs become QuickSight's ingestion error types. */
final class IngestionErrors {

    private IngestionErrors() {
    }

    /** The type of a failed statement by its Athena message: a missing table or schema, else an SQL error. */
    static IngestionErrorType fromMessage(String message) {
        String text = message == null ? "" : message.toUpperCase(Locale.ROOT);
        return text.contains("TABLE_NOT_FOUND") || text.contains("SCHEMA_NOT_FOUND")
                ? IngestionErrorType.SQL_TABLE_NOT_FOUND : IngestionErrorType.SQL_EXCEPTION;
    }
}
