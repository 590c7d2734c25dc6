package io.glaux.spice;

/**
 * QuickSight's QueueInfo of a QUEUED ingestion that waits behind an earlier ingestion of the same dataset:
 * {@code waitingOnIngestion} is the earlier one (the one running, or the next to run), {@code queuedIngestion} the
 * queued one itself.
 */
public record QueueInfo(String waitingOnIngestion, String queuedIngestion) {
}
