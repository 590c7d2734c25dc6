package io.glaux.connector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Intersection and union of value sets; sets of orderable values are combined as sorted ranges. */
final class ValueSets {

    private ValueSets() {
    }

    static ValueSet intersect(ValueSet a, ValueSet b) {
        if (a.isAll() || b.isNone()) {
            return b;
        }
        if (b.isAll() || a.isNone()) {
            return a;
        }
        if (a instanceof ValueSet.SortedRanges ra && b instanceof ValueSet.SortedRanges rb) {
            List<ValueSet.Range> both = new ArrayList<>();
            for (ValueSet.Range x : ra.ranges()) {
                for (ValueSet.Range y : rb.ranges()) {
                    both.add(x.intersect(y));
                }
            }
            return ValueSet.SortedRanges.of(both);
        }
        if (a instanceof ValueSet.Equatable ea && b instanceof ValueSet.Equatable eb) {
            return combine(ea, eb, true);
        }
        ValueSet.Equatable list = a instanceof ValueSet.Equatable e ? e : (ValueSet.Equatable) b;
        ValueSet other = list == a ? b : a;
        ValueSet.SortedRanges converted = asRanges(list);
        if (converted != null) {
            return intersect(converted, other);
        }
        if (list.allowList()) {
            Set<Object> kept = new LinkedHashSet<>();
            list.values().stream().filter(other::contains).forEach(kept::add);
            return new ValueSet.Equatable(true, kept);
        }
        // An exclusion of values that can't be ordered, beside ranges: the ranges alone are a safe superset.
        return other;
    }

    static ValueSet union(ValueSet a, ValueSet b) {
        if (a.isAll() || b.isNone()) {
            return a;
        }
        if (b.isAll() || a.isNone()) {
            return b;
        }
        if (a instanceof ValueSet.SortedRanges ra && b instanceof ValueSet.SortedRanges rb) {
            List<ValueSet.Range> either = new ArrayList<>(ra.ranges());
            either.addAll(rb.ranges());
            return ValueSet.SortedRanges.of(either);
        }
        if (a instanceof ValueSet.Equatable ea && b instanceof ValueSet.Equatable eb) {
            return combine(ea, eb, false);
        }
        ValueSet.Equatable list = a instanceof ValueSet.Equatable e ? e : (ValueSet.Equatable) b;
        ValueSet.SortedRanges converted = asRanges(list);
        ValueSet other = a == list ? b : a;
        // Not expressible in one form: allow everything (a superset is always a safe constraint).
        return converted != null ? union(converted, other) : ValueSet.all();
    }

    private static ValueSet combine(ValueSet.Equatable a, ValueSet.Equatable b, boolean intersect) {
        Set<Object> values = new LinkedHashSet<>();
        if (a.allowList() && b.allowList()) {
            a.values().stream().filter(v -> !intersect || b.values().contains(v)).forEach(values::add);
            if (!intersect) {
                values.addAll(b.values());
            }
            return new ValueSet.Equatable(true, values);
        }
        if (!a.allowList() && !b.allowList()) {
            a.values().stream().filter(v -> intersect || b.values().contains(v)).forEach(values::add);
            if (intersect) {
                values.addAll(b.values());
            }
            return new ValueSet.Equatable(false, values);
        }
        ValueSet.Equatable allow = a.allowList() ? a : b;
        ValueSet.Equatable exclude = a.allowList() ? b : a;
        if (intersect) {
            allow.values().stream().filter(v -> !exclude.values().contains(v)).forEach(values::add);
            return new ValueSet.Equatable(true, values);
        }
        exclude.values().stream().filter(v -> !allow.values().contains(v)).forEach(values::add);
        return new ValueSet.Equatable(false, values);
    }

    private static ValueSet.SortedRanges asRanges(ValueSet.Equatable set) {
        if (!set.values().stream().allMatch(v -> v instanceof Comparable<?>)) {
            return null;
        }
        ValueSet ranges = set.allowList() ? ValueSet.ofValues(set.values()) : ValueSet.excluding(set.values());
        return (ValueSet.SortedRanges) ranges;
    }
}
