package io.glaux.quicksight.expression;

import java.util.List;

/** The syntax tree of an expression. Every node knows the span {@code [start, end)} of the text it was read from. */
sealed interface Node {
    int start();

    int end();

    /** {@code {name}} or a bare identifier naming a field. */
    record Field(String name, int start, int end) implements Node {
    }

    /** {@code ${name}}: a reference to an analysis parameter. */
    record Param(String name, int start, int end) implements Node {
    }

    /** A string literal, already unescaped. */
    record Str(String value, int start, int end) implements Node {
    }

    /** A number literal as written; {@code integer} when it has no decimal point. */
    record Num(String text, boolean integer, int start, int end) implements Node {
    }

    /** The NULL literal. */
    record Null(int start, int end) implements Node {
    }

    /** Unary minus ({@code -}) or {@code NOT}. */
    record Unary(String op, Node operand, int start, int end) implements Node {
    }

    /** A binary operator: arithmetic, comparison, {@code AND}, {@code OR}; {@code opPos} is where the operator is. */
    record Binary(String op, Node left, Node right, int opPos, int start, int end) implements Node {
    }

    /** A function call; {@code start} is where its name starts. */
    record Call(String name, List<Node> args, int start, int end) implements Node {
    }

    /** A bracketed list of literals, {@code [a, b]}, as {@code in} and {@code notIn} take. */
    record ListOf(List<Node> items, int start, int end) implements Node {
    }
}
