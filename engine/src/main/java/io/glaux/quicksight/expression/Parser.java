package io.glaux.quicksight.expression;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of QuickSight's expression grammar, loosest binding first:
 * <pre>
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | comparison
 * comparison := additive ((= | &lt;&gt; | != | &lt; | &gt; | &lt;= | &gt;=) additive)?
 * additive   := multiplicative ((+ | -) multiplicative)*
 * multiplicative := unary ((* | / | %) unary)*
 * unary      := - unary | power
 * power      := primary (^ unary)?          (right-associative, so -2^2 = -(2^2))
 * primary    := number | string | NULL | {field} | ${parameter} | name ( args ) | name | ( or ) | [ list ]
 * </pre>
 * Keywords (AND, OR, NOT, NULL) are case-insensitive.
 */
final class Parser {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
    private static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private int index;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ExpressionException("Expression is empty", 0);
        }
        List<Token> tokens = Lexer.tokenize(expression);
        checkBrackets(tokens);
        Parser parser = new Parser(tokens);
        Node node = parser.or();
        Token rest = parser.peek();
        if (!rest.is(Token.Kind.EOF)) {
            throw new ExpressionException("Unexpected " + rest.describe() + " after a complete expression", rest.start());
        }
        return node;
    }

    /** Reports unbalanced parentheses and brackets before parsing, where the imbalance is. */
    private static void checkBrackets(List<Token> tokens) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            if (t.is(Token.Kind.LPAREN) || t.is(Token.Kind.LBRACKET)) {
                open.push(t);
            } else if (t.is(Token.Kind.RPAREN) || t.is(Token.Kind.RBRACKET)) {
                Token.Kind expected = t.is(Token.Kind.RPAREN) ? Token.Kind.LPAREN : Token.Kind.LBRACKET;
                if (open.isEmpty() || !open.peek().is(expected)) {
                    throw new ExpressionException(t.is(Token.Kind.RPAREN)
                            ? "Mismatched parentheses: ')' has no matching '('"
                            : "Mismatched brackets: ']' has no matching '['", t.start());
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            Token t = open.peekLast();
            throw new ExpressionException(t.is(Token.Kind.LPAREN)
                    ? "Mismatched parentheses: '(' is never closed"
                    : "Mismatched brackets: '[' is never closed", t.start());
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token take() {
        return tokens.get(index++);
    }

    private Token expect(Token.Kind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw new ExpressionException("Expected " + what + " but found " + t.describe(), t.start());
        }
        return take();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("Expression is nested too deeply", peek().start());
        }
    }

    private Node or() {
        enter();
        Node left = and();
        while (peek().isKeyword("OR")) {
            Token op = take();
            Node right = and();
            left = new Node.Binary("OR", left, right, op.start(), left.start(), right.end());
        }
        depth--;
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().isKeyword("AND")) {
            Token op = take();
            Node right = not();
            left = new Node.Binary("AND", left, right, op.start(), left.start(), right.end());
        }
        return left;
    }

    private Node not() {
        if (peek().isKeyword("NOT")) {
            Token op = take();
            enter();
            Node operand = not();
            depth--;
            return new Node.Unary("NOT", operand, op.start(), operand.end());
        }
        return comparison();
    }

    private Node comparison() {
        Node left = additive();
        Token t = peek();
        if (t.is(Token.Kind.OPERATOR) && COMPARISONS.contains(t.text())) {
            take();
            Node right = additive();
            left = new Node.Binary(t.text().equals("!=") ? "<>" : t.text(), left, right, t.start(), left.start(),
                    right.end());
            Token after = peek();
            if (after.is(Token.Kind.OPERATOR) && COMPARISONS.contains(after.text())) {
                throw new ExpressionException("Comparisons cannot be chained; use AND", after.start());
            }
        }
        return left;
    }

    private Node additive() {
        Node left = multiplicative();
        while (peek().isOperator("+") || peek().isOperator("-")) {
            Token op = take();
            Node right = multiplicative();
            left = new Node.Binary(op.text(), left, right, op.start(), left.start(), right.end());
        }
        return left;
    }

    private Node multiplicative() {
        Node left = unary();
        while (peek().isOperator("*") || peek().isOperator("/") || peek().isOperator("%")) {
            Token op = take();
            Node right = unary();
            left = new Node.Binary(op.text(), left, right, op.start(), left.start(), right.end());
        }
        return left;
    }

    private Node unary() {
        if (peek().isOperator("-")) {
            Token op = take();
            enter();
            Node operand = unary();
            depth--;
            return new Node.Unary("-", operand, op.start(), operand.end());
        }
        return power();
    }

    private Node power() {
        Node base = primary();
        if (peek().isOperator("^")) {
            Token op = take();
            enter();
            Node exponent = unary();
            depth--;
            return new Node.Binary("^", base, exponent, op.start(), base.start(), exponent.end());
        }
        return base;
    }

    private Node primary() {
        Token t = take();
        switch (t.kind()) {
            case NUMBER:
                return new Node.Num(t.text(), !t.text().contains("."), t.start(), t.end());
            case STRING:
                return new Node.Str(t.text(), t.start(), t.end());
            case FIELD:
                return new Node.Field(t.text(), t.start(), t.end());
            case PARAMETER:
                return new Node.Param(t.text(), t.start(), t.end());
            case LPAREN: {
                Node inner = or();
                expect(Token.Kind.RPAREN, "')'");
                return inner;
            }
            case LBRACKET:
                return list(t);
            case IDENT:
                if (peek().is(Token.Kind.LPAREN)) {
                    return call(t);
                }
                if (t.text().equalsIgnoreCase("NULL")) {
                    return new Node.Null(t.start(), t.end());
                }
                if (t.text().equalsIgnoreCase("AND") || t.text().equalsIgnoreCase("OR")
                        || t.text().equalsIgnoreCase("NOT")) {
                    throw new ExpressionException("Expected an operand but found " + t.describe(), t.start());
                }
                return new Node.Field(t.text(), t.start(), t.end());
            default:
                throw new ExpressionException("Expected an operand but found " + t.describe(), t.start());
        }
    }

    private Node call(Token name) {
        take(); // (
        List<Node> args = new ArrayList<>();
        if (!peek().is(Token.Kind.RPAREN)) {
            args.add(or());
            while (peek().is(Token.Kind.COMMA)) {
                take();
                args.add(or());
            }
        }
        Token close = expect(Token.Kind.RPAREN, "',' or ')' in the arguments of " + name.text());
        return new Node.Call(name.text(), List.copyOf(args), name.start(), close.end());
    }

    private Node list(Token open) {
        List<Node> items = new ArrayList<>();
        if (!peek().is(Token.Kind.RBRACKET)) {
            items.add(or());
            while (peek().is(Token.Kind.COMMA)) {
                take();
                items.add(or());
            }
        }
        Token close = expect(Token.Kind.RBRACKET, "',' or ']' in a list");
        return new Node.ListOf(List.copyOf(items), open.start(), close.end());
    }
}
