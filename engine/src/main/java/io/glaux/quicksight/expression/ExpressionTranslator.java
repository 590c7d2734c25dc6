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
        return translate(expression, columns, Map.of());
    }

    /**
     * As {@link #translate(String, Map)}, where {@code ${Name}} in the expression stands for the value of the
     * parameter {@code Name}: a key of {@code parameters}, whose {@link Column#sql()} is the value as an SQL literal
     * and whose type is the parameter's. A parameter is a value, not a field: it may sit beside aggregates.
     *
     * @throws ExpressionException also for a parameter that is not in {@code parameters}
     */
    public Translation translate(String expression, Map<String, Column> columns, Map<String, Column> parameters) {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(parameters, "parameters");
        Node root = Parser.parse(expression);
        Map<Node, Typed> types = Checker.check(root, columns, parameters, expression);
        Typed top = types.get(root);
        return new Translation(SqlWriter.write(root, types, columns, parameters), top.type(), top.aggregate());
    }
}
