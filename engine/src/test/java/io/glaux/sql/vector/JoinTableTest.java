package io.glaux.sql.vector;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The build side's table finds every key added, with its rows in order, and no key that was not added. */
class JoinTableTest {

    @Test
    void findsEveryKeyAddedAndNoOther() {
        Random random = new Random(17);
        JoinTable table = new JoinTable(300);
        Set<Long> added = new HashSet<>();
        long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1};
        for (long key : extremes) {
            table.add(key, JoinTable.reference(0, added.size()));
            added.add(key);
        }
        while (added.size() < 300) {
            long key = random.nextInt(1_000_000) - 500_000;
            if (added.add(key)) {
                table.add(key, JoinTable.reference(1, added.size()));
            }
        }
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
    void rowsOfOneKeyFollowInTheOrderAdded() {
        JoinTable table = new JoinTable(4);
        table.add(7, JoinTable.reference(0, 1));
        table.add(9, JoinTable.reference(0, 2));
        table.add(7, JoinTable.reference(2, 3));
        int entry = table.first(7);
        assertThat(table.row(entry)).isEqualTo(JoinTable.reference(0, 1));
        entry = table.next(entry);
        assertThat(table.row(entry)).isEqualTo(JoinTable.reference(2, 3));
        assertThat(table.next(entry)).isEqualTo(-1);
        assertThat(table.row(table.first(9))).isEqualTo(JoinTable.reference(0, 2));
    }
}
