package io.glaux.sql.scan;

import io.glaux.iam.AccessDeniedException;
import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.FormatReader;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectStore;
import org.apache.calcite.linq4j.Enumerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Walks slices → objects → rows lazily, so only one object is open at a time and nothing is buffered. */
final class ScanEnumerator implements Enumerator<Object[]> {

    private final ObjectStore store;
    private final FormatReader reader;
    private final ReadRequest request;
    private final List<TableScanner.ScanSlice> slices;
    private final int[] fields;
    private final int[] fieldSource;
    private final TableDefinition table;
    private final ScanContext context;

    private int nextSlice;
    private TableScanner.ScanSlice slice;
    private final Deque<ObjectInfo> pendingObjects = new ArrayDeque<>();
    private String listingToken;
    private boolean listingDone = true;
    private RowSource rows;
    private Object[] current;
    private ObjectInfo reading;

    ScanEnumerator(ObjectStore store, FormatReader reader, ReadRequest request, List<TableScanner.ScanSlice> slices,
                   int[] fields, Map<Integer, Integer> readPosition, TableDefinition table, ScanContext context) {
        this.store = store;
        this.reader = reader;
        this.request = request;
        this.slices = slices;
        this.fields = fields;
        this.table = table;
        this.context = context;
        int dataCount = table.columns().size();
        this.fieldSource = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            // >= 0: position in the reader's row; < 0: -(partition key index) - 1
            fieldSource[i] = fields[i] < dataCount ? readPosition.get(fields[i]) : -(fields[i] - dataCount) - 1;
        }
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
                        current = project(row);
                        return true;
                    }
                    rows.close();
                    rows = null;
                }
                ObjectInfo object = nextObject();
                if (object == null) {
                    return false;
                }
                reading = object;
                rows = reader.open(new MeteredObjectSource(context.storeFor(store), object, context), request);
            }
        } catch (AccessDeniedException e) {
            throw keyRefused(e);
        } catch (RuntimeException e) {
            AccessDeniedException denied = deniedIn(e);
            if (denied != null) {
                throw keyRefused(denied);
            }
            throw e;
        } catch (IOException e) {
            AccessDeniedException denied = deniedIn(e);
            if (denied != null) {
                throw keyRefused(denied);
            }
            String where = reading != null
                    ? "Error opening Hive split " + reading.location() + " (offset=0, length=" + reading.size() + ")"
                    : "Error listing " + (slice == null ? "table" : slice.prefix().toString());
            // A store that does not answer is the service's failure (and worth a retry), not the data's.
            ErrorType type = unavailable(e) ? ErrorType.INTERNAL_SERVICE_ERROR : ErrorType.DATA_ERROR;
            throw new GlauxException(type, TrinoErrorCode.HIVE_CANNOT_OPEN_SPLIT, where + ": " + reason(e), e);
        }
    }

    /**
     * The caller may not use the KMS key an object of the table is encrypted with: the query fails as Athena reports
     * it, with KMS's sentence and the grant that would allow it.
     */
    private GlauxException keyRefused(AccessDeniedException denied) {
        String where = reading == null ? "table" : reading.location() + " (offset=0, length=" + reading.size() + ")";
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.HIVE_CANNOT_OPEN_SPLIT, "Error opening Hive"
                + " split " + where + ": " + denied.messageWithFix() + " (Service: AWSKMS; Status Code: 400; Error"
                + " Code: AccessDeniedException)", denied);
    }

    /** A KMS refusal somewhere in a failure's causes (format readers wrap what the store throws). */
    private static AccessDeniedException deniedIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDeniedException denied) {
                return denied;
            }
        }
        return null;
    }

    private static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.glaux.storage.StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** An I/O failure's reason without the local file paths a folder-backed store would put in it. */
    private static String reason(IOException e) {
        if (e instanceof io.glaux.format.SourceReadException && e.getCause() instanceof IOException cause) {
            return reason(cause);
        }
        if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return String.valueOf(e.getMessage());
    }

    private Object[] project(Object[] row) {
        Object[] out = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            int source = fieldSource[i];
            out[i] = source >= 0 ? row[source] : slice.partitionValues().get(-source - 1);
        }
        return out;
    }

    /** The next readable object of the current slice, moving on to the next slice (and listing page) as needed. */
    private ObjectInfo nextObject() throws IOException {
        while (true) {
            while (!pendingObjects.isEmpty()) {
                ObjectInfo object = pendingObjects.poll();
                if (DataObjects.isData(object)) {
                    return object;
                }
            }
            if (!listingDone) {
                var page = store.list(slice.prefix().bucket(), slice.prefix().key(), listingToken, 1000);
                pendingObjects.addAll(page.objects());
                listingToken = page.nextContinuationToken().orElse(null);
                listingDone = listingToken == null;
                continue;
            }
            if (nextSlice >= slices.size()) {
                return null;
            }
            slice = slices.get(nextSlice++);
            reading = null;
            listingToken = null;
            listingDone = false;
            if (!store.bucketExists(slice.prefix().bucket())) {
                throw new GlauxException(ErrorType.DATA_ERROR, TrinoErrorCode.HIVE_FILESYSTEM_ERROR, "The specified"
                        + " bucket does not exist: " + slice.prefix().bucket() + " (table " + table.database() + "." + table.name()
                        + ", location " + slice.prefix() + ")");
            }
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
