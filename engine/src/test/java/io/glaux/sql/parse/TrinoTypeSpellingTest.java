package io.glaux.sql.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrinoTypeSpellingTest {

    @Test
    void structuredTypesAreSpelledForCalcite() {
        assertThat(TrinoTypeSpelling.translate("array(varchar)")).isEqualTo("varchar ARRAY");
        assertThat(TrinoTypeSpelling.translate("map(varchar, integer)")).isEqualTo("MAP<varchar, integer>");
        assertThat(TrinoTypeSpelling.translate("array(map(varchar, array(bigint)))"))
                .isEqualTo("MAP<varchar, bigint ARRAY> ARRAY");
        assertThat(TrinoTypeSpelling.translate("row(x integer, y decimal(3, 1))"))
                .isEqualTo("ROW(x integer, y decimal(3, 1))");
        assertThat(TrinoTypeSpelling.translate("row(integer, double precision)"))
                .isEqualTo("ROW(field0 integer, field1 double precision)");
        assertThat(TrinoTypeSpelling.translate("varchar(5)")).isEqualTo("varchar(5)");
    }

    @Test
    void parserTextRewritesTypesAfterAsAndJsonLiterals() {
        assertThat(ParserText.quote("SELECT CAST(x AS array(integer)) AS a FROM t").text())
                .isEqualTo("SELECT CAST(x AS integer ARRAY) AS a FROM t");
        assertThat(ParserText.quote("SELECT TRY_CAST(x AS map(varchar, array(int)))").text())
                .isEqualTo("SELECT TRY_CAST(x AS MAP<varchar, int ARRAY>)");
        assertThat(ParserText.quote("SELECT json_format(JSON '[1, ''a'']'), 'AS array(x)'").text())
                .isEqualTo("SELECT json_format(json_parse('[1, ''a'']')), 'AS array(x)'");
        assertThat(ParserText.quote("SELECT t.json FROM t").text()).isEqualTo("SELECT t.json FROM t");
    }
}
