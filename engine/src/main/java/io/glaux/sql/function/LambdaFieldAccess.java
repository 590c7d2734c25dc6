package io.glaux.sql.function;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads {@code s.sum} in a lambda whose parameter {@code s} is a row as the field {@code sum} of {@code s}, as Trino
 * does ({@code reduce(a, CAST(ROW(0.0, 0) AS ROW(sum DOUBLE, count INTEGER)), (s, x) -> ..., s -> s.sum / s.count)}).
 * Calcite's lambda scope resolves only whole parameter names, so before validation such a compound name becomes a
 * subscript by field name, {@code s['sum']}: unlike a {@code DOT} it validates while the parameter's type is not yet
 * known (ANY, before {@link LambdaBinding} types it), and on a row it reads the field.
 */
final class LambdaFieldAccess extends SqlShuttle {
    private final Set<String> parameters = new HashSet<>();

    private LambdaFieldAccess(SqlLambda lambda) {
        lambda.getParameters().forEach(p -> parameters.add(p.toString()));
    }

    /** The lambda with its parameters' field references as field accesses. */
    static SqlLambda rewrite(SqlLambda lambda) {
        SqlNode body = lambda.getExpression().accept(new LambdaFieldAccess(lambda));
        return body == lambda.getExpression() ? lambda
                : new SqlLambda(lambda.getParserPosition(), lambda.getParameters(), body);
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        if (id.isSimple() || id.isStar() || !parameters.contains(id.names.get(0))) {
            return id;
        }
        SqlNode access = new SqlIdentifier(id.names.get(0), id.getComponentParserPosition(0));
        for (int i = 1; i < id.names.size(); i++) {
            access = SqlStdOperatorTable.ITEM.createCall(id.getParserPosition(), access,
                    SqlLiteral.createCharString(id.names.get(i), id.getComponentParserPosition(i)));
        }
        return access;
    }
}
