package io.glaux.connector;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueSetTest {

    private static ValueSet above(long value) {
        return ValueSet.SortedRanges.of(List.of(ValueSet.Range.greaterThan(value, false)));
    }

    private static ValueSet atMost(long value) {
        return ValueSet.SortedRanges.of(List.of(ValueSet.Range.lessThan(value, true)));
    }

    @Test
    void rangesIntersectIntoTheirOverlap() {
        ValueSet between = above(2).intersect(atMost(5));

        assertThat(between.contains(2L)).isFalse();
        assertThat(between.contains(3L)).isTrue();
        assertThat(between.contains(5L)).isTrue();
        assertThat(between.contains(6L)).isFalse();
        assertThat(above(5).intersect(atMost(5)).isNone()).isTrue();
    }

    @Test
    void touchingRangesMergeAndDisjointOnesStaySorted() {
        ValueSet.SortedRanges merged = (ValueSet.SortedRanges) atMost(3).union(above(3));
        assertThat(merged.isAll()).isTrue();

        ValueSet.SortedRanges two = (ValueSet.SortedRanges) above(10).union(atMost(1));
        assertThat(two.ranges()).hasSize(2);
        assertThat(two.ranges().get(0).high().value()).isEqualTo(1L);
        assertThat(two.contains(5L)).isFalse();
    }

    @Test
    void valuesBecomePointsAndAnExclusionItsComplement() {
        ValueSet.SortedRanges points = (ValueSet.SortedRanges) ValueSet.ofValues(List.of("us", "eu", "eu"));
        assertThat(points.singleValues()).containsExactly("eu", "us");

        ValueSet notEu = ValueSet.excluding(List.of("eu"));
        assertThat(notEu.contains("eu")).isFalse();
        assertThat(notEu.contains("ap")).isTrue();
        assertThat(notEu.intersect(points)).isEqualTo(ValueSet.ofValues(List.of("us")));
    }

    @Test
    void valuesThatCannotBeOrderedStayAnEquatableList() {
        Object a = new Object();
        Object b = new Object();
        ValueSet list = ValueSet.ofValues(List.of(a, b));

        assertThat(list).isInstanceOf(ValueSet.Equatable.class);
        assertThat(list.intersect(ValueSet.ofValues(List.of(b))).contains(a)).isFalse();
        assertThat(list.union(ValueSet.all()).isAll()).isTrue();
    }

    @Test
    void aDomainCombinesItsValuesWithNullHandling() {
        Domain nullOrSmall = new Domain(atMost(3), true);

        assertThat(nullOrSmall.contains(null)).isTrue();
        assertThat(nullOrSmall.intersect(Domain.notNull()).contains(null)).isFalse();
        assertThat(Domain.onlyNull().intersect(Domain.notNull()).isNone()).isTrue();
        assertThat(Domain.singleValue(4L).union(nullOrSmall).contains(4L)).isTrue();
    }
}
