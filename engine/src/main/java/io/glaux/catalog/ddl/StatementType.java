package io.glaux.catalog.ddl;

import java.util.Locale;

/** Athena's QueryExecution.StatementType, decided from a statement's first keyword. */
public enum StatementType {
    DDL, DML, UTILITY;

    /**
     * CREATE, DROP, ALTER, MSCK, SHOW, DESCRIBE (and CTAS) are DDL; EXPLAIN, PREPARE, EXECUTE, DEALLOCATE are UTILITY;
     * everything else (SELECT, WITH, VALUES, INSERT, UNLOAD...) is DML. Leading white space, comments and opening
     * parentheses are skipped.
     */
    public static StatementType classify(String sql) {
        String keyword = firstKeyword(sql);
        return switch (keyword) {
            case "CREATE", "DROP", "ALTER", "MSCK", "SHOW", "DESCRIBE", "DESC" -> DDL;
            case "EXPLAIN", "PREPARE", "EXECUTE", "DEALLOCATE" -> UTILITY;
            default -> DML;
        };
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
