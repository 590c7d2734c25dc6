package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapFunctionsTest {

    @Test
    void mapPairsKeyAndValueArrays() {
        assertThat(value("SELECT map(ARRAY[1, 3], ARRAY['x', NULL])").toString()).isEqualTo("{1=x, 3=null}");
        assertThat(type("SELECT map(ARRAY[1, 3], ARRAY['x', 'y'])")).isEqualTo("(INTEGER NOT NULL, CHAR(1) NOT NULL) MAP NOT NULL");
        assertThat((Map<?, ?>) value("SELECT map()")).isEmpty();
        assertThat(column("SELECT cardinality(map(tags, tags)) FROM t ORDER BY id")).containsExactly(3L, 0L, null);
    }

    @Test
    void mapRejectsNullAndDuplicateKeysAndUnequalLengths() {
        assertThatThrownBy(() -> value("SELECT map(ARRAY[1, 1], ARRAY[2, 3])"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Duplicate map keys (1) are not allowed");
        assertThatThrownBy(() -> value("SELECT map(ARRAY[1, NULL], ARRAY[2, 3])"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("map key cannot be null");
        assertThatThrownBy(() -> value("SELECT map(ARRAY[1], ARRAY[2, 3])"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Key and value arrays must be the same length");
    }

    @Test
    void entriesBuildAndTakeApartMaps() {
        assertThat(value("SELECT map_from_entries(ARRAY[(1, 'x'), (2, 'y')])").toString()).isEqualTo("{1=x, 2=y}");
        assertThat(value("SELECT multimap_from_entries(ARRAY[(1, 'x'), (2, 'y'), (1, 'z')])").toString())
                .isEqualTo("{1=[x, z], 2=[y]}");
        assertThatThrownBy(() -> value("SELECT map_from_entries(ARRAY[(1, 'x'), (1, 'y')])"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Duplicate keys (1) are not allowed");
        List<?> entries = (List<?>) value("SELECT map_entries(map(ARRAY[1, 2], ARRAY['x', 'y']))");
        assertThat(entries).hasSize(2);
        assertThat((Object[]) entries.get(1)).containsExactly(2, "y");
        assertThat(value("SELECT map_keys(m) FROM t WHERE id = 1")).isEqualTo(List.of("a", "b"));
        assertThat(value("SELECT map_values(m) FROM t WHERE id = 1")).isEqualTo(List.of(1, 2));
    }

    @Test
    void mapConcatKeepsTheLastValueOfARepeatedKey() {
        assertThat(value("SELECT map_concat(map(ARRAY['a', 'b'], ARRAY[1, 2]), map(ARRAY['b', 'c'], ARRAY[3, 4]))")
                .toString()).isEqualTo("{a=1, b=3, c=4}");
    }

    @Test
    void splitToMapReadsDelimitedText() {
        assertThat(value("SELECT split_to_map('a=1,b=2,', ',', '=')").toString()).isEqualTo("{a=1, b=2}");
        assertThat(value("SELECT split_to_multimap('a=1,b=2,a=3', ',', '=')").toString())
                .isEqualTo("{a=[1, 3], b=[2]}");
        assertThatThrownBy(() -> value("SELECT split_to_map('a=1,a=2', ',', '=')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Duplicate keys (a) are not allowed");
        assertThatThrownBy(() -> value("SELECT split_to_map('a=1,b', ',', '=')"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("Key-value delimiter must appear exactly once in each entry. Bad input: 'b'");
    }

    @Test
    void cosineSimilarityOfSparseVectors() {
        assertThat(value("SELECT cosine_similarity(MAP(ARRAY['a', 'b'], ARRAY[1.0, 2.0]),"
                + " MAP(ARRAY['a', 'c'], ARRAY[3.0, 4.0]))")).isEqualTo(0.2683281572999747);
        assertThat(value("SELECT cosine_similarity(MAP(ARRAY['x', 'y'], ARRAY[3E0, 4E0]),"
                + " MAP(ARRAY['y', 'x'], ARRAY[4E0, 3E0]))")).isEqualTo(1.0);
        assertThat(value("SELECT cosine_similarity(MAP(ARRAY['x'], ARRAY[3E0]), MAP(ARRAY['y'], ARRAY[4E0]))"))
                .isEqualTo(0.0);
        assertThat(value("SELECT cosine_similarity(MAP(ARRAY['a'], ARRAY[1E0]),"
                + " MAP(ARRAY['a'], ARRAY[CAST(NULL AS DOUBLE)]))")).isNull();
    }
}
