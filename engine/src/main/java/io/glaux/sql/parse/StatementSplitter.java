package io.glaux.sql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at top-level semicolons, leaving semicolons inside 'strings', "identifiers",
 * `identifiers`, -- line comments and block comments alone. Blank statements are dropped.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            // Hive DDL strings may escape a quote with a backslash.
            int end = c == '\'' || c == '"' || c == '`' ? SqlScan.quotedEnd(script, i, true)
                    : SqlScan.commentEnd(script, i);
            if (end != i) {
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, current);
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** The statement without the comment lines and blank lines that precede its first keyword. */
    public static String stripLeadingComments(String statement) {
        String rest = statement.strip();
        while (true) {
            if (rest.startsWith("--")) {
                int end = rest.indexOf('\n');
                rest = end < 0 ? "" : rest.substring(end + 1).strip();
            } else if (rest.startsWith("/*") && rest.indexOf("*/") > 0) {
                rest = rest.substring(rest.indexOf("*/") + 2).strip();
            } else {
                return rest;
            }
        }
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty() && !isOnlyComments(statement)) {
            statements.add(statement);
        }
    }

    private static boolean isOnlyComments(String text) {
        String rest = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)--.*$", "");
        return rest.isBlank();
    }
}
