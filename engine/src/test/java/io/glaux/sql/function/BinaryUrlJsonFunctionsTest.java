package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryUrlJsonFunctionsTest {

    @Test
    void hexAndUtf8RoundTrip() {
        assertThat(value("SELECT to_hex(to_utf8('Glaux'))")).isEqualTo("476C617578");
        assertThat(value("SELECT from_utf8(from_hex('476c617578'))")).isEqualTo("Glaux");
        assertThat(value("SELECT to_hex(X'00FF')")).isEqualTo("00FF");
        assertThat(value("SELECT length(to_utf8('é'))")).isEqualTo(2L);
        assertThat(value("SELECT from_utf8(X'41FF42')")).isEqualTo("A\uFFFDB");
        assertThat(value("SELECT to_base64(to_utf8('hi'))")).isEqualTo("aGk=");
        assertThat(value("SELECT from_utf8(from_base64('aGk='))")).isEqualTo("hi");
        assertThat(type("SELECT to_utf8('a')")).isEqualTo("VARBINARY NOT NULL");
        assertThatThrownBy(() -> value("SELECT from_hex('abc')")).isInstanceOf(GlauxException.class);
    }

    @Test
    void digestsOfVarbinary() {
        assertThat(value("SELECT to_hex(md5(to_utf8('abc')))")).isEqualTo("900150983CD24FB0D6963F7D28E17F72");
        assertThat(value("SELECT lower(to_hex(sha256(to_utf8('abc'))))"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(value("SELECT to_hex(sha1(to_utf8('abc')))")).isEqualTo("A9993E364706816ABA3E25717850C26C9CD0D89D");
        assertThat(column("SELECT to_hex(md5(to_utf8(s))) FROM t ORDER BY id").get(2)).isNull();
    }

    @Test
    void md5OfVarcharIsATypeErrorAsInTrino() {
        assertThatThrownBy(() -> value("SELECT md5('abc')")).hasMessageContaining("Cannot apply 'md5'");
    }

    @Test
    void urlPartsFollowTrinoAndAreNullForInvalidUrls() {
        String url = "'https://user@example.com:8080/a/b%20c?x=1&y=2&x=3&flag#frag'";
        assertThat(value("SELECT url_extract_protocol(" + url + ")")).isEqualTo("https");
        assertThat(value("SELECT url_extract_host(" + url + ")")).isEqualTo("example.com");
        assertThat(value("SELECT url_extract_port(" + url + ")")).isEqualTo(8080L);
        assertThat(value("SELECT url_extract_path(" + url + ")")).isEqualTo("/a/b c");
        assertThat(value("SELECT url_extract_query(" + url + ")")).isEqualTo("x=1&y=2&x=3&flag");
        assertThat(value("SELECT url_extract_fragment(" + url + ")")).isEqualTo("frag");
        assertThat(value("SELECT url_extract_parameter(" + url + ", 'x')")).isEqualTo("1");
        assertThat(value("SELECT url_extract_parameter(" + url + ", 'flag')")).isEqualTo("");
        assertThat(value("SELECT url_extract_parameter(" + url + ", 'z')")).isNull();
        assertThat(value("SELECT url_extract_parameter('http://example.com/path?b=hello%20world+x', 'b')"))
                .isEqualTo("hello world x");
        assertThat(value("SELECT url_extract_port('http://example.com/')")).isNull();
        assertThat(value("SELECT url_extract_host('not a url')")).isNull();
        assertThat(value("SELECT url_encode('a b&c/é')")).isEqualTo("a+b%26c%2F%C3%A9");
        assertThat(value("SELECT url_decode('a+b%26c')")).isEqualTo("a b&c");
    }

    @Test
    void jsonExtractScalarReturnsScalarsAsText() {
        String json = "'{\"a\": {\"b\": \"x\", \"n\": 1.50, \"t\": true, \"z\": null, \"arr\": [10, 20]}}'";
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$.a.b')")).isEqualTo("x");
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$.a.n')")).isEqualTo("1.50");
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$.a.t')")).isEqualTo("true");
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$.a.arr[1]')")).isEqualTo("20");
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$[\"a\"][\"b\"]')")).isEqualTo("x");
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$.a')")).isNull();
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$.a.z')")).isNull();
        assertThat(value("SELECT json_extract_scalar(" + json + ", '$.missing.b')")).isNull();
        assertThat(value("SELECT json_extract_scalar('not json', '$.a')")).isNull();
        assertThat(type("SELECT json_extract_scalar('{}', '$.a')")).isEqualTo("VARCHAR");
    }

    @Test
    void jsonExtractReturnsJsonText() {
        String json = "'{\"a\": {\"b\": \"x\", \"arr\": [10, 20.0]}}'";
        assertThat(value("SELECT json_extract(" + json + ", '$.a.arr')")).isEqualTo("[10,20.0]");
        assertThat(value("SELECT json_extract(" + json + ", '$.a.b')")).isEqualTo("\"x\"");
        assertThat(value("SELECT json_extract(" + json + ", '$.a')")).isEqualTo("{\"b\":\"x\",\"arr\":[10,20.0]}");
        assertThat(value("SELECT json_extract(" + json + ", '$.nope')")).isNull();
        assertThatThrownBy(() -> value("SELECT json_extract(" + json + ", 'a.b')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Invalid JSON path");
    }

    @Test
    void jsonParseAndFormatGiveCompactText() {
        assertThat(value("SELECT json_parse('{ \"a\" : [1, 2, {\"b\": null}] }')")).isEqualTo("{\"a\":[1,2,{\"b\":null}]}");
        assertThat(value("SELECT json_format(json_parse('[1,  2]'))")).isEqualTo("[1,2]");
        assertThat(value("SELECT json_array_length('[1, [2], 3]')")).isEqualTo(3L);
        assertThat(value("SELECT json_size('{\"a\": {\"x\": 1, \"y\": 2}}', '$.a')")).isEqualTo(2L);
        assertThat(value("SELECT is_json_scalar('1')")).isEqualTo(true);
        assertThat(value("SELECT is_json_scalar('[1]')")).isEqualTo(false);
        assertThatThrownBy(() -> value("SELECT json_parse('{bad')")).isInstanceOf(GlauxException.class);
    }
}
