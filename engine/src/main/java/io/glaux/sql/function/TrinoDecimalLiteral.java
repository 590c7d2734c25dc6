package io.glaux.sql.function;

import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.math.BigDecimal;

/**
 * A decimal literal typed as Trino types it: {@code 0.1} is decimal(1,1), {@code 1.50} decimal(3,2), {@code -0.50}
 * decimal(2,2) — leading zeros do not count, and the precision is at least the scale. Calcite counts every digit
 * written ({@code 0.1} is decimal(2,1)), which widens the result types of arithmetic built on literals.
 */
final class TrinoDecimalLiteral extends SqlNumericLiteral {

    private TrinoDecimalLiteral(BigDecimal value, int precision, int scale, SqlParserPos pos) {
        super(value, precision, scale, true, pos);
    }

    /** Trino's typing of {@code literal} when it is an exact literal with a fractional part, else the literal. */
    static SqlLiteral of(SqlLiteral literal) {
        if (!(literal instanceof SqlNumericLiteral n) || !n.isExact() || n instanceof TrinoDecimalLiteral
                || n.getScale() == null || n.getScale() <= 0) {
            return literal;
        }
        BigDecimal value = n.getValueAs(BigDecimal.class);
        int precision = Math.max(value.precision(), n.getScale());
        if (n.getPrec() != null && n.getPrec() == precision) {
            return literal;
        }
        return new TrinoDecimalLiteral(value, precision, n.getScale(), n.getParserPosition());
    }

    @Override
    public SqlNumericLiteral clone(SqlParserPos pos) {
        return new TrinoDecimalLiteral(getValueAs(BigDecimal.class), getPrec(), getScale(), pos);
    }
}
