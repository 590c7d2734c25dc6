package io.glaux.format.text;

import io.glaux.catalog.AthenaType;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextValueParserTest {

    private static Object parse(String text, String type) {
        return TextValueParser.parse(text, AthenaType.parse(type));
    }

    private static long millis(String isoLocal) {
        return LocalDateTime.parse(isoLocal).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void booleansAreCaseInsensitiveTrueOrFalseOnly() {
        assertThat(parse("TRUE", "boolean")).isEqualTo(true);
        assertThat(parse("False", "boolean")).isEqualTo(false);
        assertThatThrownBy(() -> parse("1", "boolean")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("yes", "boolean")).isInstanceOf(TextValueException.class);
    }

    @Test
    void integersProduceTheirJavaTypesAndRejectOverflowAndFractions() {
        assertThat(parse("-128", "tinyint")).isEqualTo((byte) -128);
        assertThat(parse("+300", "smallint")).isEqualTo((short) 300);
        assertThat(parse("2147483647", "int")).isEqualTo(Integer.MAX_VALUE);
        assertThat(parse("-9223372036854775808", "bigint")).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> parse("128", "tinyint")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("9223372036854775808", "bigint")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("1.5", "int")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse(" 1", "int")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("", "bigint")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("-", "int")).isInstanceOf(TextValueException.class);
    }

    @Test
    void floatingPointAcceptsScientificNanAndInfinityButNotSuffixesOrHex() {
        assertThat(parse("1.5e3", "double")).isEqualTo(1500.0);
        assertThat(parse("-0.25", "float")).isEqualTo(-0.25f);
        assertThat((Double) parse("NaN", "double")).isNaN();
        assertThat(parse("Infinity", "double")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("-Infinity", "float")).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> parse("1d", "double")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("0x1p3", "double")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse(" 1.0", "double")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("abc", "double")).isInstanceOf(TextValueException.class);
    }

    @Test
    void decimalsRoundHalfUpToTheScaleAndRejectValuesBeyondThePrecision() {
        assertThat(parse("12.345", "decimal(5,2)")).isEqualTo(new BigDecimal("12.35"));
        assertThat(parse("-12.345", "decimal(5,2)")).isEqualTo(new BigDecimal("-12.35"));
        assertThat(parse("7", "decimal(5,2)")).isEqualTo(new BigDecimal("7.00"));
        assertThat(parse("1e2", "decimal(5,2)")).isEqualTo(new BigDecimal("100.00"));
        assertThatThrownBy(() -> parse("1000", "decimal(5,2)")).hasMessageContaining("exceeds decimal(5,2)");
        assertThatThrownBy(() -> parse("999.995", "decimal(5,2)")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("x", "decimal(5,2)")).isInstanceOf(TextValueException.class);
    }

    @Test
    void stringsAreKeptAsReadAndCharAndVarcharAreCutToTheirLength() {
        assertThat(parse("  a b  ", "string")).isEqualTo("  a b  ");
        assertThat(parse("abcdef", "varchar(3)")).isEqualTo("abc");
        assertThat(parse("ab", "char(5)")).isEqualTo("ab");
        // Trino holds a char(n) value without its trailing spaces.
        assertThat(parse("ab   ", "char(5)")).isEqualTo("ab");
        assertThat(parse("abc def", "char(4)")).isEqualTo("abc");
        assertThat(parse("\uD83D\uDE00xy", "varchar(2)")).isEqualTo("\uD83D\uDE00x");
    }

    @Test
    void datesAreDaysSinceEpoch() {
        assertThat(parse("2020-01-15", "date")).isEqualTo((int) LocalDate.of(2020, 1, 15).toEpochDay());
        assertThat(parse("1969-12-31", "date")).isEqualTo(-1);
        assertThat(parse("2020-1-5", "date")).isEqualTo((int) LocalDate.of(2020, 1, 5).toEpochDay());
        assertThatThrownBy(() -> parse("2020-02-30", "date")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("20200115", "date")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("2020-01-15 10:00:00", "date")).isInstanceOf(TextValueException.class);
    }

    @Test
    void timestampsAcceptHiveAndIsoFormsAndRoundTheFractionToMillis() {
        assertThat(parse("2020-01-15 10:20:30", "timestamp")).isEqualTo(millis("2020-01-15T10:20:30"));
        assertThat(parse("2020-01-15T10:20:30.123", "timestamp")).isEqualTo(millis("2020-01-15T10:20:30.123"));
        assertThat(parse("2020-01-15 10:20:30.1234567", "timestamp")).isEqualTo(millis("2020-01-15T10:20:30.123"));
        assertThat(parse("2020-01-15 10:20:30.9996", "timestamp")).isEqualTo(millis("2020-01-15T10:20:31"));
        assertThat(parse("2020-01-15 10:20", "timestamp")).isEqualTo(millis("2020-01-15T10:20:00"));
        assertThat(parse("2020-01-15", "timestamp")).isEqualTo(millis("2020-01-15T00:00:00"));
        assertThat(parse("2020-01-15T10:20:30Z", "timestamp")).isEqualTo(millis("2020-01-15T10:20:30"));
        assertThat(parse("2020-01-15T10:20:30+02:00", "timestamp")).isEqualTo(millis("2020-01-15T08:20:30"));
        assertThat(parse("1960-01-01 00:00:00.5", "timestamp")).isEqualTo(millis("1960-01-01T00:00:00.5"));
        assertThatThrownBy(() -> parse("2020-01-15 25:00:00", "timestamp")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("2020-01-15 10:20:30.", "timestamp")).isInstanceOf(TextValueException.class);
        assertThatThrownBy(() -> parse("yesterday", "timestamp")).isInstanceOf(TextValueException.class);
    }

    @Test
    void binaryIsBase64OrElseTheRawBytesAsHiveReadsIt() {
        assertThat(parse("aGVsbG8=", "binary")).isEqualTo(new ByteString("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(parse("not base64!", "binary"))
                .isEqualTo(new ByteString("not base64!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void formatterWritesWhatTheParserReadsBack() {
        String[] types = {"boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "decimal(10,3)",
            "string", "date", "timestamp", "binary"};
        Object[] values = {true, (byte) 7, (short) -300, 123456, -9_000_000_000L, 1.25f, Double.NaN,
            new BigDecimal("-12.500"), "text", -719162, -62135596800000L + 1,
            new ByteString(new byte[] {0, -1, 5})};
        for (int i = 0; i < types.length; i++) {
            AthenaType type = AthenaType.parse(types[i]);
            String text = TextValueFormatter.format(values[i], type);
            assertThat(TextValueParser.parse(text, type)).as(types[i] + " via " + text).isEqualTo(values[i]);
        }
    }
}
