package io.glaux.spice;

/** QuickSight's IngestionStatus values. */
public enum IngestionStatus {
    INITIALIZED, QUEUED, RUNNING, FAILED, COMPLETED, CANCELLED;

    public boolean isFinal() {
        return this == FAILED || this == COMPLETED || this == CANCELLED;
    }
}
