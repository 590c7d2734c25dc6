package io.glaux.iam.policy;

import java.util.regex.Pattern;

/**
 * A policy pattern with the wildcards {@code *} (any run of characters, {@code /} and {@code :} included) and
 * {@code ?} (exactly one character), as Action, Resource and the {@code ...Like} condition operators use them. A
 * pattern is built from pieces so that text a policy variable put in ({@code ${*}} or a user name) stays literal.
 */
final class Glob {

    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    /** A pattern whose every {@code *} and {@code ?} is a wildcard. */
    static Glob of(String pattern, boolean caseSensitive) {
        return new Builder().wild(pattern).build(caseSensitive);
    }

    boolean matches(String text) {
        return pattern.matcher(text).matches();
    }

    /** Assembles a pattern from wildcard-bearing text and literal text. */
    static final class Builder {
        private final StringBuilder regex = new StringBuilder();

        /** Text whose {@code *} and {@code ?} are wildcards. */
        Builder wild(String text) {
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '*' || c == '?') {
                    literal(literal.toString());
                    literal.setLength(0);
                    regex.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            return literal(literal.toString());
        }

        /** Text matched as it is. */
        Builder literal(String text) {
            if (!text.isEmpty()) {
                regex.append(Pattern.quote(text));
            }
            return this;
        }

        Glob build(boolean caseSensitive) {
            int flags = Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new Glob(Pattern.compile(regex.toString(), flags));
        }
    }
}
