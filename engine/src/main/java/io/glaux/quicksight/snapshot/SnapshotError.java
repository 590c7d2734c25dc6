package io.glaux.quicksight.snapshot;

/** A SnapshotJobErrorInfo or SnapshotJobResultErrorInfo: ErrorType and ErrorMessage. */
public record SnapshotError(String type, String message) {
}
