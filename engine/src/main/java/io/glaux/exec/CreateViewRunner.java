package io.glaux.exec;

import io.glaux.catalog.Catalog;
import io.glaux.catalog.Column;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.TableKind;
import io.glaux.catalog.ddl.AthenaNames;
import io.glaux.catalog.ddl.DdlStatement;
import io.glaux.error.GlauxException;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryContext;
import io.glaux.sql.QueryPlanner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CREATE [OR REPLACE] VIEW: the query must plan; the view records its SQL and the columns it yields. */
final class CreateViewRunner {

    private final Catalog catalog;
    private final QueryPlanner planner;

    CreateViewRunner(Catalog catalog, QueryPlanner planner) {
        this.catalog = catalog;
        this.planner = planner;
    }

    void run(DdlStatement.CreateView statement, QueryContext context) {
        String database = statement.name().databaseOr(context.database());
        AthenaNames.checkNewRelation(statement.name().name());
        PreparedQuery query = planner.prepare(statement.query(), new QueryContext(context.catalog(), database),
                List.of());
        List<Column> columns = QueryColumnNames.check(query);
        TableDefinition view = new TableDefinition(database, statement.name().name(), TableKind.VIRTUAL_VIEW,
                columns, List.of(), null, Map.of("presto_view", "true"), statement.query(),
                Instant.now());
        var existing = catalog.getTable(database, view.name());
        if (existing.isPresent() && statement.orReplace()) {
            if (!existing.get().isView()) {
                throw GlauxException.alreadyExists("Table '" + database + "." + view.name() + "' already exists"
                        + " and is not a view");
            }
            catalog.replaceTable(view);
        } else {
            catalog.createTable(view, false);
        }
    }
}
