package io.glaux.sql.vector;

import org.apache.calcite.runtime.SqlFunctions;

import java.util.function.Predicate;

/**
 * A LIKE pattern as a test of strings. A pattern of literal parts between {@code %} wildcards (TPC-H Q13's
 * {@code '%special%requests%'}) is matched by finding its parts in order, without a regular expression: Calcite's
 * LIKE translates the pattern to one, whose backtracking costs microseconds a string, and a dictionary of a million
 * comments is matched for each query. Patterns with {@code _} or an escape character go to Calcite's LIKE.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** A test of whether a string matches {@code pattern} (with {@code escape}, or null for none). */
    public static Predicate<String> of(String pattern, String escape) {
        if (escape != null || pattern.indexOf('_') >= 0) {
            SqlFunctions.LikeFunction like = new SqlFunctions.LikeFunction();
            return escape == null ? text -> like.like(text, pattern) : text -> like.like(text, pattern, escape);
        }
        String[] parts = pattern.split("%", -1);
        if (parts.length == 1) {
            return pattern::equals;
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        return text -> {
            if (!text.startsWith(first)) {
                return false;
            }
            int position = first.length();
            for (int i = 1; i < parts.length - 1; i++) {
                if (parts[i].isEmpty()) {
                    continue;
                }
                int found = text.indexOf(parts[i], position);
                if (found < 0) {
                    return false;
                }
                position = found + parts[i].length();
            }
            return text.length() - last.length() >= position && text.endsWith(last);
        };
    }
}
