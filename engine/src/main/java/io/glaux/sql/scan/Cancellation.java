package io.glaux.sql.scan;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

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

    /** The DataContext variable Calcite names its cancel flag ({@code DataContext.Variable.CANCEL_FLAG}). */
    public static final String FLAG = DataContext.Variable.CANCEL_FLAG.camelName;

    private Cancellation() {
    }

    /** A DataContext that hands its cancel flag over without a lookup by name (Glaux's own query context). */
    public interface Flagged {
        AtomicBoolean cancelFlag();
    }

    /** Throws if {@code flag} is set. */
    public static void check(AtomicBoolean flag) {
        if (flag.get()) {
            throw cancelled();
        }
    }

    /** Throws if the query running with {@code root} was cancelled; called from generated code, inside its loops. */
    public static void check(DataContext root) {
        if (root instanceof Flagged flagged) {
            check(flagged.cancelFlag());
        }
    }

    /** The exception a cancelled query unwinds with. */
    public static CancellationException cancelled() {
        return new CancellationException("Query was cancelled");
    }

    /** The query's cancel flag, or null when the context has none. */
    public static AtomicBoolean flag(DataContext root) {
        if (root instanceof Flagged flagged) {
            return flagged.cancelFlag();
        }
        return root.get(FLAG) instanceof AtomicBoolean flag ? flag : null;
    }

    /**
     * {@code input}, checking the query's cancel flag before every row it yields; called from generated code between
     * every two operators of a plan.
     */
    public static <T> Enumerable<T> checked(Enumerable<T> input, DataContext root) {
        AtomicBoolean flag = flag(root);
        if (flag == null) {
            return input;
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<T> enumerator() {
                check(flag);
                return new CheckedEnumerator<>(input.enumerator(), flag);
            }
        };
    }

    /** Delegates to its input, checking the flag before each move. */
    private static final class CheckedEnumerator<T> implements Enumerator<T> {
        private final Enumerator<T> input;
        private final AtomicBoolean flag;

        CheckedEnumerator(Enumerator<T> input, AtomicBoolean flag) {
            this.input = input;
            this.flag = flag;
        }

        @Override
        public T current() {
            return input.current();
        }

        @Override
        public boolean moveNext() {
            if (flag.get()) {
                throw cancelled();
            }
            return input.moveNext();
        }

        @Override
        public void reset() {
            input.reset();
        }

        @Override
        public void close() {
            input.close();
        }
    }
}
