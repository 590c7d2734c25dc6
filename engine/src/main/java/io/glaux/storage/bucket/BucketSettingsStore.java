package io.glaux.storage.bucket;

import io.glaux.persist.JsonFiles;
import io.glaux.storage.ObjectKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Bucket settings kept by Glaux itself, one JSON file per bucket ({@code <bucket>.json}, written atomically), so they
 * work the same over the embedded folder and over an external S3 store. A bucket without a file has
 * {@link BucketSettings#NONE}. Safe for concurrent use.
 */
public final class BucketSettingsStore {

    private final Path folder;
    private final boolean sync;
    private final JsonFiles files = new JsonFiles();

    /**
     * @param folder where the files live (created when the first one is written)
     * @param sync force each write to disk before returning, so it survives a power cut
     */
    public BucketSettingsStore(Path folder, boolean sync) {
        this.folder = folder;
        this.sync = sync;
    }

    /** The bucket's settings, {@link BucketSettings#NONE} when none were ever written. */
    public BucketSettings get(String bucket) {
        Path file = file(bucket);
        if (!Files.isRegularFile(file)) {
            return BucketSettings.NONE;
        }
        return files.read(file, BucketSettings.class);
    }

    /** Applies {@code change} to the bucket's settings and saves the result, atomically with respect to others. */
    public synchronized BucketSettings update(String bucket, UnaryOperator<BucketSettings> change) {
        BucketSettings updated = change.apply(get(bucket));
        files.write(file(bucket), updated, sync);
        return updated;
    }

    /** Forgets everything about the bucket (it was deleted, or created anew). */
    public synchronized void remove(String bucket) {
        try {
            Files.deleteIfExists(file(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the settings of bucket " + bucket, e);
        }
    }

    private Path file(String bucket) {
        // A valid bucket name is lower-case letters, digits, dots and hyphens and never starts with a dot: a safe
        // file name that stays inside the folder.
        ObjectKeys.validateBucket(bucket);
        return folder.resolve(bucket + ".json");
    }
}
