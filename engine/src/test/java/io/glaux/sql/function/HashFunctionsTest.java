package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashFunctionsTest {

    @Test
    void checksumsAndHashesMatchTrinos() {
        assertThat(value("SELECT crc32(to_utf8('abc'))")).isEqualTo(891568578L);
        assertThat(value("SELECT to_hex(xxhash64(to_utf8('abc')))")).isEqualTo("44BC2CF5AD770999");
        assertThat(value("SELECT to_hex(murmur3(to_utf8('abc')))")).isEqualTo("6778AD3F3F3F96B4522DCA264174A23B");
        assertThat(column("SELECT crc32(to_utf8(s)) FROM t ORDER BY id").get(2)).isNull();
    }

    @Test
    void xxhash64CoversLongInputs() {
        // XXH64 of 'Nobody inspects the spammish repetition' (39 bytes: one 32-byte stripe, then 8, then 1 byte)
        assertThat(value("SELECT to_hex(xxhash64(to_utf8('Nobody inspects the spammish repetition')))"))
                .isEqualTo("FBCEA83C8A378BF1");
        assertThat(value("SELECT to_hex(xxhash64(X''))")).isEqualTo("EF46DB3751D8E999");
    }

    @Test
    void hmacsMatchTrinos() {
        assertThat(value("SELECT to_hex(hmac_md5(to_utf8('abc'), to_utf8('key')))"))
                .isEqualTo("D2FE98063F876B03193AFB49B4979591");
        assertThat(value("SELECT to_hex(hmac_sha1(to_utf8('abc'), to_utf8('key')))"))
                .isEqualTo("4FD0B215276EF12F2B3E4C8ECAC2811498B656FC");
        assertThat(value("SELECT to_hex(hmac_sha256(to_utf8('abc'), to_utf8('key')))"))
                .isEqualTo("9C196E32DC0175F86F4B1CB89289D6619DE6BEE699E4C378E68309ED97A1A6AB");
        assertThat((String) value("SELECT to_hex(hmac_sha512(to_utf8('abc'), to_utf8('key')))"))
                .startsWith("3926A207C8C42B0C").hasSize(128);
        assertThatThrownBy(() -> value("SELECT hmac_sha256(to_utf8(s), X'') FROM t WHERE id = 1"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Empty key");
    }

    @Test
    void spookyHashV2MatchesTrinos() {
        assertThat(value("SELECT to_hex(spooky_hash_v2_32(to_utf8('abc')))")).isEqualTo("7537C967");
        assertThat(value("SELECT to_hex(spooky_hash_v2_64(to_utf8('abc')))")).isEqualTo("8AAB15F77537C967");
        assertThat(value("SELECT to_hex(spooky_hash_v2_64(X''))")).isEqualTo("232706FC6BF50919");
        assertThat(value("SELECT to_hex(spooky_hash_v2_32(to_utf8('hello')))")).isEqualTo("D382E6CA");
        assertThat(value("SELECT to_hex(spooky_hash_v2_64(to_utf8('hello')))")).isEqualTo("3768826AD382E6CA");
        assertThat(column("SELECT spooky_hash_v2_64(to_utf8(s)) FROM t ORDER BY id").get(2)).isNull();
    }

    @Test
    void spookyHashV2MixesWholeWordsOfLongerShortMessages() {
        // 16 bytes: one 16-byte mix; 36 bytes: a 32-byte round, then 4 bytes (reference vectors of SpookyHash V2)
        assertThat(value("SELECT to_hex(spooky_hash_v2_64(to_utf8('0123456789abcdef')))"))
                .isEqualTo("E2D06846964B80AD");
        assertThat(value("SELECT to_hex(spooky_hash_v2_64(to_utf8('0123456789abcdefghijklmnopqrstuvwxyz')))"))
                .isEqualTo("B7C97DB807C32F38");
    }

    @Test
    void spookyHashV2HashesMessagesOf192BytesAndMoreInBlocks() {
        // 445 bytes: four 96-byte blocks, then 61 bytes padded (reference vector of SpookyHash V2)
        String lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut"
                + " labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris"
                + " nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate"
                + " velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non"
                + " proident, sunt in culpa qui officia deserunt mollit anim id est laborum.";
        assertThat(lorem).hasSize(445);
        assertThat(value("SELECT to_hex(spooky_hash_v2_64(to_utf8('" + lorem + "')))")).isEqualTo("B6E1542B9044ED66");
        assertThat(value("SELECT to_hex(spooky_hash_v2_32(to_utf8('" + lorem + "')))")).isEqualTo("9044ED66");
    }
}
