package io.glaux.sql;

import io.glaux.sql.function.TrinoTypeNames;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.List;

/** Reads a validated query's {@link StatementDescription} off Calcite's validator. */
final class StatementDescriptions {

    private StatementDescriptions() {
    }

    /** Validates {@code query} (parsed, placeholders unbound) and describes it. */
    static StatementDescription of(SqlValidator validator, SqlNode query) {
        List<Boolean> written = aliasesWritten(query);
        SqlNode validated = validator.validate(query);
        RelDataType rowType = validator.getValidatedNodeType(validated);
        List<String> names = OutputColumnNames.of(rowType).names();
        List<List<String>> origins = validator.getFieldOrigins(validated);
        List<Boolean> aliased = written.size() == rowType.getFieldCount() ? written
                : java.util.Collections.nCopies(rowType.getFieldCount(), false);
        List<StatementDescription.Output> outputs = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            int i = field.getIndex();
            List<String> origin = i < origins.size() ? origins.get(i) : null;
            boolean fromTable = origin != null && origin.size() >= 4;
            outputs.add(new StatementDescription.Output(names.get(i),
                    fromTable ? origin.get(origin.size() - 4) : "", fromTable ? origin.get(origin.size() - 3) : "",
                    fromTable ? origin.get(origin.size() - 2) : "", TrinoTypeNames.of(field.getType()),
                    TrinoTypeNames.fixedSize(field.getType()), aliased.get(i)));
        }
        List<String> parameters = new ArrayList<>();
        for (RelDataTypeField parameter : validator.getParameterRowType(validated).getFieldList()) {
            RelDataType type = parameter.getType();
            parameters.add(type.getSqlTypeName() == SqlTypeName.UNKNOWN || type.getSqlTypeName() == SqlTypeName.NULL
                    ? "unknown" : TrinoTypeNames.of(type));
        }
        return new StatementDescription(outputs, parameters);
    }

    /**
     * Which select items the query names with AS, read before validation (which adds aliases of its own); a query
     * that is not a plain SELECT (or whose list has {@code *}) names none.
     */
    private static List<Boolean> aliasesWritten(SqlNode query) {
        SqlNode body = query.getKind() == SqlKind.ORDER_BY ? ((org.apache.calcite.sql.SqlOrderBy) query).query : query;
        List<Boolean> aliased = new ArrayList<>();
        if (body instanceof SqlSelect select) {
            for (SqlNode item : select.getSelectList()) {
                if (item instanceof org.apache.calcite.sql.SqlIdentifier id && id.isStar()) {
                    return List.of();
                }
                aliased.add(item.getKind() == SqlKind.AS);
            }
        }
        return aliased;
    }
}
