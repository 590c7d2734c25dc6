package io.glaux.sql.scan;

import io.glaux.catalog.TableDefinition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.ByteRange;
import io.glaux.iam.AccessDeniedException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectStore;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Walks a scan's slices to their data objects lazily, a listing page at a time, and says what went wrong the way
 * Athena does: a store or object failure names the split (object) being read, a KMS refusal names the key's grant.
 * The row scan and the column scan both read through one walk.
 */
final class ObjectWalk {

    private final ObjectStore store;
    private final List<TableScanner.ScanSlice> slices;
    private final TableDefinition table;
    private final ScanContext context;

    private int nextSlice;
    private TableScanner.ScanSlice slice;
    private final Deque<ObjectInfo> pendingObjects = new ArrayDeque<>();
    private String listingToken;
    private boolean listingDone = true;
    private ObjectInfo reading;

    ObjectWalk(ObjectStore store, List<TableScanner.ScanSlice> slices, TableDefinition table, ScanContext context) {
        this.store = store;
        this.slices = slices;
        this.table = table;
        this.context = context;
    }

    /** The slice of the object last returned by {@link #next()}. */
    TableScanner.ScanSlice slice() {
        return slice;
    }

    /**
     * The next data object to read, as a source metered for the query, moving on to the next slice (and listing
     * page) as needed; null when every slice is read.
     */
    MeteredObjectSource next() throws IOException {
        ObjectInfo object = nextObject();
        if (object == null) {
            return null;
        }
        reading = object;
        return new MeteredObjectSource(context.storeFor(store), object, context);
    }

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
                        + " bucket does not exist: " + slice.prefix().bucket() + " (table " + table.database() + "."
                        + table.name() + ", location " + slice.prefix() + ")");
            }
        }
    }

    /**
     * What a failure while listing, opening or reading objects becomes for the query: a KMS refusal anywhere in its
     * causes is the caller's (with the grant that would allow it); an I/O failure is HIVE_CANNOT_OPEN_SPLIT naming
     * the object, the service's failure when the store did not answer, else the data's; other runtime failures pass
     * as they are.
     */
    RuntimeException failure(Exception e) {
        return failure(e, reading, reading == null ? null : ByteRange.whole(reading.size()));
    }

    /**
     * As {@link #failure(Exception)}, for a failure while reading {@code range} of {@code object} (a part of it read
     * on its own); safe to call from any thread.
     */
    RuntimeException failure(Exception e, ObjectInfo object, ByteRange range) {
        AccessDeniedException denied = deniedIn(e);
        if (denied != null) {
            return keyRefused(denied, object, range);
        }
        if (e instanceof IOException io) {
            String where = object != null ? "Error opening Hive split " + split(object, range)
                    : "Error listing " + (slice == null ? "table" : slice.prefix().toString());
            // A store that does not answer is the service's failure (and worth a retry), not the data's.
            ErrorType type = unavailable(e) ? ErrorType.INTERNAL_SERVICE_ERROR : ErrorType.DATA_ERROR;
            return new GlauxException(type, TrinoErrorCode.HIVE_CANNOT_OPEN_SPLIT, where + ": " + reason(io), e);
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    /**
     * The caller may not use the KMS key an object of the table is encrypted with: the query fails as Athena reports
     * it, with KMS's sentence and the grant that would allow it.
     */
    private GlauxException keyRefused(AccessDeniedException denied, ObjectInfo object, ByteRange range) {
        String where = object == null ? "table" : split(object, range);
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.HIVE_CANNOT_OPEN_SPLIT, "Error opening Hive"
                + " split " + where + ": " + denied.messageWithFix() + " (Service: AWSKMS; Status Code: 400; Error"
                + " Code: AccessDeniedException)", denied);
    }

    /** A split as Trino names it: the object and the byte range read. */
    private static String split(ObjectInfo object, ByteRange range) {
        return object.location() + " (offset=" + range.offset() + ", length=" + range.length() + ")";
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
}
