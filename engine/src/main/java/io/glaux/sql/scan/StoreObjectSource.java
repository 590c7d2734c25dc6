package io.glaux.sql.scan;

import io.glaux.format.ObjectSource;
import io.glaux.format.SourceReadException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * An object of the store as a format reader sees it; a store failure names the object. Read as it is while planning
 * (a Parquet footer for estimates: no query's bytes scanned); {@link MeteredObjectSource} meters a query's reads.
 */
class StoreObjectSource implements ObjectSource {

    final ObjectStore store;
    final ObjectInfo object;

    StoreObjectSource(ObjectStore store, ObjectInfo object) {
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
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceReadException(name(), e);
        }
    }
}
