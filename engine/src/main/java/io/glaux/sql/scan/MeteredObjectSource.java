package io.glaux.sql.scan;

import io.glaux.format.SourceReadException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectStore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object of the store, read for one query: every byte read is reported to the query's {@link ScanContext} with
 * its position in the object, so a range read again is not counted again.
 */
final class MeteredObjectSource extends StoreObjectSource {

    private final ScanContext context;

    MeteredObjectSource(ObjectStore store, ObjectInfo object, ScanContext context) {
        super(store, object);
        this.context = context;
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        context.checkCancelled();
        return new MeteredStream(super.open(offset, length), offset);
    }

    private final class MeteredStream extends FilterInputStream {
        private final String id = object.location().toString();
        private long position;

        MeteredStream(InputStream in, long offset) {
            super(in);
            this.position = offset;
        }

        @Override
        public int read() throws IOException {
            int b = readOrFail();
            if (b >= 0) {
                context.addBytesRead(id, position, 1);
                position++;
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
                context.addBytesRead(id, position, n);
                position += n;
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
            long skipped = super.skip(n);
            position += Math.max(skipped, 0);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false; // a reset would move back without telling the position
        }
    }
}
