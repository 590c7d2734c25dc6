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
 * the rows of one key sit in consecutive entries.
 */
class JoinTableTest {

    @Test
    void findsEveryKeyAddedAndNoOther() {
        Random random = new Random(17);
        Set<Long> added = new HashSet<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L));
        while (added.size() < 300) {
            added.add((long) random.nextInt(1_000_000) - 500_000);
        }
        JoinTable table = filled(new ArrayList<>(added));
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
    void rowsOfOneKeyFollowInTheOrderAddedInConsecutiveEntries() {
        List<Long> keys = List.of(7L, 9L, 7L, 3L, 9L, 7L);
        JoinTable table = filled(keys);
        assertThat(table.size()).isEqualTo(keys.size());
        assertThat(rowsOf(table, 7)).containsExactly(0L, 2L, 5L);
        assertThat(rowsOf(table, 9)).containsExactly(1L, 4L);
        assertThat(rowsOf(table, 3)).containsExactly(3L);
        int first = table.first(7);
        assertThat(table.next(first)).isEqualTo(first + 1);
        assertThat(table.next(first + 1)).isEqualTo(first + 2);
        assertThat(table.next(first + 2)).isEqualTo(-1);
    }

    @Test
    void keysCannotBeAddedAfterTheTableIsSealedNorBeyondItsRows() {
        JoinTable table = new JoinTable(1);
        table.key(1);
        assertThatThrownBy(() -> table.key(2)).isInstanceOf(IllegalStateException.class);
        JoinTable sealed = new JoinTable(2);
        sealed.key(1);
        sealed.seal();
        assertThatThrownBy(() -> sealed.key(2)).isInstanceOf(IllegalStateException.class);
    }

    /** A table of {@code keys}, row i (batch 0) holding keys[i]. */
    private static JoinTable filled(List<Long> keys) {
        JoinTable table = new JoinTable(keys.size());
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
