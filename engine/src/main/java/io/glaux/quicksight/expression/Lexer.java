package io.glaux.quicksight.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: {@code {field name}} (any characters but a closing brace), bare identifiers
 * (letters, digits, underscore, not starting with a digit), strings in single or double quotes (a backslash escapes
 * the next character), numbers ({@code 12}, {@code 1.5}, {@code .5}), operators {@code + - * / % ^ = <> != < > <= >=},
 * parentheses, brackets and commas, and parameter references {@code ${Name}}. Whitespace separates tokens.
 */
final class Lexer {
    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", pos, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return field(start);
            case '\'':
            case '"':
                return string(start, c);
            case '(':
                pos++;
                return new Token(Token.Kind.LPAREN, "(", start, pos);
            case ')':
                pos++;
                return new Token(Token.Kind.RPAREN, ")", start, pos);
            case '[':
                pos++;
                return new Token(Token.Kind.LBRACKET, "[", start, pos);
            case ']':
                pos++;
                return new Token(Token.Kind.RBRACKET, "]", start, pos);
            case ',':
                pos++;
                return new Token(Token.Kind.COMMA, ",", start, pos);
            case '+': case '-': case '*': case '/': case '%': case '^': case '=':
                pos++;
                return new Token(Token.Kind.OPERATOR, String.valueOf(c), start, pos);
            case '<':
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '>' || text.charAt(pos) == '=')) {
                    pos++;
                }
                return new Token(Token.Kind.OPERATOR, text.substring(start, pos), start, pos);
            case '>':
                pos++;
                if (pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                }
                return new Token(Token.Kind.OPERATOR, text.substring(start, pos), start, pos);
            case '!':
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
                    pos += 2;
                    return new Token(Token.Kind.OPERATOR, "!=", start, pos);
                }
                throw new ExpressionException("Unexpected character '!'", start);
            case '$':
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '{') {
                    return parameter(start);
                }
                throw new ExpressionException("Unexpected character '$'", start);
            case '}':
                throw new ExpressionException("Unexpected '}' without a matching '{'", start);
            default:
                break;
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Kind.IDENT, text.substring(start, pos), start, pos);
        }
        throw new ExpressionException("Unexpected character '" + new String(Character.toChars(text.codePointAt(pos)))
                + "'", start);
    }

    private Token field(int start) {
        int close = text.indexOf('}', start + 1);
        if (close < 0) {
            throw new ExpressionException("Field reference is missing its closing '}'", start);
        }
        String name = text.substring(start + 1, close);
        if (name.isBlank()) {
            throw new ExpressionException("Empty field reference {}", start);
        }
        pos = close + 1;
        return new Token(Token.Kind.FIELD, name, start, pos);
    }

    private Token parameter(int start) {
        int close = text.indexOf('}', start + 2);
        if (close < 0) {
            throw new ExpressionException("Parameter reference is missing its closing '}'", start);
        }
        String name = text.substring(start + 2, close);
        if (name.isBlank()) {
            throw new ExpressionException("Empty parameter reference ${}", start);
        }
        pos = close + 1;
        return new Token(Token.Kind.PARAMETER, name, start, pos);
    }

    private Token string(int start, char quote) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                value.append(text.charAt(pos + 1));
                pos += 2;
            } else if (c == quote) {
                pos++;
                return new Token(Token.Kind.STRING, value.toString(), start, pos);
            } else {
                value.append(c);
                pos++;
            }
        }
        throw new ExpressionException("String literal is missing its closing " + quote, start);
    }

    private Token number(int start) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '.')) {
            throw new ExpressionException("Malformed number '" + text.substring(start, pos + 1) + "'", start);
        }
        return new Token(Token.Kind.NUMBER, text.substring(start, pos), start, pos);
    }
}
