package io.glaux.sql;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.sql.parse.GlauxParserConfig;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;

/**
 * Substitutes Athena ExecutionParameters for {@code ?} placeholders. Each parameter is SQL literal text
 * ({@code 'abc'}, {@code 42}, {@code DATE '2024-01-01'}), parsed as an expression, as Athena does.
 */
final class ParameterBinder extends SqlShuttle {

    private final List<String> parameters;
    private int found;

    ParameterBinder(List<String> parameters) {
        this.parameters = parameters == null ? List.of() : parameters;
    }

    SqlNode bind(SqlNode statement) {
        SqlNode bound = statement.accept(this);
        if (found != parameters.size()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT,
                    "Incorrect number of parameters: expected " + found + " but found " + parameters.size());
        }
        return bound;
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
        found++;
        if (param.getIndex() >= parameters.size()) {
            return param;
        }
        String text = parameters.get(param.getIndex());
        try {
            return SqlParser.create(text, GlauxParserConfig.PARSER).parseExpression();
        } catch (SqlParseException e) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT,
                    "Execution parameter " + (param.getIndex() + 1) + " is not a valid SQL literal: " + text);
        }
    }
}
