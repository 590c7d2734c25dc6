package io.glaux.sql.scan;

import io.glaux.storage.crypto.KeyUser;
import io.glaux.storage.ObjectStore;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.apache.calcite.DataContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What one running query shares with its scans: the bytes read from the store so far (DataScannedInBytes), the
 * workgroup's per-query cutoff, and the cancel flag. Reached from a table scan through the query's DataContext.
 *
 * <p>DataScannedInBytes counts each byte of an object once per query, as Athena bills data scanned and not reads: a
 * range of an object that an operator reads again (the inner side of a nested loop, a table the plan scans twice, a
 * Parquet footer read twice) adds only the bytes no earlier read of this query covered. {@link #bytesRead()} keeps
 * the raw total, re-reads included.
 *
 * <p>While the query's plan runs ({@link #beginRun} to {@link #endRun}), operators that would compute the same thing
 * twice (the two uses of a {@code WITH} query, TPC-H Q15's {@code revenue0}) compute it once and share it
 * ({@link #shared}); what they share is freed when the last run ends. So do the scans of a table the plan reads more
 * than once ({@link #sharesReadsOf}) that read the same columns with the same filters.
 */
public final class ScanContext {

    /** The DataContext variable that holds the query's ScanContext. */
    public static final String KEY = "glaux.scanContext";

    private final AtomicLong bytesScanned = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    /** By object: the byte ranges already counted, disjoint and not touching, start to end (exclusive). */
    private final Map<String, NavigableMap<Long, Long>> counted = new HashMap<>();
    private final AtomicBoolean cancelled;
    private final long bytesScannedCutoff;
    private final String queryId;
    /** Whose use of KMS keys decrypts the objects read (null: Glaux's own). */
    private volatile KeyUser keyUser;
    /** Results shared while runs are open, by what computes them; guarded by itself, as is {@link #runs}. */
    private final Map<Object, CompletableFuture<AutoCloseable>> shared = new HashMap<>();
    private int runs;
    /** The tables the open runs' plans scan more than once; guarded by {@link #shared}. */
    private final Set<Object> readMoreThanOnce = new HashSet<>();

    /**
     * @param cancelled shared with Calcite's own cancel flag, so generated code and our readers stop together
     * @param bytesScannedCutoff the most bytes the query may read; {@code Long.MAX_VALUE} for no limit
     */
    public ScanContext(AtomicBoolean cancelled, long bytesScannedCutoff) {
        this(cancelled, bytesScannedCutoff, java.util.UUID.randomUUID().toString());
    }

    /** @param queryId the query execution the scans serve (federated sources are told it) */
    public ScanContext(AtomicBoolean cancelled, long bytesScannedCutoff, String queryId) {
        this.cancelled = cancelled;
        this.bytesScannedCutoff = bytesScannedCutoff;
        this.queryId = queryId;
    }

    /** The query execution the scans serve. */
    public String queryId() {
        return queryId;
    }

    /**
     * Reads the query's objects as {@code user} from now on: an object encrypted with a KMS key the caller may not
     * use fails the scan, as Athena reads a table with its caller's credentials (null: Glaux's own use of keys).
     */
    public void readAs(KeyUser user) {
        this.keyUser = user;
    }

    /** {@code store} as this query reads it: with its caller's use of KMS keys, if it has one. */
    public ObjectStore storeFor(ObjectStore store) {
        KeyUser user = keyUser;
        return user == null ? store : store.usingKeysAs(user);
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

    /** Every byte pulled from the store, counting re-reads each time (for tests and diagnostics). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /**
     * Records that bytes [{@code offset}, {@code offset + length}) of {@code object} were read: the bytes this query
     * had not read before are added to its bytes scanned, which stops it once it exceeds its workgroup's cutoff.
     */
    public void addBytesRead(String object, long offset, long length) {
        if (length <= 0) {
            return;
        }
        bytesRead.addAndGet(length);
        long fresh;
        synchronized (counted) {
            fresh = addRange(counted.computeIfAbsent(object, o -> new TreeMap<>()), offset, offset + length);
        }
        if (fresh > 0) {
            addBytesScanned(fresh);
        }
    }

    /** Adds [start, end) to {@code ranges}, merging what it overlaps or touches; returns how many bytes were new. */
    static long addRange(NavigableMap<Long, Long> ranges, long start, long end) {
        long covered = 0;
        long mergedStart = start;
        long mergedEnd = end;
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            covered += Math.min(before.getValue(), end) - start;
            mergedStart = before.getKey();
            mergedEnd = Math.max(mergedEnd, before.getValue());
            ranges.remove(before.getKey());
        }
        for (var it = ranges.subMap(start, false, end, true).entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Long> range = it.next();
            covered += Math.min(range.getValue(), end) - range.getKey();
            mergedEnd = Math.max(mergedEnd, range.getValue());
            it.remove();
        }
        ranges.put(mergedStart, mergedEnd);
        return (end - start) - covered;
    }

    /** Records bytes read and stops the query once it has read more than its workgroup allows. */
    private void addBytesScanned(long bytes) {
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

    /**
     * A run of the query's plan starts: results may be shared ({@link #shared}) until it ends, and so may the reads of
     * {@code tablesReadMoreThanOnce}, the tables its plan scans more than once.
     */
    public void beginRun(Set<?> tablesReadMoreThanOnce) {
        synchronized (shared) {
            runs++;
            readMoreThanOnce.addAll(tablesReadMoreThanOnce);
        }
    }

    /**
     * Whether a run is open whose plan scans {@code table} (as the plan names it: its definition) more than once:
     * its scans that read the same columns with the same filters then read them once, through {@link #shared}. A
     * table scanned once is not held that way, so what its scan read is freed as soon as its operator is done with
     * it.
     */
    public boolean sharesReadsOf(Object table) {
        synchronized (shared) {
            return runs > 0 && readMoreThanOnce.contains(table);
        }
    }

    /** A run of the query's plan ended (its rows were closed); the last one frees what runs shared. */
    public void endRun() {
        List<CompletableFuture<AutoCloseable>> freed;
        synchronized (shared) {
            if (runs == 0 || --runs > 0) {
                return;
            }
            freed = new ArrayList<>(shared.values());
            shared.clear();
            readMoreThanOnce.clear();
        }
        RuntimeException failure = null;
        for (CompletableFuture<AutoCloseable> result : freed) {
            AutoCloseable value = result.isDone() && !result.isCompletedExceptionally() ? result.join() : null;
            try {
                if (value != null) {
                    value.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Could not free a shared result", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether a run is open, so that {@link #shared} shares. */
    public boolean sharesResults() {
        synchronized (shared) {
            return runs > 0;
        }
    }

    /**
     * The result of {@code compute} for {@code key} (equal keys compute the same), computed by the first caller and
     * given to every later one until the last run ends, which closes it: callers must not close it. A computation that
     * fails is not kept; a result may be null. Only while a run is open ({@link #sharesResults}).
     */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> T shared(Object key, Supplier<T> compute) {
        CompletableFuture<AutoCloseable> result;
        boolean computes = false;
        synchronized (shared) {
            if (runs == 0) {
                throw new IllegalStateException("Results are shared only while the query runs");
            }
            result = shared.get(key);
            if (result == null) {
                result = new CompletableFuture<>();
                shared.put(key, result);
                computes = true;
            }
        }
        if (computes) {
            try {
                result.complete(compute.get());
            } catch (RuntimeException | Error e) {
                synchronized (shared) {
                    shared.remove(key, result);
                }
                result.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) result.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }
}
