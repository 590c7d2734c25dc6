package io.glaux.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trino's spelling of structured types, as Calcite's grammar reads them: {@code array(T)} becomes {@code T ARRAY},
 * {@code map(K, V)} becomes {@code MAP<K, V>}, and {@code row(x T, ...)} keeps its shape with its field types
 * translated; a row field without a name ({@code row(integer, varchar)}) is named {@code field0}, {@code field1}, ...
 * as Athena prints such fields. Nesting is translated inside out; other type names ({@code varchar(5)},
 * {@code decimal(3,1)}, {@code varbinary}, {@code json}) are left as written.
 */
public final class TrinoTypeSpelling {

    /** The words that start a structured type written with parentheses. */
    static final Set<String> STRUCTURED = Set.of("array", "map", "row");

    /** Type names that continue with another word, so that {@code double precision} is not a field named double. */
    private static final Set<String> MULTI_WORD_TYPES = Set.of("double", "timestamp", "time", "interval", "character",
            "char", "varchar");

    private TrinoTypeSpelling() {
    }

    /**
     * The end (exclusive) of a structured type starting at {@code start} in {@code sql} (a word of
     * {@link #STRUCTURED}, then its parenthesized parameters), or -1 if there is none there.
     */
    static int end(String sql, int start) {
        int i = start;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        if (!STRUCTURED.contains(sql.substring(start, i).toLowerCase(Locale.ROOT))) {
            return -1;
        }
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '(') {
            return -1;
        }
        int depth = 0;
        for (; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A type in Trino's spelling as Calcite's grammar reads it. */
    static String translate(String type) {
        String t = type.trim();
        int open = t.indexOf('(');
        String head = open < 0 ? t : t.substring(0, open).trim().toLowerCase(Locale.ROOT);
        if (open < 0 || !t.endsWith(")") || !STRUCTURED.contains(head)) {
            return t;
        }
        List<String> params = splitTopLevel(t.substring(open + 1, t.length() - 1));
        switch (head) {
            case "array":
                if (params.size() == 1) {
                    return translate(params.get(0)) + " ARRAY";
                }
                return t;
            case "map":
                if (params.size() == 2) {
                    return "MAP<" + translate(params.get(0)) + ", " + translate(params.get(1)) + ">";
                }
                return t;
            default:
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < params.size(); i++) {
                    fields.add(field(params.get(i).trim(), i));
                }
                return "ROW(" + String.join(", ", fields) + ")";
        }
    }

    private static String field(String field, int index) {
        int space = 0;
        while (space < field.length() && (Character.isLetterOrDigit(field.charAt(space))
                || field.charAt(space) == '_' || field.charAt(space) == '"')) {
            space++;
        }
        String first = field.substring(0, space);
        String rest = field.substring(space).trim();
        boolean named = !rest.isEmpty() && !rest.startsWith("(")
                && !MULTI_WORD_TYPES.contains(first.toLowerCase(Locale.ROOT));
        return named ? first + " " + translate(rest) : "field" + index + " " + translate(field);
    }

    /** Splits at commas outside parentheses and angle brackets. */
    /** The comma-separated parts of a type's parameter list, commas inside nested parentheses or angle brackets kept. */
    public static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
