package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.DATE;
import static io.glaux.sql.function.Arg.INTERVAL;
import static io.glaux.sql.function.Arg.TIMESTAMP;

/**
 * Trino's {@code sequence}: integers from start to stop by a step (1 or -1 by default), dates by days or by an
 * interval, timestamps by an interval. Year-month steps are added to the start ({@code start + k months}, clamped to
 * the month's last day, so Jan 31 steps to Feb 28, Mar 31), as Trino does. At most 10000 entries.
 */
public final class SequenceFunctions {
    static final int MAX_ENTRIES = 10_000;
    private static final long DAY_MILLIS = 86_400_000L;

    private SequenceFunctions() {
    }

    /** Declares sequence's signatures. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> c = SequenceFunctions.class;
        Function<List<RelDataType>, List<Object>> yearMonth =
                types -> List.of(types.get(2).getSqlTypeName().getFamily() == SqlTypeName.INTERVAL_YEAR.getFamily());
        r.define(GlauxFunction.strict("sequence", false,
                Signature.of(c, "sequence", arrayOf(SqlTypeName.BIGINT), BIGINT, BIGINT),
                Signature.of(c, "sequence", arrayOf(SqlTypeName.BIGINT), BIGINT, BIGINT, BIGINT),
                Signature.of(c, "sequenceDate", arrayOf(SqlTypeName.DATE), DATE, DATE),
                Signature.withHidden(c, "sequenceDate", arrayOf(SqlTypeName.DATE), 1, yearMonth, DATE, DATE,
                        INTERVAL),
                Signature.withHidden(c, "sequenceTimestamp", arrayOf(SqlTypeName.TIMESTAMP), 1, yearMonth,
                        TIMESTAMP, TIMESTAMP, INTERVAL)));
    }

    private static SqlReturnTypeInference arrayOf(SqlTypeName element) {
        return b -> b.getTypeFactory().createArrayType(element == SqlTypeName.TIMESTAMP
                ? b.getTypeFactory().createSqlType(element, 3) : b.getTypeFactory().createSqlType(element), -1);
    }

    /** sequence(start, stop): by 1 upwards, by -1 downwards. */
    public static List<Object> sequence(long start, long stop) {
        return sequence(start, stop, start <= stop ? 1 : -1);
    }

    /** sequence(start, stop, step). */
    public static List<Object> sequence(long start, long stop, long step) {
        checkStep(start, stop, step);
        List<Object> out = new ArrayList<>();
        for (long v = start; step > 0 ? v <= stop : v >= stop; v += step) {
            add(out, v);
        }
        return out;
    }

    /** sequence(start, stop) of dates: by one day. */
    public static List<Object> sequenceDate(int start, int stop) {
        return sequenceDate(start, stop, (start <= stop ? 1 : -1) * DAY_MILLIS, false);
    }

    /** sequence(start, stop, interval) of dates: a whole number of days, or months. */
    public static List<Object> sequenceDate(int start, int stop, long step, boolean yearMonth) {
        if (!yearMonth && step % DAY_MILLIS != 0) {
            throw FunctionErrors.invalidArgument(
                    "sequence step must be a day interval if start and end values are dates");
        }
        long unit = yearMonth ? step : step / DAY_MILLIS;
        checkStep(start, stop, unit);
        LocalDate first = LocalDate.ofEpochDay(start);
        LongUnaryOperator nth = yearMonth ? k -> first.plusMonths(k * unit).toEpochDay() : k -> start + k * unit;
        List<Object> out = new ArrayList<>();
        walk(start, stop, unit, nth, v -> add(out, (int) v));
        return out;
    }

    /** sequence(start, stop, interval) of timestamps. */
    public static List<Object> sequenceTimestamp(long start, long stop, long step, boolean yearMonth) {
        checkStep(start, stop, step);
        LongUnaryOperator nth = yearMonth
                ? k -> DateTimeFunctions.millis(DateTimeFunctions.dateTime(start).plusMonths(k * step))
                : k -> start + k * step;
        List<Object> out = new ArrayList<>();
        walk(start, stop, step, nth, v -> add(out, v));
        return out;
    }

    private static void walk(long start, long stop, long step, LongUnaryOperator nth,
            java.util.function.LongConsumer sink) {
        for (long k = 0; ; k++) {
            long v = nth.applyAsLong(k);
            if (step > 0 ? v > stop : v < stop) {
                return;
            }
            sink.accept(v);
        }
    }

    private static void checkStep(long start, long stop, long step) {
        if (step == 0) {
            throw FunctionErrors.invalidArgument("step must not be zero");
        }
        if (step > 0 ? stop < start : stop > start) {
            throw FunctionErrors.invalidArgument("sequence stop value should be greater than or equal to start value "
                    + "if step is greater than zero otherwise stop should be less than or equal to start");
        }
    }

    private static void add(List<Object> out, Object value) {
        if (out.size() == MAX_ENTRIES) {
            throw FunctionErrors.invalidArgument(
                    "result of sequence function must not have more than " + MAX_ENTRIES + " entries");
        }
        out.add(value);
    }
}
