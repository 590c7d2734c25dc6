package io.glaux.sql;

import java.util.Locale;

/** The session a statement runs in: Athena's QueryExecutionContext (current catalog and database). */
public record QueryContext(String catalog, String database) {

    public static final String DEFAULT_CATALOG = "awsdatacatalog";
    public static final QueryContext DEFAULT = new QueryContext(DEFAULT_CATALOG, "default");

    public QueryContext {
        catalog = catalog == null || catalog.isBlank() ? DEFAULT_CATALOG : catalog.toLowerCase(Locale.ROOT);
        database = database == null || database.isBlank() ? "default" : database.toLowerCase(Locale.ROOT);
    }
}
