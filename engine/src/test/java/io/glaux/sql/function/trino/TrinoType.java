package io.glaux.sql.function.trino;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Trino type name as Trino's client protocol spells it ({@code array(row(x bigint, varchar(1)))},
 * {@code map(varchar(1), integer)}, {@code timestamp(3) with time zone}), read into its structure: the kind
 * (array, map, row or a scalar's base name), element types, and row field names.
 */
record TrinoType(String base, String text, List<TrinoType> elements, List<String> fieldNames) {

    private static final Pattern FIELD_NAME = Pattern.compile("\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*");

    static TrinoType parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        String base = (open < 0 ? t : t.substring(0, open)).trim().toLowerCase(Locale.ROOT);
        if (!(base.equals("array") || base.equals("map") || base.equals("row")) || !t.endsWith(")")) {
            // A scalar: its base name (e.g. timestamp) and, for values, the whole spelling.
            String scalar = base.contains(" ") ? base.substring(0, base.indexOf(' ')) : base;
            return new TrinoType(scalar, t, List.of(), List.of());
        }
        List<TrinoType> elements = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String part : splitTopLevel(t.substring(open + 1, t.length() - 1))) {
            if (base.equals("row")) {
                String[] nameAndType = namedField(part.trim());
                names.add(nameAndType[0]);
                elements.add(parse(nameAndType[1]));
            } else {
                elements.add(parse(part));
            }
        }
        return new TrinoType(base, t, elements, names);
    }

    /** A row field {@code name type} or an unnamed {@code type} (name null). */
    private static String[] namedField(String field) {
        int space = field.indexOf(' ');
        if (space > 0) {
            String first = field.substring(0, space);
            String lower = first.toLowerCase(Locale.ROOT);
            if (FIELD_NAME.matcher(first).matches() && !lower.equals("timestamp") && !lower.equals("time")
                    && !lower.equals("interval") && !lower.equals("double")) {
                String name = first.startsWith("\"") ? first.substring(1, first.length() - 1) : first;
                return new String[] {name, field.substring(space + 1)};
            }
        }
        return new String[] {null, field};
    }

    /** Splits at commas outside parentheses, brackets, braces and double quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (!s.isBlank()) {
            parts.add(s.substring(start).trim());
        }
        return parts;
    }
}
