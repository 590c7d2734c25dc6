package io.glaux.format;

import java.io.IOException;

/** Turns the bytes of one object into rows. One implementation per {@link io.glaux.catalog.DataFormat}. */
public interface FormatReader {

    /**
     * Opens the object. Malformed content raises {@link io.glaux.error.GlauxException} (DATA_ERROR) naming the object
     * and, where known, the line or row group.
     */
    RowSource open(ObjectSource source, ReadRequest request) throws IOException;
}
