package io.glaux.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An open read of (a range of) one object, with the description of that very object. */
public record ObjectRead(StoredObject object, InputStream content) implements Closeable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
