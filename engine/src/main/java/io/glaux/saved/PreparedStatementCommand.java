package io.glaux.saved;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL statements that manage and run prepared statements: {@code PREPARE name FROM statement},
 * {@code EXECUTE name [USING value, ...]}, {@code DEALLOCATE PREPARE name} and {@code DESCRIBE INPUT name} /
 * {@code DESCRIBE OUTPUT name}.
 */
public sealed interface PreparedStatementCommand {

    /** The statement's name as written (quotes removed). */
    String name();

    /** PREPARE: {@code statement} is the exact text after FROM (no trailing ';'), found at {@code offset}. */
    record Prepare(String name, String statement, int statementOffset) implements PreparedStatementCommand {
    }

    /**
     * EXECUTE: the USING values as SQL literal texts, in order; {@code using} tells an absent USING clause (the
     * API's ExecutionParameters then apply) from a present one.
     */
    record Execute(String name, boolean using, List<String> parameters) implements PreparedStatementCommand {
        public Execute {
            parameters = List.copyOf(parameters);
        }
    }

    record Deallocate(String name) implements PreparedStatementCommand {
    }

    /** DESCRIBE INPUT ({@code input}) or DESCRIBE OUTPUT of a prepared statement. */
    record Describe(String name, boolean input) implements PreparedStatementCommand {
    }

    /**
     * Parses {@code sql} if it is PREPARE, EXECUTE, DEALLOCATE or DESCRIBE INPUT/OUTPUT; empty for any other
     * statement.
     *
     * @throws io.glaux.error.GlauxException a syntax error in one of these statements, with Trino's wording
     */
    static Optional<PreparedStatementCommand> parse(String sql) {
        return new PreparedStatementParser(sql).parse();
    }

    /** PREPARE, EXECUTE or DEALLOCATE when {@code sql} starts with one of them, else empty. */
    static Optional<String> commandKeyword(String sql) {
        String keyword = new PreparedStatementParser(sql).firstWord().toUpperCase(Locale.ROOT);
        return switch (keyword) {
            case "PREPARE", "EXECUTE", "DEALLOCATE" -> Optional.of(keyword);
            default -> Optional.empty();
        };
    }
}
