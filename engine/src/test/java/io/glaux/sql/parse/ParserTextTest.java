package io.glaux.sql.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParserTextTest {

    @Test
    void numericTypedLiteralsBecomeCastsOfTheirText() {
        assertThat(ParserText.quote("SELECT TINYINT '7', bigint '0', DOUBLE  '0.0', REAL '1.5'").text())
                .isEqualTo("SELECT CAST('7' AS TINYINT), CAST('0' AS BIGINT), CAST('0.0' AS DOUBLE),"
                        + " CAST('1.5' AS REAL)");
        assertThat(ParserText.quote("SELECT SMALLINT '-1', INTEGER '1'").text())
                .isEqualTo("SELECT CAST('-1' AS SMALLINT), CAST('1' AS INTEGER)");
    }

    @Test
    void typeNamesThatAreNotLiteralsStayAsWritten() {
        assertThat(ParserText.quote("SELECT CAST(x AS BIGINT), 'BIGINT ''1''', t.bigint FROM t").text())
                .isEqualTo("SELECT CAST(x AS BIGINT), 'BIGINT ''1''', t.bigint FROM t");
    }
}
