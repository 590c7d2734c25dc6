package io.glaux.spice;

/** Why an ingestion failed, as QuickSight's ErrorInfo{Type, Message}. */
public record ErrorInfo(IngestionErrorType type, String message) {
}
