package io.glaux.catalog.ddl;

import io.glaux.error.GlauxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parsers' view of the token stream: look-ahead, keyword and symbol matching, and Trino-style error messages.
 * Every check made at the current token remembers what it looked for, so a failure can say what would have been
 * accepted there ({@code mismatched input 'X'. Expecting: 'A', 'B', <identifier>}).
 */
final class TokenCursor {

    static final String IDENTIFIER = "<identifier>";
    static final String STRING = "<string>";

    private final Tokenizer tokenizer;
    private final List<Token> lookahead = new ArrayList<>();
    private final Set<String> expected = new TreeSet<>();
    private int expectedAt = -1;
    private Token previous;

    TokenCursor(String sql) {
        this.tokenizer = new Tokenizer(sql);
    }

    String sql() {
        return tokenizer.sql();
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        while (lookahead.size() <= ahead) {
            Token last = lookahead.isEmpty() ? null : lookahead.get(lookahead.size() - 1);
            lookahead.add(last != null && last.kind() == Token.Kind.EOF ? last : tokenizer.next());
        }
        return lookahead.get(ahead);
    }

    Token next() {
        Token token = peek();
        lookahead.remove(0);
        previous = token;
        return token;
    }

    /** The last token consumed. */
    Token previous() {
        return previous;
    }

    /** From the current token on, string literals follow SQL rules (no backslash escapes). */
    void switchToSqlMode() {
        int offset = peek().offset();
        lookahead.clear();
        tokenizer.restart(offset, Tokenizer.Mode.SQL);
    }

    // ---------------------------------------------------------------- matching

    boolean atKeyword(String keyword) {
        expect("'" + keyword.toUpperCase(Locale.ROOT) + "'");
        return peek().isKeyword(keyword);
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw mismatch();
        }
        return next();
    }

    boolean atSymbol(char symbol) {
        expect("'" + symbol + "'");
        return peek().isSymbol(symbol);
    }

    boolean acceptSymbol(char symbol) {
        if (atSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    Token expectSymbol(char symbol) {
        if (!atSymbol(symbol)) {
            throw mismatch();
        }
        return next();
    }

    boolean atString() {
        expect(STRING);
        return peek().kind() == Token.Kind.STRING;
    }

    Token expectString() {
        if (!atString()) {
            throw mismatch();
        }
        return next();
    }

    boolean atIdentifier() {
        expect(IDENTIFIER);
        return peek().isIdentifier();
    }

    /** An identifier, lower-cased (Glue keeps every name lower case, quoted or not). */
    String identifier() {
        return identifierToken().value().toLowerCase(Locale.ROOT);
    }

    Token identifierToken() {
        if (!atIdentifier()) {
            throw mismatch();
        }
        return next();
    }

    /** {@code name}, {@code db.name} or {@code catalog.db.name}. */
    QualifiedName qualifiedName() {
        return qualifiedName(this::identifier);
    }

    /**
     * A name Hive DDL creates (a database, table or column), lower-cased. Hive's lexer does not take a word that
     * starts with '_' as an identifier, so such a name must be quoted (Athena asks for backticks).
     */
    String hiveName() {
        return hiveNameToken().value().toLowerCase(Locale.ROOT);
    }

    Token hiveNameToken() {
        if (atIdentifier() && peek().kind() == Token.Kind.WORD && peek().text().startsWith("_")) {
            throw mismatch();
        }
        return identifierToken();
    }

    /** {@link #qualifiedName()} whose parts follow {@link #hiveName()}. */
    QualifiedName hiveQualifiedName() {
        return qualifiedName(this::hiveName);
    }

    /**
     * A name in the head of a statement Trino reads (CTAS, CREATE VIEW, INSERT INTO), lower-cased: unquoted, it must
     * not start with a digit, as in Trino's lexer.
     */
    String sqlName() {
        Token token = peek();
        if (atIdentifier() && token.kind() == Token.Kind.WORD && Character.isDigit(token.text().charAt(0))) {
            throw errorAt(token, "identifiers must not start with a digit; surround the identifier with double quotes");
        }
        return identifier();
    }

    /** {@link #qualifiedName()} whose parts follow {@link #sqlName()}. */
    QualifiedName sqlQualifiedName() {
        return qualifiedName(this::sqlName);
    }

    private QualifiedName qualifiedName(java.util.function.Supplier<String> part) {
        List<String> parts = new ArrayList<>();
        parts.add(part.get());
        while (parts.size() < 3 && acceptSymbol('.')) {
            parts.add(part.get());
        }
        return switch (parts.size()) {
            case 1 -> new QualifiedName(null, null, parts.get(0));
            case 2 -> new QualifiedName(null, parts.get(0), parts.get(1));
            default -> new QualifiedName(parts.get(0), parts.get(1), parts.get(2));
        };
    }

    /** An optional ';' and then the end of the input. */
    void expectEnd() {
        if (peek().isSymbol(';')) {
            next();
        }
        expect("<EOF>");
        if (peek().kind() != Token.Kind.EOF) {
            throw mismatch();
        }
    }

    /** Records that {@code what} would be accepted at the current token. */
    void expect(String what) {
        int at = peek().offset();
        if (at != expectedAt) {
            expected.clear();
            expectedAt = at;
        }
        expected.add(what);
    }

    // ---------------------------------------------------------------- errors

    /** {@code mismatched input 'X'. Expecting: ...} at the current token. */
    GlauxException mismatch() {
        Token token = peek();
        String expecting = token.offset() == expectedAt ? String.join(", ", expected) : "";
        return GlauxException.syntax(token.line(), token.column(), "mismatched input '" + token.display() + "'."
                + (expecting.isEmpty() ? "" : " Expecting: " + expecting));
    }

    GlauxException errorAt(Token token, String message) {
        return GlauxException.syntax(token.line(), token.column(), message);
    }

    GlauxException errorAt(int offset, String message) {
        return tokenizer.errorAt(offset, message);
    }
}
