package io.glaux.sql.scan;

import org.apache.calcite.DataContext;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way running work notices that its query (or SPICE ingestion) was stopped: a read of the cancel flag that
 * throws {@link CancellationException} once the flag is set. Scans call it between rows and reads, the SPICE
 * operators between batches, and every compiled plan calls it between operators and inside its generated loops
 * (see {@code io.glaux.sql.CancellationCheck}), so a stopped query unwinds wherever it is and frees its thread.
 *
 * <p>The check is a plain read of an {@link AtomicBoolean} (a volatile read, as cheap as an ordinary load on x86),
 * cheap enough to run for every row.
 */
public final class Cancellation {

    private Cancellation() {
    }

    /** A query's DataContext, which hands over its cancel flag without a lookup by name. */
    public interface Flagged {
        AtomicBoolean cancelFlag();
    }

    /** Throws if {@code flag} is set. */
    public static void check(AtomicBoolean flag) {
        if (flag.get()) {
            throw cancelled();
        }
    }

    /**
     * The cancel flag of the query running with {@code root}; generated code reads it once and checks it in its
     * loops. A context that is not a query's own has a flag that is never set.
     */
    public static AtomicBoolean flag(DataContext root) {
        return root instanceof Flagged flagged ? flagged.cancelFlag() : new AtomicBoolean();
    }

    /** The exception a cancelled query unwinds with. */
    public static CancellationException cancelled() {
        return new CancellationException("Query was cancelled");
    }
}
