package io.glaux.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * One object to read: its name (for error messages), its size, and ranged reads. The SQL layer hands readers a
 * source that counts the bytes they read (DataScannedInBytes) and honours cancellation.
 */
public interface ObjectSource {

    /** {@code s3://bucket/key}, used to name the object in errors. */
    String name();

    long size();

    /** Bytes [offset, offset+length); length < 0 reads to the end. */
    InputStream open(long offset, long length) throws IOException;
}
