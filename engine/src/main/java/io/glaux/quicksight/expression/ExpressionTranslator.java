package io.glaux.quicksight.expression;

import java.util.Map;
import java.util.Objects;

/**
 * Translates QuickSight calculated-field expressions into SQL expressions for Glaux's engine. Stateless and safe to
 * share.
 */
public final class ExpressionTranslator {

    /**
     * Parses {@code expression}, checks it against {@code columns} (keyed by the names analysts use) and translates it.
     *
     * @throws ExpressionException if the expression is malformed, names an unknown column or function, or has
     *                             arguments of the wrong number or type
     */
    public Translation translate(String expression, Map<String, Column> columns) {
        Objects.requireNonNull(columns, "columns");
        Node root = Parser.parse(expression);
        Map<Node, Typed> types = Checker.check(root, columns, expression);
        Typed top = types.get(root);
        return new Translation(SqlWriter.write(root, types, columns), top.type(), top.aggregate());
    }
}
