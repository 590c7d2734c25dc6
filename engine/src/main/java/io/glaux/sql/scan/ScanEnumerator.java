package io.glaux.sql.scan;

import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import org.apache.calcite.linq4j.Enumerator;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Walks slices → objects → rows lazily, so only one object is open at a time and nothing is buffered. */
final class ScanEnumerator implements Enumerator<Object[]> {

    private final FormatReader reader;
    private final ReadRequest request;
    private final ObjectWalk walk;
    private final ScanLayout layout;
    private final ScanContext context;

    private RowSource rows;
    private Object[] current;

    ScanEnumerator(FormatReader reader, ReadRequest request, ObjectWalk walk, ScanLayout layout, ScanContext context) {
        this.reader = reader;
        this.request = request;
        this.walk = walk;
        this.layout = layout;
        this.context = context;
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public boolean moveNext() {
        try {
            while (true) {
                context.checkCancelled();
                if (rows != null) {
                    Object[] row = rows.next();
                    if (row != null) {
                        current = layout.project(row, walk.slice());
                        return true;
                    }
                    rows.close();
                    rows = null;
                }
                ObjectSource object = walk.next();
                if (object == null) {
                    return false;
                }
                rows = reader.open(object, request);
            }
        } catch (RuntimeException | IOException e) {
            throw walk.failure(e);
        }
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("A store scan cannot be reset");
    }

    @Override
    public void close() {
        if (rows != null) {
            try {
                rows.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows = null;
        }
    }
}
