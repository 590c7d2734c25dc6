package io.glaux.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class HivePartitionNamesTest {

    @Test
    void escapesWhatCannotStandInAPathSegment() {
        assertThat(HivePartitionNames.escape("a/b=c:d%e#f")).isEqualTo("a%2Fb%3Dc%3Ad%25e%23f");
        assertThat(HivePartitionNames.escape("plain value-1")).isEqualTo("plain value-1");
        assertThat(HivePartitionNames.escape("")).isEqualTo("__HIVE_DEFAULT_PARTITION__");
    }

    @Test
    void unescapeReversesEscapeAndDecodesUtf8() {
        for (String value : List.of("a/b=c:d%e#f", "tab\there", "x")) {
            assertThat(HivePartitionNames.unescape(HivePartitionNames.escape(value))).isEqualTo(value);
        }
        assertThat(HivePartitionNames.unescape("caf%C3%A9")).isEqualTo("café");
        assertThat(HivePartitionNames.unescape("100%")).isEqualTo("100%");
        assertThat(HivePartitionNames.unescape("%zz")).isEqualTo("%zz");
    }

    @Test
    void namesJoinKeysAndValuesInOrder() {
        assertThat(HivePartitionNames.name(List.of(new Column("dt", AthenaType.STRING),
                new Column("region", AthenaType.STRING)), List.of("2024-01-01", "eu"))).isEqualTo("dt=2024-01-01/region=eu");
    }
}
