package io.glaux.exec;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code EXPLAIN [ANALYZE] [VERBOSE] [(option [, ...])] statement}, Trino's grammar, read far enough to find the
 * options and where the explained statement starts. Options are {@code TYPE LOGICAL | DISTRIBUTED | VALIDATE} and
 * {@code FORMAT TEXT}; {@code TYPE IO} and the GRAPHVIZ and JSON formats are refused as not supported. A
 * parenthesis that does not open an option list ({@code EXPLAIN (SELECT 1)}) belongs to the statement.
 *
 * @param analyze EXPLAIN ANALYZE: run the statement and report real row counts
 * @param type the plan type asked for
 * @param query the explained statement's text
 * @param queryOffset where {@code query} starts in the whole text (for error positions)
 */
record ExplainStatement(boolean analyze, Type type, String query, int queryOffset) {

    /** Trino's plan types Glaux answers. LOGICAL and DISTRIBUTED print the same plan: Glaux runs in one fragment. */
    enum Type { LOGICAL, DISTRIBUTED, VALIDATE }

    /** Whether the statement's first word is EXPLAIN. */
    static boolean isExplain(String sql) {
        Scanner scanner = new Scanner(sql);
        return "EXPLAIN".equals(scanner.word());
    }

    /** The EXPLAIN statement, or empty if {@code sql} is not one. */
    static Optional<ExplainStatement> parse(String sql) {
        Scanner s = new Scanner(sql);
        if (!"EXPLAIN".equals(s.word())) {
            return Optional.empty();
        }
        int mark = s.position();
        boolean analyze = "ANALYZE".equals(s.word());
        if (!analyze) {
            s.reset(mark);
        }
        mark = s.position();
        if (!"VERBOSE".equals(s.word())) {
            s.reset(mark);
        }
        Type type = analyze ? Type.DISTRIBUTED : Type.LOGICAL;
        mark = s.position();
        if (s.symbol('(') && isOption(s.peekWord())) {
            do {
                type = option(s, type);
            } while (s.symbol(','));
            if (!s.symbol(')')) {
                throw syntax("mismatched input in EXPLAIN options. Expecting: ')', ','");
            }
        } else {
            s.reset(mark);
        }
        s.skipSpace();
        String query = sql.substring(s.position());
        if (query.isBlank()) {
            throw syntax("EXPLAIN needs a statement to explain");
        }
        if (analyze && type == Type.VALIDATE) {
            throw new GlauxException(ErrorType.USER_ERROR, "NOT_SUPPORTED: EXPLAIN ANALYZE doesn't support TYPE"
                    + " VALIDATE");
        }
        return Optional.of(new ExplainStatement(analyze, type, query, s.position()));
    }

    private static boolean isOption(String word) {
        return "TYPE".equals(word) || "FORMAT".equals(word);
    }

    private static Type option(Scanner s, Type type) {
        String name = s.word();
        String value = s.word();
        if ("TYPE".equals(name)) {
            return switch (value == null ? "" : value) {
                case "LOGICAL" -> Type.LOGICAL;
                case "DISTRIBUTED" -> Type.DISTRIBUTED;
                case "VALIDATE" -> Type.VALIDATE;
                case "IO" -> throw new GlauxException(ErrorType.USER_ERROR,
                        "NOT_SUPPORTED: EXPLAIN (TYPE IO) is not supported by Glaux");
                default -> throw syntax("mismatched input '" + value + "'. Expecting: 'DISTRIBUTED', 'IO',"
                        + " 'LOGICAL', 'VALIDATE'");
            };
        }
        if ("FORMAT".equals(name)) {
            if ("TEXT".equals(value)) {
                return type;
            }
            if ("GRAPHVIZ".equals(value) || "JSON".equals(value)) {
                throw new GlauxException(ErrorType.USER_ERROR, "NOT_SUPPORTED: EXPLAIN (FORMAT " + value
                        + ") is not supported by Glaux");
            }
            throw syntax("mismatched input '" + value + "'. Expecting: 'GRAPHVIZ', 'JSON', 'TEXT'");
        }
        throw syntax("mismatched input '" + name + "'. Expecting: 'FORMAT', 'TYPE'");
    }

    private static GlauxException syntax(String message) {
        return new GlauxException(ErrorType.SYNTAX_ERROR, message);
    }

    /** Words (upper-cased) and single symbols of the statement's head, skipping white space and comments. */
    private static final class Scanner {
        private final String sql;
        private int i;

        Scanner(String sql) {
            this.sql = sql;
        }

        int position() {
            return i;
        }

        void reset(int position) {
            i = position;
        }

        void skipSpace() {
            while (i < sql.length()) {
                if (Character.isWhitespace(sql.charAt(i))) {
                    i++;
                } else if (sql.startsWith("--", i)) {
                    int newline = sql.indexOf('\n', i);
                    i = newline < 0 ? sql.length() : newline + 1;
                } else if (sql.startsWith("/*", i)) {
                    int close = sql.indexOf("*/", i + 2);
                    i = close < 0 ? sql.length() : close + 2;
                } else {
                    return;
                }
            }
        }

        /** The next word, upper case, or null (nothing consumed) if a word does not come next. */
        String word() {
            skipSpace();
            int start = i;
            while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
                i++;
            }
            return i == start ? null : sql.substring(start, i).toUpperCase(Locale.ROOT);
        }

        String peekWord() {
            int mark = i;
            String word = word();
            i = mark;
            return word;
        }

        /** Consumes {@code ch} if it comes next. */
        boolean symbol(char ch) {
            skipSpace();
            if (i < sql.length() && sql.charAt(i) == ch) {
                i++;
                return true;
            }
            return false;
        }
    }
}
