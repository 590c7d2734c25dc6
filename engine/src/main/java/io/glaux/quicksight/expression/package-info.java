/**
 * QuickSight's calculated-field expression language (a dataset's CreateColumnsOperation and FilterOperation
 * {@code ConditionExpression}, an analysis's CalculatedField), translated to the SQL Glaux's engine runs.
 *
 * <p>{@link io.glaux.quicksight.expression.ExpressionTranslator#translate} takes an expression and the
 * {@link io.glaux.quicksight.expression.Column}s it may name, and returns a
 * {@link io.glaux.quicksight.expression.Translation}: SQL text, result
 * {@link io.glaux.quicksight.expression.QuickSightType} and whether it aggregates. Anything malformed is an
 * {@link io.glaux.quicksight.expression.ExpressionException} naming the problem and its position.
 *
 * <h2>Pipeline</h2>
 * {@code Lexer} (tokens) → {@code Parser} (a {@code Node} tree) → {@code Checker} (a {@code Typed} per node, using
 * {@code FunctionSpec}, {@code Period}, {@code JodaDateFormat}) → {@code SqlWriter} (SQL text).
 *
 * <h2>Semantics kept from QuickSight</h2>
 * <ul>
 *   <li>{@code /} is floating-point division (3/2 is 1.5); {@code ^} is power; {@code %} is mod.</li>
 *   <li>Weeks start on Sunday: {@code truncDate('WK', d)} goes back to Sunday; {@code extract('WD', d)} is 1 for
 *       Sunday.</li>
 *   <li>{@code dateDiff(d1, d2[, period])} is d2 - d1 in whole periods, days by default.</li>
 *   <li>{@code parseInt}, {@code parseDecimal} and {@code parseDate} give NULL for text they do not accept (QuickSight
 *       skips those rows) instead of failing the query; parseInt rounds down, parseDecimal keeps 4 decimals.</li>
 *   <li>Aggregates cannot nest, and cannot be combined with fields read outside an aggregate.</li>
 * </ul>
 * Decimal results the SQL computes (division, power, avg, parseDecimal) are DOUBLE; decimal columns stay as they are.
 */
package io.glaux.quicksight.expression;
