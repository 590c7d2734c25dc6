package io.glaux.sql.vector;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StringDictionaryTest {

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    @Test
    void givesEachDistinctValueOneIdInTheOrderFirstSeen() {
        try (StringDictionary dictionary = new StringDictionary(1, "c", allocator)) {
            assertThat(dictionary.idOf("b")).isZero();
            assertThat(dictionary.idOf("a")).isEqualTo(1);
            assertThat(dictionary.idOf("b")).isZero();
            assertThat(dictionary.idOf("")).isEqualTo(2);
            assertThat(dictionary.idOf("ä")).isEqualTo(3);
            assertThat(dictionary.values()).containsExactly("b", "a", "", "ä");
        }
    }

    @Test
    void keepsIdsAcrossGrowth() {
        try (StringDictionary dictionary = new StringDictionary(1, "c", allocator)) {
            for (int i = 0; i < 10_000; i++) {
                assertThat(dictionary.idOf("v" + i)).isEqualTo(i);
            }
            for (int i = 0; i < 10_000; i += 97) {
                assertThat(dictionary.idOf("v" + i)).isEqualTo(i);
            }
            assertThat(dictionary.size()).isEqualTo(10_000);
        }
    }

    @Test
    void mapsIdsOfADictionaryBuiltApartIntoAnother() {
        try (StringDictionary merged = new StringDictionary(1, "c", allocator);
             StringDictionary first = new StringDictionary(1, "c", allocator);
             StringDictionary second = new StringDictionary(1, "c", allocator)) {
            for (String value : new String[] {"x", "y", "z"}) {
                first.idOf(value);
            }
            for (String value : new String[] {"z", "w", "x"}) {
                second.idOf(value);
            }
            assertThat(first.idsIn(merged)).containsExactly(0, 1, 2);
            assertThat(second.idsIn(merged)).containsExactly(2, 3, 0);
            assertThat(merged.values()).containsExactly("x", "y", "z", "w");
        }
    }
}
