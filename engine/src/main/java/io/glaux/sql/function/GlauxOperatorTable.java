package io.glaux.sql.function;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Glaux's functions and aggregates, found by their qualified identifier {@code glaux.<name>} only: the rewriter binds Trino calls to
 * them, and validation looks each bound call up again by that identifier. Unqualified names never reach this table,
 * so it cannot shadow or be shadowed by a Calcite operator of the same simple name.
 */
final class GlauxOperatorTable implements SqlOperatorTable {
    private final Map<String, SqlFunction> byName = new LinkedHashMap<>();

    GlauxOperatorTable(Collection<? extends SqlFunction> functions) {
        for (SqlFunction f : functions) {
            if (byName.put(f.getName().toLowerCase(Locale.ROOT), f) != null) {
                throw new IllegalArgumentException("Duplicate function " + f.getName());
            }
        }
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category,
            SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (syntax != SqlSyntax.FUNCTION || opName.names.size() != 2
                || !opName.names.get(0).equalsIgnoreCase(GlauxFunction.QUALIFIER)) {
            return;
        }
        SqlFunction f = byName.get(opName.names.get(1).toLowerCase(Locale.ROOT));
        if (f != null) {
            operatorList.add(f);
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return new ArrayList<>(byName.values());
    }
}
