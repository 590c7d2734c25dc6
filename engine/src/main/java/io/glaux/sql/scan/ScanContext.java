package io.glaux.sql.scan;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.apache.calcite.DataContext;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one running query shares with its scans: the bytes read from the store so far (DataScannedInBytes), the
 * workgroup's per-query cutoff, and the cancel flag. Reached from a table scan through the query's DataContext.
 */
public final class ScanContext {

    /** The DataContext variable that holds the query's ScanContext. */
    public static final String KEY = "glaux.scanContext";

    private final AtomicLong bytesScanned = new AtomicLong();
    private final AtomicBoolean cancelled;
    private final long bytesScannedCutoff;

    /**
     * @param cancelled shared with Calcite's own cancel flag, so generated code and our readers stop together
     * @param bytesScannedCutoff the most bytes the query may read; {@code Long.MAX_VALUE} for no limit
     */
    public ScanContext(AtomicBoolean cancelled, long bytesScannedCutoff) {
        this.cancelled = cancelled;
        this.bytesScannedCutoff = bytesScannedCutoff;
    }

    public static ScanContext from(DataContext root) {
        Object context = root.get(KEY);
        if (!(context instanceof ScanContext scanContext)) {
            throw new IllegalStateException("No scan context in this query's DataContext");
        }
        return scanContext;
    }

    public long bytesScanned() {
        return bytesScanned.get();
    }

    /** Records bytes read and stops the query once it has read more than its workgroup allows. */
    public void addBytesScanned(long bytes) {
        long total = bytesScanned.addAndGet(bytes);
        if (total > bytesScannedCutoff) {
            throw new GlauxException(ErrorType.LIMIT_EXCEEDED, "Query cancelled! Bytes scanned limit was exceeded");
        }
    }

    /** The flag Calcite's generated code and the scans watch. */
    public AtomicBoolean cancelFlag() {
        return cancelled;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws if the query was cancelled; called by scans between rows. */
    public void checkCancelled() {
        Cancellation.check(cancelled);
    }
}
