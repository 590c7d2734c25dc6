package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryEncodingFunctionsTest {

    @Test
    void base64UrlUsesTheUrlSafeAlphabet() {
        assertThat(value("SELECT to_base64url(to_utf8('hello?'))")).isEqualTo("aGVsbG8_");
        assertThat(value("SELECT from_utf8(from_base64url('aGVsbG8_'))")).isEqualTo("hello?");
        assertThatThrownBy(() -> value("SELECT from_base64url(s) FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class);
    }

    @Test
    void bigEndianEncodingsRoundTrip() {
        assertThat(value("SELECT to_hex(to_big_endian_64(1))")).isEqualTo("0000000000000001");
        assertThat(value("SELECT from_big_endian_64(from_hex('0000000000000102'))")).isEqualTo(258L);
        assertThat(value("SELECT to_hex(to_big_endian_32(-2))")).isEqualTo("FFFFFFFE");
        assertThat(value("SELECT from_big_endian_32(from_hex('00000102'))")).isEqualTo(258);
        assertThat(column("SELECT from_big_endian_64(to_big_endian_64(n)) FROM t ORDER BY id"))
                .containsExactly(3L, -2L, null);
        assertThatThrownBy(() -> value("SELECT from_big_endian_32(from_hex('0102'))"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("expected 4-byte input, but got instead: 2");
    }

    @Test
    void ieee754EncodingsRoundTrip() {
        assertThat(value("SELECT to_hex(to_ieee754_64(1.0))")).isEqualTo("3FF0000000000000");
        assertThat(value("SELECT from_ieee754_64(from_hex('3FF0000000000000'))")).isEqualTo(1.0);
        assertThat(value("SELECT to_hex(to_ieee754_32(CAST(1.5 AS REAL)))")).isEqualTo("3FC00000");
        assertThat(value("SELECT from_ieee754_32(from_hex('3FC00000'))")).isEqualTo(1.5f);
        assertThatThrownBy(() -> value("SELECT from_ieee754_64(from_hex('3FF0'))"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("Input floating-point value must be exactly 8 bytes long");
    }

    @Test
    void fromUtf8ReplacesMalformedSequencesWithTheGivenCharacter() {
        assertThat(value("SELECT from_utf8(from_hex('61ff62'), '#')")).isEqualTo("a#b");
        assertThat(value("SELECT from_utf8(from_hex('61ff62'), '')")).isEqualTo("ab");
        assertThat(value("SELECT from_utf8(from_hex('61ff62'), 35)")).isEqualTo("a#b");
        assertThat(value("SELECT from_utf8(from_hex('61ff62'))")).isEqualTo("a\uFFFDb");
        assertThatThrownBy(() -> value("SELECT from_utf8(from_hex('61'), 'ab')")).isInstanceOf(GlauxException.class)
                .hasMessageContaining("Replacement character string must empty or a single character");
    }

    @Test
    void stringFunctionsWorkOnVarbinaryBytes() {
        assertThat(value("SELECT to_hex(reverse(from_hex('010203')))")).isEqualTo("030201");
        assertThat(value("SELECT to_hex(lpad(from_hex('0102'), 4, from_hex('ff')))")).isEqualTo("FFFF0102");
        assertThat(value("SELECT to_hex(rpad(from_hex('0102'), 4, from_hex('ff')))")).isEqualTo("0102FFFF");
        assertThat(value("SELECT to_hex(rpad(from_hex('010203'), 2, from_hex('ff')))")).isEqualTo("0102");
        assertThat(value("SELECT to_hex(substr(from_hex('0102030405'), 2, 2))")).isEqualTo("0203");
        assertThat(value("SELECT to_hex(substr(from_hex('0102030405'), -2))")).isEqualTo("0405");
        assertThat(value("SELECT to_hex(concat(from_hex('01'), from_hex('02')))")).isEqualTo("0102");
    }
}
