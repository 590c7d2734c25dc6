package io.glaux.sql.function;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.List;

/**
 * Replaces names in a lambda's body by one parameter that carries their values: a single name by the parameter
 * itself, several by the fields of the row the parameter is ({@code "$p"['EXPR$1']} for the second name, which
 * {@link RowField} reads). Generated lambdas take at most two parameters, so Glaux passes a lambda's captured
 * columns and map_zip_with's two values this way ({@link LambdaCapture}).
 */
final class PackedParameter extends SqlShuttle {
    private final List<String> names;
    private final String parameter;
    private final boolean row;

    /** Names replaced by {@code parameter}: by its fields if {@code row}, else (one name) by itself. */
    PackedParameter(List<String> names, String parameter, boolean row) {
        this.names = names;
        this.parameter = parameter;
        this.row = row;
    }

    /** The name of the row field that carries the name at {@code index}. */
    static String field(int index) {
        return SqlUtil.deriveAliasFromOrdinal(index);
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
        int i = names.indexOf(id.toString());
        if (i < 0) {
            return id;
        }
        SqlIdentifier packed = new SqlIdentifier(parameter, id.getParserPosition());
        return !row ? packed : SqlStdOperatorTable.ITEM.createCall(id.getParserPosition(), packed,
                SqlLiteral.createCharString(field(i), id.getParserPosition()));
    }
}
