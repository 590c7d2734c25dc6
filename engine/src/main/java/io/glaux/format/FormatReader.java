package io.glaux.format;

import java.io.IOException;
import java.util.Optional;

/** Turns the bytes of one object into rows. One implementation per {@link io.glaux.catalog.DataFormat}. */
public interface FormatReader {

    /**
     * Opens the object. Malformed content raises {@link io.glaux.error.GlauxException} (DATA_ERROR) naming the object
     * and, where known, the line or row group.
     */
    RowSource open(ObjectSource source, ReadRequest request) throws IOException;

    /**
     * The object's row count and column ranges from its own metadata, for the planner's estimates; empty for formats
     * that keep none (text).
     */
    default Optional<ObjectStatistics> statistics(ObjectSource source) throws IOException {
        return Optional.empty();
    }
}
