package io.glaux.sql.vector;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** A test of UTF-8 bytes in native memory. */
    private interface BytesTest {
        boolean test(long address, int length);
    }

    /** A condition that fails the test if the dictionary decodes a value to test it. */
    private static Utf8Predicate bytesOnly(BytesTest test) {
        return new Utf8Predicate() {
            @Override
            public boolean test(String value) {
                throw new AssertionError("decoded " + value);
            }

            @Override
            public boolean testUtf8(long address, int length) {
                return test.test(address, length);
            }
        };
    }

    /**
     * Once frozen, a value is decoded when first asked for, and only it: the rest are still tested on their bytes;
     * all values, asked for after some, are the values in id order; a copy of the values is their bytes.
     */
    @Test
    void decodesAFrozenValueWhenFirstAskedForAndCopiesTheValuesAsBytes() {
        String[] values = {"Grüße", "日本語", "", "🦉 glaux", "x"};
        try (StringDictionary dictionary = new StringDictionary(1, "c", allocator)) {
            for (String value : values) {
                dictionary.idOf(value);
            }
            dictionary.freeze();
            assertThat(dictionary.value(3)).isEqualTo("🦉 glaux");
            assertThat(dictionary.value(3)).isSameAs(dictionary.value(3));
            assertThat(dictionary.matches(bytesOnly((address, length) -> length == 0))).containsExactly(false, false, true, false, false);
            assertThat(dictionary.values()).containsExactly(values);
            assertThat(dictionary.value(0)).isEqualTo("Grüße");
            try (VarCharVector copy = dictionary.copyValues(allocator)) {
                assertThat(copy.getValueCount()).isEqualTo(values.length);
                for (int id = 0; id < values.length; id++) {
                    assertThat(new String(copy.get(id), StandardCharsets.UTF_8)).isEqualTo(values[id]);
                }
            }
        }
    }

    /**
     * A condition that can test bytes is tested on them while the values are not decoded (building or frozen), on the
     * decoded values after; the answers are the same.
     */
    @Test
    void matchesValuesOnTheirBytesUntilTheyAreDecoded() {
        try (StringDictionary dictionary = new StringDictionary(1, "c", allocator)) {
            for (String value : new String[] {"special requests", "ä special€requests", "requests special", ""}) {
                dictionary.idOf(value);
            }
            Utf8Predicate like = (Utf8Predicate) LikePattern.of("%special%requests%", null);
            Utf8Predicate bytesOnly = bytesOnly(like::testUtf8);
            assertThat(dictionary.matches(bytesOnly)).containsExactly(true, true, false, false);
            dictionary.freeze();
            assertThat(dictionary.matches(bytesOnly.negate())).containsExactly(false, false, true, true);
            assertThat(dictionary.values()).hasSize(4);
            assertThat(dictionary.matches(like)).containsExactly(true, true, false, false);
            assertThat(dictionary.matches(value -> value.isEmpty())).containsExactly(false, false, false, true);
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

    @Test
    void keepsValuesOfEveryLengthApartAcrossGrowthOfItsStorage() {
        // Lengths 0 to 40 straddle the word-at-a-time hashing and comparison (1-3, 4-7, 8 and more bytes, with a
        // last word that overlaps the one before); values differing in one byte at any position must stay apart.
        List<String> expected = new ArrayList<>();
        try (StringDictionary dictionary = new StringDictionary(1, "c", allocator)) {
            for (int length = 0; length <= 40; length++) {
                String base = "x".repeat(length);
                expected.add(base);
                assertThat(dictionary.idOf(base)).isEqualTo(expected.size() - 1);
                for (int at = 0; at < length; at++) {
                    String changed = base.substring(0, at) + 'y' + base.substring(at + 1);
                    expected.add(changed);
                    assertThat(dictionary.idOf(changed)).isEqualTo(expected.size() - 1);
                }
            }
            // Larger than the chunks values share (1 MiB): such a value gets a chunk of its own, values after it
            // go on in another.
            for (String large : new String[] {"long value ".repeat(2_000), "a".repeat(3 << 20), "b".repeat(1 << 20),
                    "after the large ones"}) {
                expected.add(large);
                assertThat(dictionary.idOf(large)).isEqualTo(expected.size() - 1);
            }
            for (int i = 0; i < 100_000; i++) {
                expected.add("filler " + i);
                assertThat(dictionary.idOf("filler " + i)).isEqualTo(expected.size() - 1);
            }
            for (int id = 0; id < expected.size(); id++) {
                assertThat(dictionary.idOf(expected.get(id))).isEqualTo(id);
            }
            assertThat(dictionary.size()).isEqualTo(expected.size());
            assertThat(dictionary.values()).containsExactlyElementsOf(expected);
            dictionary.freeze();
            VarCharVector frozen = (VarCharVector) dictionary.asArrowDictionary().getVector();
            for (int id = 0; id < expected.size(); id += 97) {
                assertThat(new String(frozen.get(id), StandardCharsets.UTF_8)).isEqualTo(expected.get(id));
            }
            assertThat(new String(frozen.get(expected.size() - 1), StandardCharsets.UTF_8))
                    .isEqualTo(expected.get(expected.size() - 1));
        }
    }

    @Test
    void readsValuesFromArrowBuffersAndKeepsMultiByteUtf8() {
        String[] values = {"Grüße", "日本語", "", "Grüße", "🦉 glaux", "日本語"};
        try (StringDictionary dictionary = new StringDictionary(1, "c", allocator);
             VarCharVector column = new VarCharVector("c", allocator)) {
            column.allocateNew();
            for (int row = 0; row < values.length; row++) {
                column.setSafe(row, values[row].getBytes(StandardCharsets.UTF_8));
            }
            column.setValueCount(values.length);
            int[] ids = new int[values.length];
            for (int row = 0; row < values.length; row++) {
                long start = column.getStartOffset(row);
                ids[row] = dictionary.idOf(column.getDataBuffer(), start, (int) (column.getEndOffset(row) - start));
            }
            assertThat(ids).containsExactly(0, 1, 2, 0, 3, 1);
            assertThat(dictionary.idOf("🦉 glaux")).isEqualTo(3);
            assertThat(dictionary.values()).containsExactly("Grüße", "日本語", "", "🦉 glaux");
        }
    }

    @Test
    void tellsApartValuesWhoseHashesCollide() {
        String[] pair = collidingPair();
        try (StringDictionary dictionary = new StringDictionary(1, "c", allocator)) {
            assertThat(dictionary.idOf(pair[0])).isZero();
            assertThat(dictionary.idOf(pair[1])).isEqualTo(1);
            assertThat(dictionary.idOf(pair[0])).isZero();
            assertThat(dictionary.idOf(pair[1])).isEqualTo(1);
            assertThat(dictionary.values()).containsExactly(pair[0], pair[1]);
        }
    }

    /** Two values of the same length whose 32 stored hash bits are equal, found by trying values in turn. */
    private String[] collidingPair() {
        Map<Integer, String> seen = new HashMap<>();
        try (ArrowBuf buffer = allocator.buffer(64)) {
            for (int i = 0; ; i++) {
                String value = "value-" + String.format("%08d", i);
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                buffer.setBytes(0, utf8);
                String earlier = seen.putIfAbsent(StringDictionary.hash(buffer.memoryAddress(), utf8.length), value);
                if (earlier != null) {
                    return new String[] {earlier, value};
                }
            }
        }
    }

    @Test
    void decodesTheSameValuesOnceFrozenAndTakesNoMore() {
        try (StringDictionary dictionary = new StringDictionary(7, "c", allocator)) {
            for (int i = 0; i < 5_000; i++) {
                dictionary.idOf("value " + i);
            }
            assertThat(dictionary.value(4_321)).isEqualTo("value 4321");
            dictionary.idOf("one more");
            assertThat(dictionary.values()).hasSize(5_001).endsWith("one more");
            dictionary.freeze();
            assertThat(dictionary.size()).isEqualTo(5_001);
            assertThat(dictionary.value(0)).isEqualTo("value 0");
            assertThat(dictionary.value(5_000)).isEqualTo("one more");
            VarCharVector vector = (VarCharVector) dictionary.asArrowDictionary().getVector();
            assertThat(vector.getValueCount()).isEqualTo(5_001);
            assertThat(vector.getNullCount()).isZero();
            assertThat(vector.getObject(4_999).toString()).isEqualTo("value 4999");
            assertThat(dictionary.asArrowDictionary().getEncoding().getId()).isEqualTo(7);
            assertThatThrownBy(() -> dictionary.idOf("late")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void wrapsALoadedVector() {
        VarCharVector loaded = new VarCharVector("c", allocator);
        loaded.allocateNew();
        loaded.setSafe(0, "a".getBytes(StandardCharsets.UTF_8));
        loaded.setSafe(1, "bb".getBytes(StandardCharsets.UTF_8));
        loaded.setValueCount(2);
        try (StringDictionary dictionary = new StringDictionary(3, loaded);
             StringDictionary target = new StringDictionary(3, "c", allocator)) {
            assertThat(dictionary.size()).isEqualTo(2);
            assertThat(dictionary.values()).containsExactly("a", "bb");
            target.idOf("bb");
            assertThat(dictionary.idsIn(target)).containsExactly(1, 0);
        }
    }

    @Test
    void mapsIdsAfterBothDictionariesGrew() {
        try (StringDictionary merged = new StringDictionary(1, "c", allocator);
             StringDictionary first = new StringDictionary(1, "c", allocator);
             StringDictionary second = new StringDictionary(1, "c", allocator)) {
            for (int i = 0; i < 20_000; i++) {
                first.idOf("k" + i);
                second.idOf("k" + (i + 10_000));
            }
            int[] fromFirst = first.idsIn(merged);
            int[] fromSecond = second.idsIn(merged);
            for (int i = 0; i < 20_000; i++) {
                assertThat(fromFirst[i]).isEqualTo(i);
                assertThat(fromSecond[i]).isEqualTo(i + 10_000);
            }
            assertThat(merged.size()).isEqualTo(30_000);
            first.freeze();
            assertThat(first.idsIn(merged)).isEqualTo(fromFirst);
            assertThat(merged.value(29_999)).isEqualTo("k29999");
        }
    }
}
