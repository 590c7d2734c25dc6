package io.glaux.sql.scan;

import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ColumnBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A table's rows as {@link ColumnBatch}es of the scan's output fields, read on the caller's thread one object at a
 * time: an object is read in columns where its format reader can, else its rows are gathered into batches; a
 * partition key's column is its partition's value repeated. The dictionaries a batch's string ids point into stay
 * valid until the next call of {@link #next()} (an object's source is closed when its last batch has been taken).
 */
public final class BatchScan implements AutoCloseable {

    private final SplitScan splits;
    private BatchSource batches;

    /** @param splits a scan for one reader, so that each object is one part */
    BatchScan(SplitScan splits) {
        this.splits = splits;
    }

    /** The columns of the batches, in order. */
    public List<Column> columns() {
        return splits.columns();
    }

    /** The next batch of rows (the caller closes it), or null when every object is read. */
    public ColumnBatch next() {
        while (true) {
            if (batches != null) {
                ColumnBatch read;
                try {
                    read = batches.next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (read != null) {
                    return read;
                }
                close();
            }
            SplitScan.Split split = splits.next();
            if (split == null) {
                return null;
            }
            batches = splits.open(split);
        }
    }

    @Override
    public void close() {
        if (batches != null) {
            try {
                batches.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                batches = null;
            }
        }
    }
}
