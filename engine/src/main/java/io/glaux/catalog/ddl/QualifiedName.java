package io.glaux.catalog.ddl;

import java.util.Locale;

/**
 * A table or view name as written: {@code t}, {@code db.t} or {@code catalog.db.t}, lower case. {@code catalog} and
 * {@code database} are null when not written.
 */
public record QualifiedName(String catalog, String database, String name) {

    public QualifiedName {
        catalog = lower(catalog);
        database = lower(database);
        name = lower(name);
    }

    public static QualifiedName of(String database, String name) {
        return new QualifiedName(null, database, name);
    }

    /** The database this name is in, {@code current} when the name does not say. */
    public String databaseOr(String current) {
        return database != null ? database : current.toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return (catalog == null ? "" : catalog + ".") + (database == null ? "" : database + ".") + name;
    }
}
