package io.glaux.sql.scan;

import io.glaux.format.ObjectSource;
import io.glaux.format.SourceReadException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectStore;

import java.io.IOException;
import java.io.InputStream;

/** An object of the store read while planning (a Parquet footer for estimates): no query's bytes scanned. */
final class UnmeteredObjectSource implements ObjectSource {

    private final ObjectStore store;
    private final ObjectInfo object;

    UnmeteredObjectSource(ObjectStore store, ObjectInfo object) {
        this.store = store;
        this.object = object;
    }

    @Override
    public String name() {
        return object.location().toString();
    }

    @Override
    public long size() {
        return object.size();
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        try {
            return store.get(object.bucket(), object.key(), offset, length);
        } catch (IOException e) {
            throw new SourceReadException(name(), e);
        }
    }
}
