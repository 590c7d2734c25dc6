package io.glaux.quicksight.snapshot;

/** QuickSight's SnapshotJobStatus. */
public enum SnapshotJobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }
}
