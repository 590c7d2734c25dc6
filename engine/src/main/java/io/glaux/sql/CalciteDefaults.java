package io.glaux.sql;

/**
 * JVM-wide Calcite settings Glaux needs, applied before Calcite's classes read them: string literals in UTF-8
 * (Calcite's default charset is ISO-8859-1, which refuses literals such as 'é'). A value the user already set wins.
 */
public final class CalciteDefaults {

    static {
        setIfAbsent("calcite.default.charset", "UTF-8");
        setIfAbsent("calcite.default.nationalcharset", "UTF-8");
        setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
    }

    private CalciteDefaults() {
    }

    /** Ensures the settings are in place; call before touching any Calcite class. */
    public static void apply() {
        // The static initializer does the work, once per JVM.
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
