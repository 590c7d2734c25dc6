package io.glaux.sql;

import com.google.common.base.Suppliers;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;
import java.util.function.Supplier;

/**
 * An operator table made when a statement first needs it. Glaux's function library takes a few hundred milliseconds
 * to build (reflection over every implementing method); made lazily, it is built by the first planning, which a server
 * runs in the background while it starts, not on the thread that starts it.
 */
public final class LazyOperatorTable implements SqlOperatorTable {

    private final com.google.common.base.Supplier<SqlOperatorTable> table;

    public LazyOperatorTable(Supplier<SqlOperatorTable> make) {
        this.table = Suppliers.memoize(make::get);
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category,
                                        SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        table.get().lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return table.get().getOperatorList();
    }
}
