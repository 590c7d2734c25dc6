package io.glaux.connectors.federation;

import io.glaux.storage.ObjectStore;

import java.io.IOException;

/**
 * Where the connector reads the blocks a function spilled (RemoteReadRecordsResponse): an object's bytes by bucket
 * and key. Glaux passes its own store ({@link #of(ObjectStore)}), the one the functions' S3 client writes to.
 *
 * <p>Error contract: a missing bucket or object is a {@link java.nio.file.NoSuchFileException} (as {@link
 * ObjectStore} throws them), any other failure an {@link IOException}; the connector fails the query with
 * Athena's shape, naming the object.
 */
@FunctionalInterface
public interface SpilledObjects {

    byte[] read(String bucket, String key) throws IOException;

    /** Reads spilled blocks from a Glaux store. */
    static SpilledObjects of(ObjectStore store) {
        return store::getAll;
    }
}
