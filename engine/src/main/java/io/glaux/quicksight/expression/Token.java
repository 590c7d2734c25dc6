package io.glaux.quicksight.expression;

/** A lexical token: its kind, its text (a field's name, a string's value, an operator), and where it starts and ends. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind { FIELD, PARAMETER, IDENT, STRING, NUMBER, OPERATOR, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, EOF }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isOperator(String op) {
        return kind == Kind.OPERATOR && text.equals(op);
    }

    boolean isKeyword(String word) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(word);
    }

    /** How the token reads in a message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of expression";
            case FIELD -> "field {" + text + "}";
            case PARAMETER -> "parameter ${" + text + "}";
            case STRING -> "string '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
