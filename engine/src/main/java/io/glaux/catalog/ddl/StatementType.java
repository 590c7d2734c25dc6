package io.glaux.catalog.ddl;

import java.util.Locale;

/**
 * Athena's QueryExecution.StatementType, as the API model documents it: {@code DDL} for statements that define
 * databases, tables and views; {@code DML} for statements that read or write data, CREATE TABLE AS SELECT and INSERT
 * INTO included; {@code UTILITY} for the rest, such as SHOW CREATE TABLE, SHOW TABLES, DESCRIBE and EXPLAIN (and
 * PREPARE, EXECUTE, DEALLOCATE, which Athena also reports as UTILITY).
 */
public enum StatementType {
    DDL, DML, UTILITY;

    /**
     * Decides from the statement's first keyword (after white space, comments and opening parentheses): CREATE
     * (except CTAS), DROP, ALTER, MSCK are DDL; SHOW, DESCRIBE, EXPLAIN, PREPARE, EXECUTE, DEALLOCATE are UTILITY;
     * everything else (SELECT, WITH, VALUES, INSERT, UNLOAD, CTAS...) is DML.
     */
    public static StatementType classify(String sql) {
        String keyword = firstKeyword(sql);
        return switch (keyword) {
            case "CREATE" -> createsTableAsSelect(sql) ? DML : DDL;
            case "DROP", "ALTER", "MSCK" -> DDL;
            case "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "PREPARE", "EXECUTE", "DEALLOCATE" -> UTILITY;
            default -> DML;
        };
    }

    /** Whether a CREATE statement is a CTAS; one that does not parse is left to be reported as DDL when it runs. */
    private static boolean createsTableAsSelect(String sql) {
        try {
            return DdlParser.tryParse(sql).orElse(null) instanceof DdlStatement.CreateTableAsSelect;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch) || ch == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }
}
