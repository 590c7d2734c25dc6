package io.glaux.catalog.projection;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.TableKind;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading Athena's projection properties into each key's values and the partitions' locations. */
class PartitionProjectionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T14:07:09Z"), ZoneOffset.UTC);

    @Test
    void disabledOrAbsentProjectionLeavesTheCatalogsPartitions() {
        assertThat(PartitionProjection.of(table(Map.of(), "k"), CLOCK)).isEmpty();
        assertThat(PartitionProjection.of(table(Map.of("projection.enabled", "false", "projection.k.type", "enum",
                "projection.k.values", "a"), "k"), CLOCK)).isEmpty();
    }

    @Test
    void enumValuesKeepTheirWhiteSpace() {
        PartitionProjection p = projection(Map.of("projection.k.type", " ENUM ", "projection.k.values", "a, b,c"), "k");
        assertThat(p.keys().get(0).values()).containsExactly("a", " b", "c");
    }

    @Test
    void integerRangeStepsAndZeroPads() {
        PartitionProjection p = projection(Map.of("projection.h.type", "integer", "projection.h.range", "0,23",
                "projection.h.interval", "6", "projection.h.digits", "2"), "h");
        assertThat(p.keys().get(0).values()).containsExactly("00", "06", "12", "18");
        assertThat(p.keys().get(0).count()).isEqualTo(4);
    }

    @Test
    void dateRangeUsesTheFormatAndDefaultsItsStepToTheFormatsFinestField() {
        PartitionProjection days = projection(Map.of("projection.d.type", "date", "projection.d.format", "yyyy/MM/dd",
                "projection.d.range", "2024/02/27,2024/03/02"), "d");
        assertThat(days.keys().get(0).values())
                .containsExactly("2024/02/27", "2024/02/28", "2024/02/29", "2024/03/01", "2024/03/02");
        PartitionProjection hours = projection(Map.of("projection.d.type", "date",
                "projection.d.format", "yyyy-MM-dd-HH", "projection.d.range", "2024-03-05-10,NOW"), "d");
        assertThat(hours.keys().get(0).values())
                .containsExactly("2024-03-05-10", "2024-03-05-11", "2024-03-05-12", "2024-03-05-13", "2024-03-05-14");
        PartitionProjection months = projection(Map.of("projection.d.type", "date", "projection.d.format", "yyyy-MM",
                "projection.d.range", "NOW-2MONTHS,NOW", "projection.d.interval", "1",
                "projection.d.interval.unit", "MONTHS"), "d");
        assertThat(months.keys().get(0).values()).containsExactly("2024-01", "2024-02", "2024-03");
    }

    @Test
    void locationsFollowTheTemplateOrHivesLayout() {
        PartitionProjection hive = projection(Map.of("projection.k.type", "enum", "projection.k.values", "a",
                "projection.n.type", "injected"), "k", "n");
        assertThat(hive.location(List.of("a", "7"))).isEqualTo("s3://lake/t/k=a/n=7/");
        PartitionProjection template = projection(Map.of("projection.k.type", "enum", "projection.k.values", "a",
                "projection.n.type", "injected", "storage.location.template", "s3://other/x/${n}/${k}"), "k", "n");
        assertThat(template.location(List.of("a", "7"))).isEqualTo("s3://other/x/7/a");
    }

    @Test
    void aMisconfiguredKeyNamesThePropertyAtFault() {
        assertThatThrownBy(() -> projection(Map.of("projection.enabled", "true"), "k")).isInstanceOfSatisfying(GlauxException.class, e -> {
            assertThat(e.trinoCode()).contains(TrinoErrorCode.INVALID_TABLE_PROPERTY);
            assertThat(e.getMessage()).contains("'projection.k.type'");
        });
        assertThatThrownBy(() -> projection(Map.of("projection.k.type", "list"), "k"))
                .hasMessageContaining("'projection.k.type'").hasMessageContaining("enum, integer, date, injected");
        assertThatThrownBy(() -> projection(Map.of("projection.k.type", "integer", "projection.k.range", "1"), "k"))
                .hasMessageContaining("'projection.k.range'");
        assertThatThrownBy(() -> projection(Map.of("projection.k.type", "integer", "projection.k.range", "1,x"), "k"))
                .hasMessageContaining("two integers");
        assertThatThrownBy(() -> projection(Map.of("projection.k.type", "date", "projection.k.format", "yyyy-MM-dd",
                "projection.k.range", "2024-01-01,yesterday"), "k")).hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> projection(Map.of("projection.k.type", "integer", "projection.k.range", "1,2",
                "projection.k.interval", "0"), "k")).hasMessageContaining("positive");
    }

    private static PartitionProjection projection(Map<String, String> properties, String... keys) {
        return PartitionProjection.of(table(properties, keys), CLOCK).orElseThrow();
    }

    private static TableDefinition table(Map<String, String> properties, String... keys) {
        Map<String, String> parameters = new HashMap<>(properties);
        if (!properties.isEmpty()) {
            parameters.putIfAbsent("projection.enabled", "true");
        }
        List<Column> partitionKeys = java.util.Arrays.stream(keys)
                .map(k -> new Column(k, AthenaType.parse("string"), null)).toList();
        return new TableDefinition("db", "t", TableKind.EXTERNAL_TABLE, List.of(new Column("id", AthenaType.parse(
                "int"), null)), partitionKeys, StorageDescriptor.parquet("s3://lake/t/"), parameters,
                null, Instant.EPOCH);
    }
}
