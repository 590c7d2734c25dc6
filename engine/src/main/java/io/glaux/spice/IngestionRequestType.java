package io.glaux.spice;

/** QuickSight's IngestionRequestType: why an ingestion was asked for. */
public enum IngestionRequestType {
    INITIAL_INGESTION, EDIT, INCREMENTAL_REFRESH, FULL_REFRESH
}
