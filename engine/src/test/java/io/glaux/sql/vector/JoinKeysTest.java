package io.glaux.sql.vector;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several join keys whose ranges fit are packed into one number that tells every pair of values apart; a row with a
 * value outside the table side's ranges gets a number no packed key has; ranges too wide to pack are hashed.
 */
class JoinKeysTest {

    @Test
    void packsKeysWithinTheirRangesIntoDistinctNumbersFromZero() {
        long[] lowest = {-3, 100, 7};
        long[] highest = {4, 119, 7};
        JoinKeys keys = JoinKeys.of(lowest, highest);
        assertThat(keys.exact()).isTrue();
        assertThat(keys.packed()).isTrue();
        assertThat(keys.highestPacked()).isEqualTo(8 * 20 - 1);
        Map<Long, List<Long>> seen = new HashMap<>();
        for (long a = -3; a <= 4; a++) {
            for (long b = 100; b <= 119; b++) {
                long key = keys.keys(new long[][] {{a}, {b}, {7}}, 1)[0];
                assertThat(key).isBetween(0L, keys.highestPacked());
                assertThat(seen.put(key, List.of(a, b))).as("%d, %d", a, b).isNull();
            }
        }
    }

    @Test
    void aValueOutsideItsRangeGetsANumberNoPackedKeyHas() {
        JoinKeys keys = JoinKeys.of(new long[] {1, 1}, new long[] {200_000, 10_000});
        long[][] values = {
            {0, 200_001, 1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 200_000},
            {1, 1, 0, 10_001, 5, 5, 10_000}};
        long[] packed = keys.keys(values, 7);
        for (int i = 0; i < 6; i++) {
            assertThat(packed[i]).as("row %d", i).isEqualTo(JoinKeys.ABSENT);
        }
        assertThat(packed[6]).isEqualTo(keys.highestPacked()).isEqualTo(200_000L * 10_000 - 1);
    }

    @Test
    void noTableRowsLeaveEveryValueOutside() {
        JoinKeys keys = JoinKeys.of(new long[] {1, 1}, new long[] {0, 0});
        assertThat(keys.exact()).isTrue();
        assertThat(keys.keys(new long[][] {{0, 1, Long.MIN_VALUE}, {0, 1, Long.MAX_VALUE}}, 3))
                .containsOnly(JoinKeys.ABSENT);
    }

    @Test
    void rangesWhoseProductOrSpanOverflowsAreHashedAlikeForEqualValues() {
        for (JoinKeys keys : new JoinKeys[] {
            JoinKeys.of(new long[] {0, 0}, new long[] {1L << 32, 1L << 31}),
            JoinKeys.of(new long[] {Long.MIN_VALUE, 0}, new long[] {Long.MAX_VALUE, 1})}) {
            assertThat(keys.exact()).isFalse();
            long[] hashed = keys.keys(new long[][] {{5, 5, 6}, {9, 9, 9}}, 3);
            assertThat(hashed[0]).isEqualTo(hashed[1]).isNotEqualTo(hashed[2]);
        }
    }

    @Test
    void oneKeyIsItsOwnValue() {
        long[] values = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        JoinKeys keys = JoinKeys.of(new long[] {Long.MIN_VALUE}, new long[] {Long.MAX_VALUE});
        assertThat(keys.exact()).isTrue();
        assertThat(keys.keys(new long[][] {values}, 4)).containsExactly(values);
    }
}
