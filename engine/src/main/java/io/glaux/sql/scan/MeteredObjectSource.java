package io.glaux.sql.scan;

import io.glaux.format.ObjectSource;
import io.glaux.format.SourceReadException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectStore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An object of the store, read for one query: every byte read is added to the query's bytes scanned. */
final class MeteredObjectSource implements ObjectSource {

    private final ObjectStore store;
    private final ObjectInfo object;
    private final ScanContext context;

    MeteredObjectSource(ObjectStore store, ObjectInfo object, ScanContext context) {
        this.store = store;
        this.object = object;
        this.context = context;
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
        context.checkCancelled();
        try {
            return new MeteredStream(store.get(object.bucket(), object.key(), offset, length));
        } catch (java.io.InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new SourceReadException(name(), e);
        }
    }

    private final class MeteredStream extends FilterInputStream {
        MeteredStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = readOrFail();
            if (b >= 0) {
                context.addBytesScanned(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            context.checkCancelled();
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (java.io.InterruptedIOException | SourceReadException e) {
                throw e;
            } catch (IOException e) {
                throw new SourceReadException(name(), e);
            }
            if (n > 0) {
                context.addBytesScanned(n);
            }
            return n;
        }

        private int readOrFail() throws IOException {
            try {
                return super.read();
            } catch (java.io.InterruptedIOException | SourceReadException e) {
                throw e;
            } catch (IOException e) {
                throw new SourceReadException(name(), e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes are not read, so they are not scanned (Parquet seeks past unread column chunks).
            return super.skip(n);
        }
    }
}
