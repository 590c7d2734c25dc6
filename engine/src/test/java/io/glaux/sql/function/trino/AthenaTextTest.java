package io.glaux.sql.function.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link AthenaText}: Trino's JSON value of a type becomes the text Athena's result CSV shows. */
class AthenaTextTest {

    private static String text(String json, String type) throws Exception {
        JsonNode value = new ObjectMapper().readTree(json);
        return AthenaText.of(value, TrinoType.parse(type));
    }

    @Test
    void nestedValuesPrintAsAthenaPrintsArraysMapsAndRows() throws Exception {
        assertThat(text("[1, null, 3]", "array(integer)")).isEqualTo("[1, null, 3]");
        assertThat(text("{\"a\": [1], \"b\": null}", "map(varchar(1), array(integer))")).isEqualTo("{a=[1], b=null}");
        assertThat(text("[[\"a\", 1], [\"b\", 3]]", "array(row(varchar(1), integer))"))
                .isEqualTo("[{field0=a, field1=1}, {field0=b, field1=3}]");
        assertThat(text("[123, \"abc\", true]", "row(v1 bigint, v2 varchar, v3 boolean)"))
                .isEqualTo("{v1=123, v2=abc, v3=true}");
        assertThat(text("[\"2001-08-22 03:04:05.321 UTC\"]", "row(timestamp(3) with time zone)"))
                .isEqualTo("{field0=2001-08-22 03:04:05.321 UTC}");
    }

    @Test
    void scalarsKeepTrinoTextExceptVarbinaryAndFloatingPoint() throws Exception {
        assertThat(text("null", "integer")).isNull();
        assertThat(text("\"ZWg/\"", "varbinary")).isEqualTo("65 68 3f");
        assertThat(text("10.25", "double")).isEqualTo("10.25");
        assertThat(text("1", "double")).isEqualTo("1.0");
        assertThat(text("\"NaN\"", "double")).isEqualTo("NaN");
        assertThat(text("1.6666666", "real")).isEqualTo("1.6666666");
        assertThat(text("\"-0.50\"", "decimal(3,2)")).isEqualTo("-0.50");
        assertThat(text("\"2 22:00:00.000\"", "INTERVAL DAY TO SECOND")).isEqualTo("2 22:00:00.000");
    }

    @Test
    void doublesAgreeWithinTheLastDigitsAndMapsInAnyOrder() {
        TrinoType dbl = TrinoType.parse("double");
        assertThat(AthenaText.agree("0.30000000000000004", "0.30000000000000004", dbl)).isTrue();
        assertThat(AthenaText.agree("1.0471975511965979", "1.0471975511965976", dbl)).isTrue();
        assertThat(AthenaText.agree("1.0", "1.0001", dbl)).isFalse();
        assertThat(AthenaText.agree("NaN", "NaN", dbl)).isTrue();
        TrinoType map = TrinoType.parse("map(varchar, bigint)");
        assertThat(AthenaText.agree("{a=3, b=2}", "{b=2, a=3}", map)).isTrue();
        assertThat(AthenaText.agree("{a=3, b=2}", "{a=3, b=1}", map)).isFalse();
        assertThat(AthenaText.agree(null, "x", TrinoType.parse("varchar"))).isFalse();
    }
}
