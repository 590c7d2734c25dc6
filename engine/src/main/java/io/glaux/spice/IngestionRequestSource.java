package io.glaux.spice;

/** QuickSight's IngestionRequestSource: who asked for an ingestion. */
public enum IngestionRequestSource {
    MANUAL, SCHEDULED
}
