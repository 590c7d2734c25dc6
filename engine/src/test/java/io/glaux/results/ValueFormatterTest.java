package io.glaux.results;

import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValueFormatterTest {

    private static String format(Object value, String type) {
        return new ValueFormatter(ColumnInfo.of("c", type, 0, 0)).format(value);
    }

    @Test
    void datesAndTimestampsPrintAsAthenaDoes() {
        assertThat(format((int) LocalDate.of(2024, 2, 29).toEpochDay(), "date")).isEqualTo("2024-02-29");
        assertThat(format(1_700_000_000_123L, "timestamp")).isEqualTo("2023-11-14 22:13:20.123");
        assertThat(format(-1L, "timestamp")).isEqualTo("1969-12-31 23:59:59.999");
    }

    @Test
    void timesPrintWithTheirPrecisionsDigits() {
        int millis = ((1 * 60 + 2) * 60 + 3) * 1000 + 456;
        assertThat(new ValueFormatter(new ValueType.Scalar("time", 0)).format(millis)).isEqualTo("01:02:03");
        assertThat(new ValueFormatter(new ValueType.Scalar("time", 3)).format(millis)).isEqualTo("01:02:03.456");
        assertThat(new ValueFormatter(new ValueType.Scalar("time", 1)).format(millis)).isEqualTo("01:02:03.4");
        assertThat(new ValueFormatter(new ValueType.Scalar("time", 6)).format(millis)).isEqualTo("01:02:03.456000");
        assertThat(new ValueFormatter(new ValueType.ArrayOf(new ValueType.Scalar("time", 0))).format(List.of(0)))
                .isEqualTo("[00:00:00]");
    }

    @Test
    void numbersPrintPlainly() {
        ValueFormatter decimal = new ValueFormatter(ColumnInfo.of("c", "decimal", 10, 2));
        assertThat(decimal.format(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(decimal.format(new BigDecimal("0.3333333333333333"))).isEqualTo("0.33");
        assertThat(decimal.format(new BigDecimal("0.335"))).isEqualTo("0.34");
        assertThat(format(2.5d, "double")).isEqualTo("2.5");
        assertThat(format(42L, "bigint")).isEqualTo("42");
        assertThat(format(true, "boolean")).isEqualTo("true");
    }

    @Test
    void nestedValuesKeepTheirTypesAndFieldNames() {
        ValueType row = new ValueType.RowOf(List.of("day", "tags"), List.of(new ValueType.Scalar("date", 0),
                new ValueType.ArrayOf(new ValueType.Scalar("varchar", 0))));
        ValueFormatter formatter = new ValueFormatter(new ValueType.ArrayOf(row));
        Object[] first = {(int) LocalDate.of(2024, 1, 2).toEpochDay(), List.of("a", "b")};
        Object[] second = {null, null};
        assertThat(formatter.format(List.of(first, second)))
                .isEqualTo("[{day=2024-01-02, tags=[a, b]}, {day=null, tags=null}]");
    }

    @Test
    void nestedValuesPrintLikeTrino() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", null);
        ValueType.Scalar integer = new ValueType.Scalar("integer", 0);
        assertThat(new ValueFormatter(new ValueType.ArrayOf(integer)).format(List.of(1, 2, 3)))
                .isEqualTo("[1, 2, 3]");
        assertThat(new ValueFormatter(new ValueType.MapOf(new ValueType.Scalar("varchar", 0), integer)).format(map))
                .isEqualTo("{a=1, b=null}");
        assertThat(format(new ByteString(new byte[] {(byte) 0xde, (byte) 0xad}), "varbinary")).isEqualTo("de ad");
    }
}
