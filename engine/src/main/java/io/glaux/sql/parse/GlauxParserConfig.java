package io.glaux.sql.parse;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The SQL dialect of Athena engine v3 (Trino) as far as Calcite's parser goes: Babel grammar, lenient conformance
 * (Babel's own conformance rejects ROW(...)), "double quoted" identifiers, unquoted names folded to lower case and
 * matched case-insensitively.
 */
public final class GlauxParserConfig {

    public static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.LENIENT;

    public static final SqlParser.Config PARSER = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withConformance(CONFORMANCE)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false)
            .withIdentifierMaxLength(255);

    private GlauxParserConfig() {
    }
}
