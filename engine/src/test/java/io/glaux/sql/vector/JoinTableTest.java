package io.glaux.sql.vector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The build side's table finds every key added, with its rows in the order added, and no key that was not added;
 * the rows of one key sit in consecutive entries. Alike whether the keys are hashed or, in a range not much wider
 * than the rows, index an array.
 */
class JoinTableTest {

    @Test
    void findsEveryKeyAddedAndNoOther() {
        Random random = new Random(17);
        Set<Long> added = new HashSet<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        while (added.size() < 300) {
            added.add((long) random.nextInt(1_000_000) - 500_000);
        }
        JoinTable table = filled(new ArrayList<>(added), false);
        for (long key : added) {
            assertThat(table.first(key)).as("key %d", key).isNotNegative();
        }
        int absent = 0;
        for (int i = 0; i < 100_000; i++) {
            long key = random.nextLong();
            if (!added.contains(key)) {
                absent++;
                assertThat(table.first(key)).as("key %d", key).isEqualTo(-1);
            }
        }
        assertThat(absent).isGreaterThan(99_000);
    }

    @Test
    void findsEveryKeyAddedAndNoOtherInAnArrayOfItsRange() {
        Random random = new Random(19);
        Set<Long> added = new HashSet<>(List.of(-40L, 1_159L));
        while (added.size() < 400) {
            added.add((long) random.nextInt(1_200) - 40);
        }
        JoinTable table = filled(new ArrayList<>(added), true);
        for (long key = -2_000; key < 3_000; key++) {
            assertThat(table.first(key) >= 0).as("key %d", key).isEqualTo(added.contains(key));
        }
        for (long key : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE - 40L, Integer.MAX_VALUE + 1L,
            (1L << 32) - 40}) {
            assertThat(table.first(key)).as("key %d", key).isEqualTo(-1);
        }
    }

    @Test
    void rowsOfOneKeyFollowInTheOrderAddedInConsecutiveEntries() {
        for (boolean dense : new boolean[] {false, true}) {
            List<Long> keys = List.of(7L, 9L, 7L, 3L, 9L, 7L);
            JoinTable table = filled(keys, dense);
            assertThat(table.size()).isEqualTo(keys.size());
            assertThat(rowsOf(table, 7)).containsExactly(0L, 2L, 5L);
            assertThat(rowsOf(table, 9)).containsExactly(1L, 4L);
            assertThat(rowsOf(table, 3)).containsExactly(3L);
            assertThat(rowsOf(table, 8)).isEmpty();
            int first = table.first(7);
            assertThat(table.next(first)).isEqualTo(first + 1);
            assertThat(table.next(first + 1)).isEqualTo(first + 2);
            assertThat(table.next(first + 2)).isEqualTo(-1);
        }
    }

    @Test
    void keysCannotBeAddedAfterTheTableIsSealedNorBeyondItsRows() {
        for (long[] range : new long[][] {{Long.MIN_VALUE, Long.MAX_VALUE}, {1, 2}}) {
            JoinTable table = new JoinTable(1, range[0], range[1]);
            table.key(1);
            assertThatThrownBy(() -> table.key(2)).isInstanceOf(IllegalStateException.class);
            JoinTable sealed = new JoinTable(2, range[0], range[1]);
            sealed.key(1);
            sealed.seal();
            assertThatThrownBy(() -> sealed.key(2)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void keysMarkedInAnArrayOfTheirRangeMarkEveryEntryOfThoseKeysAndNoOther() {
        List<Long> keys = List.of(7L, 9L, 7L, 3L, 12L, 7L, 5L);
        JoinTable table = filled(keys, true);
        boolean[] keyMarks = table.newKeyMarks();
        for (long key : new long[] {7, 12, 12, 2, 13, 4, -1, Long.MIN_VALUE, Long.MAX_VALUE, 3L + (1L << 32)}) {
            table.markKey(keyMarks, key);
        }
        boolean[] entryMarks = new boolean[table.size()];
        table.markEntries(keyMarks, entryMarks);
        List<Long> marked = new ArrayList<>();
        for (int entry = 0; entry < entryMarks.length; entry++) {
            if (entryMarks[entry]) {
                marked.add(keys.get(JoinTable.rowOf(table.row(entry))));
            }
        }
        assertThat(marked).containsExactlyInAnyOrder(7L, 7L, 7L, 12L);
        assertThat(filled(keys, false).newKeyMarks()).as("a hashed table's").isNull();
    }

    /** A table of {@code keys}, row i (batch 0) holding keys[i]; given their range when {@code dense}. */
    @Test
    void keepsEveryRowWhoseKeyIsHeldInOrderAndDropsNearlyAllOthers() {
        Random random = new Random(23);
        for (boolean dense : new boolean[] {false, true}) {
            // 204 keys of 1 .. 200,000 are hashed; of 1 .. 800 they index an array.
            int span = dense ? 800 : 200_000;
            Set<Long> added = new HashSet<>();
            while (added.size() < 204) {
                added.add((long) random.nextInt(span) + 1);
            }
            List<Long> keys = new ArrayList<>(added);
            JoinTable table = filled(keys, dense);
            int count = 50_000;
            long[] probed = new long[count];
            int[] rows = new int[count];
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                probed[i] = i % 50 == 0 ? keys.get(random.nextInt(keys.size())) : random.nextInt(2 * span) - span / 2;
                rows[i] = 3 * i + 1;
                if (added.contains(probed[i])) {
                    held.add(rows[i]);
                }
            }
            int kept = table.keepMayHold(probed, rows, count);
            List<Integer> keptRows = new ArrayList<>();
            for (int i = 0; i < kept; i++) {
                keptRows.add(rows[i]);
            }
            // Every held key's row, in order; of the others, few (the dense table none, the filter of a small
            // table one in a few hundred).
            assertThat(keptRows).as("dense %s", dense).containsSubsequence(held);
            assertThat(kept - held.size()).as("dense %s", dense).isLessThanOrEqualTo(dense ? 0 : count / 100);
        }
    }

    private static JoinTable filled(List<Long> keys, boolean dense) {
        long lowest = keys.stream().mapToLong(Long::longValue).min().orElseThrow();
        long highest = keys.stream().mapToLong(Long::longValue).max().orElseThrow();
        JoinTable table = dense ? new JoinTable(keys.size(), lowest, highest)
                : new JoinTable(keys.size(), Long.MIN_VALUE, Long.MAX_VALUE);
        int[] ordinals = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ordinals[i] = table.key(keys.get(i));
        }
        table.seal();
        for (int i = 0; i < keys.size(); i++) {
            table.add(ordinals[i], JoinTable.reference(0, i));
        }
        return table;
    }

    private static List<Long> rowsOf(JoinTable table, long key) {
        List<Long> rows = new ArrayList<>();
        for (int entry = table.first(key); entry >= 0; entry = table.next(entry)) {
            rows.add((long) JoinTable.rowOf(table.row(entry)));
        }
        return rows;
    }
}
