package io.glaux.connector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of non-null values of one column, in one of the Federation SDK's three forms: all or none, an equatable
 * list (values allowed, or values excluded), or sorted ranges. Sets of orderable values combine as ranges.
 */
public sealed interface ValueSet {

    boolean isAll();

    boolean isNone();

    boolean contains(Object value);

    static ValueSet all() {
        return AllOrNone.ALL;
    }

    static ValueSet none() {
        return AllOrNone.NONE;
    }

    /** Exactly these values: sorted point ranges when they are all orderable, else an allow list. */
    static ValueSet ofValues(Collection<?> values) {
        if (values.stream().allMatch(v -> v instanceof Comparable<?>)) {
            List<Range> points = new ArrayList<>();
            for (Object value : values) {
                points.add(Range.equal(value));
            }
            return SortedRanges.of(points);
        }
        return new Equatable(true, new LinkedHashSet<>(values));
    }

    /** Every value but these. */
    static ValueSet excluding(Collection<?> values) {
        ValueSet excluded = ofValues(values);
        return excluded instanceof SortedRanges ranges ? ranges.complement() : new Equatable(false,
                new LinkedHashSet<>(values));
    }

    default ValueSet intersect(ValueSet other) {
        return ValueSets.intersect(this, other);
    }

    default ValueSet union(ValueSet other) {
        return ValueSets.union(this, other);
    }

    /** Every value, or none. */
    record AllOrNone(boolean all) implements ValueSet {
        static final AllOrNone ALL = new AllOrNone(true);
        static final AllOrNone NONE = new AllOrNone(false);

        @Override
        public boolean isAll() {
            return all;
        }

        @Override
        public boolean isNone() {
            return !all;
        }

        @Override
        public boolean contains(Object value) {
            return all;
        }
    }

    /** The listed values ({@code allowList}) or every value but them. */
    record Equatable(boolean allowList, Set<Object> values) implements ValueSet {
        public Equatable {
            values = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public boolean isAll() {
            return !allowList && values.isEmpty();
        }

        @Override
        public boolean isNone() {
            return allowList && values.isEmpty();
        }

        @Override
        public boolean contains(Object value) {
            return values.contains(value) == allowList;
        }
    }

    /** Disjoint ranges in ascending order. */
    record SortedRanges(List<Range> ranges) implements ValueSet {
        public SortedRanges {
            ranges = List.copyOf(ranges);
        }

        /** Sorts and merges overlapping or touching ranges. */
        public static SortedRanges of(List<Range> ranges) {
            return new SortedRanges(Range.normalize(ranges));
        }

        @Override
        public boolean isAll() {
            return ranges.size() == 1 && ranges.get(0).isAll();
        }

        @Override
        public boolean isNone() {
            return ranges.isEmpty();
        }

        @Override
        public boolean contains(Object value) {
            return ranges.stream().anyMatch(range -> range.contains(value));
        }

        /** The single values when every range is one point, else null. */
        public List<Object> singleValues() {
            List<Object> values = new ArrayList<>();
            for (Range range : ranges) {
                if (!range.isSingleValue()) {
                    return null;
                }
                values.add(range.low().value());
            }
            return values;
        }

        public SortedRanges complement() {
            List<Range> gaps = new ArrayList<>();
            Bound low = Bound.UNBOUNDED;
            for (Range range : ranges) {
                if (!range.low().isUnbounded()) {
                    gaps.add(new Range(low, new Bound(range.low().value(), !range.low().inclusive())));
                }
                if (range.high().isUnbounded()) {
                    return new SortedRanges(gaps);
                }
                low = new Bound(range.high().value(), !range.high().inclusive());
            }
            gaps.add(new Range(low, Bound.UNBOUNDED));
            return new SortedRanges(gaps);
        }
    }

    /** One end of a range: a value, included or not, or no bound at all. */
    record Bound(Object value, boolean inclusive) {
        public static final Bound UNBOUNDED = new Bound(null, false);

        public Bound {
            inclusive = value != null && inclusive;
        }

        public boolean isUnbounded() {
            return value == null;
        }
    }

    /** Values between two bounds; a low bound above the high bound leaves the range empty. */
    record Range(Bound low, Bound high) {
        public Range {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }

        public static Range equal(Object value) {
            return new Range(new Bound(value, true), new Bound(value, true));
        }

        public static Range greaterThan(Object value, boolean inclusive) {
            return new Range(new Bound(value, inclusive), Bound.UNBOUNDED);
        }

        public static Range lessThan(Object value, boolean inclusive) {
            return new Range(Bound.UNBOUNDED, new Bound(value, inclusive));
        }

        public static Range all() {
            return new Range(Bound.UNBOUNDED, Bound.UNBOUNDED);
        }

        public boolean isAll() {
            return low.isUnbounded() && high.isUnbounded();
        }

        public boolean isSingleValue() {
            return low.inclusive() && high.inclusive() && Values.compare(low.value(), high.value()) == 0;
        }

        public boolean isEmpty() {
            if (low.isUnbounded() || high.isUnbounded()) {
                return false;
            }
            int order = Values.compare(low.value(), high.value());
            return order > 0 || order == 0 && !(low.inclusive() && high.inclusive());
        }

        public boolean contains(Object value) {
            if (!low.isUnbounded()) {
                int order = Values.compare(value, low.value());
                if (order < 0 || order == 0 && !low.inclusive()) {
                    return false;
                }
            }
            if (!high.isUnbounded()) {
                int order = Values.compare(value, high.value());
                return order < 0 || order == 0 && high.inclusive();
            }
            return true;
        }

        static List<Range> normalize(List<Range> ranges) {
            List<Range> sorted = new ArrayList<>(ranges.stream().filter(r -> !r.isEmpty()).toList());
            sorted.sort(Range::compareLow);
            List<Range> merged = new ArrayList<>();
            for (Range range : sorted) {
                Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && last.touches(range)) {
                    merged.set(merged.size() - 1, new Range(last.low, higher(last.high, range.high)));
                } else {
                    merged.add(range);
                }
            }
            return merged;
        }

        /** The values in both ranges (possibly an empty range). */
        Range intersect(Range other) {
            Bound newLow = compareLow(this, other) >= 0 ? low : other.low;
            Bound newHigh = higher(high, other.high) == high ? other.high : high;
            return new Range(newLow, newHigh);
        }

        /** Whether {@code next}, starting at or after this range's start, overlaps or adjoins it. */
        private boolean touches(Range next) {
            if (high.isUnbounded() || next.low.isUnbounded()) {
                return true;
            }
            int order = Values.compare(next.low.value(), high.value());
            return order < 0 || order == 0 && (high.inclusive() || next.low.inclusive());
        }

        private static int compareLow(Range a, Range b) {
            if (a.low.isUnbounded() || b.low.isUnbounded()) {
                return Boolean.compare(!a.low.isUnbounded(), !b.low.isUnbounded());
            }
            int order = Values.compare(a.low.value(), b.low.value());
            return order != 0 ? order : Boolean.compare(!a.low.inclusive(), !b.low.inclusive());
        }

        private static Bound higher(Bound a, Bound b) {
            if (a.isUnbounded() || b.isUnbounded()) {
                return Bound.UNBOUNDED;
            }
            int order = Values.compare(a.value(), b.value());
            return order > 0 || order == 0 && a.inclusive() ? a : b;
        }
    }
}
