package io.glaux.sql.scan;

import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ByteRange;
import io.glaux.format.ColumnBatch;
import io.glaux.format.FormatReader;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowBatches;
import io.glaux.storage.ObjectInfo;
import org.apache.arrow.memory.BufferAllocator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A table's rows as parts that several threads can read at once, each as {@link ColumnBatch}es of the scan's output
 * fields. The objects of the scan's slices are listed lazily; each is cut into the byte ranges its format reader
 * can read on their own ({@link FormatReader#splits}: Parquet row groups, lines of uncompressed text) when the scan
 * is read by more than one thread, else read whole. {@link #next()} hands the parts out in the table's order and is
 * thread-safe; {@link #open} reads one, on the caller's thread. Read one after another in the order handed out, the
 * parts give the rows a row scan gives, in the same order.
 */
public final class SplitScan {

    /** The smallest part worth reading on its own. */
    static final long MIN_SPLIT_BYTES = 256L << 10;
    /** The largest part (as Trino's Hive splits). */
    static final long MAX_SPLIT_BYTES = 64L << 20;

    private final FormatReader reader;
    private final ReadRequest request;
    private final ObjectWalk walk;
    private final BatchArrangement arrangement;
    private final List<Column> columns;
    private final List<Column> readColumns;
    private final ScanContext context;
    private final BufferAllocator allocator;
    private final int maxRows;
    private final int readers;
    private final Deque<Split> pending = new ArrayDeque<>();
    private int handedOut;

    /** One part of an object, and where its rows' partition keys come from. */
    public static final class Split {
        private final int sequence;
        private final MeteredObjectSource object;
        private final ByteRange range;
        private final TableScanner.ScanSlice slice;

        private Split(int sequence, MeteredObjectSource object, ByteRange range, TableScanner.ScanSlice slice) {
            this.sequence = sequence;
            this.object = object;
            this.range = range;
            this.slice = slice;
        }

        /** Its place in the table's order (0, 1, ...). */
        public int sequence() {
            return sequence;
        }

        /** Whether it is all of its object. */
        public boolean wholeObject() {
            return range.covers(object.size());
        }

        @Override
        public String toString() {
            return object.name() + " (offset=" + range.offset() + ", length=" + range.length() + ")";
        }
    }

    SplitScan(FormatReader reader, ReadRequest request, ObjectWalk walk, ScanLayout layout, List<Column> columns,
              ScanContext context, BufferAllocator allocator, int maxRows, int readers) {
        this.reader = reader;
        this.request = request;
        this.walk = walk;
        this.columns = List.copyOf(columns);
        this.arrangement = new BatchArrangement(layout, columns, allocator);
        List<Column> read = new ArrayList<>();
        for (int index : request.projection()) {
            read.add(request.dataColumns().get(index));
        }
        this.readColumns = List.copyOf(read);
        this.context = context;
        this.allocator = allocator;
        this.maxRows = maxRows;
        this.readers = readers;
    }

    /** The columns of the batches, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The next part to read, or null when every object has been handed out. */
    public synchronized Split next() {
        try {
            while (pending.isEmpty()) {
                context.checkCancelled();
                MeteredObjectSource object = walk.next();
                if (object == null) {
                    return null;
                }
                for (ByteRange range : ranges(object)) {
                    pending.add(new Split(handedOut++, object, range, walk.slice()));
                }
            }
            return pending.poll();
        } catch (RuntimeException | IOException e) {
            throw walk.failure(e);
        }
    }

    /** The object whole for one reader; else parts of a size that gives each reader a few. */
    private List<ByteRange> ranges(MeteredObjectSource object) throws IOException {
        long size = object.size();
        if (readers < 2 || size <= MIN_SPLIT_BYTES) {
            return List.of(ByteRange.whole(size));
        }
        long target = Math.max(MIN_SPLIT_BYTES, Math.min(MAX_SPLIT_BYTES, size / (4L * readers)));
        return reader.splits(object, request, target);
    }

    /**
     * The batches of one part (the caller closes them, and the source). The dictionaries a batch's string ids point
     * into stay valid until the source is closed. Failures name the part as Athena names a split.
     */
    public BatchSource open(Split split) {
        ObjectInfo object = split.object.object;
        BatchSource read;
        try {
            Optional<BatchSource> columnar = reader.openBatches(split.object, split.range, request, allocator,
                    maxRows);
            if (columnar.isPresent()) {
                read = columnar.get();
            } else if (split.wholeObject()) {
                read = new RowBatches(reader.open(split.object, request), readColumns, allocator, maxRows);
            } else {
                throw new IllegalStateException("No columnar reader for a part of " + split);
            }
        } catch (RuntimeException | IOException e) {
            throw walk.failure(e, object, split.range);
        }
        return new BatchSource() {
            @Override
            public ColumnBatch next() {
                try {
                    context.checkCancelled();
                    ColumnBatch batch = read.next();
                    return batch == null ? null : arrangement.arrange(batch, split.slice);
                } catch (RuntimeException | IOException e) {
                    throw walk.failure(e, object, split.range);
                }
            }

            @Override
            public void close() throws IOException {
                read.close();
            }
        };
    }
}
