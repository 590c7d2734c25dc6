package io.glaux.catalog.ddl;

import java.util.Locale;

/**
 * One lexical token of a statement. {@code text} is the token as written; {@code value} is what it means (a string
 * literal without quotes and with escapes resolved, a quoted identifier without its quotes). {@code offset} and
 * {@code end} are character offsets in the statement; {@code line} and {@code column} are 1-based.
 */
record Token(Kind kind, String text, String value, int offset, int end, int line, int column) {

    enum Kind {
        /** An unquoted word: a keyword or an identifier. */
        WORD,
        /** A "double quoted" or `backtick quoted` identifier. */
        QUOTED_IDENTIFIER,
        /** A 'single quoted' string literal. */
        STRING,
        NUMBER,
        /** Any other single character: ( ) , . ; = &lt; &gt; : [ ] and so on. */
        SYMBOL,
        EOF
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** How an error message shows this token: its text, or {@code <EOF>}. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }

    String upperText() {
        return text.toUpperCase(Locale.ROOT);
    }
}
