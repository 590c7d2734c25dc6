package io.glaux.quicksight.snapshot;

/** A SnapshotS3DestinationConfiguration's BucketConfiguration. */
public record S3Destination(String bucketName, String bucketPrefix, String bucketRegion) {
}
