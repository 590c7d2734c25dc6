package io.glaux.sql;

import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlNameMatchers;

import java.util.List;

/**
 * Resolves names as Trino does: {@code table} in the current database, {@code db.table} in the current catalog,
 * {@code catalog.db.table} from the root. Calcite's public constructor only searches the default path and the root.
 */
final class GlauxCatalogReader extends CalciteCatalogReader {

    GlauxCatalogReader(CalciteSchema rootSchema, QueryContext context, RelDataTypeFactory typeFactory,
                       CalciteConnectionConfig config) {
        super(rootSchema, SqlNameMatchers.withCaseSensitive(false),
                List.of(List.of(context.catalog(), context.database()), List.of(context.catalog()), List.of()),
                typeFactory, config);
    }
}
