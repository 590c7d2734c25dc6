package io.glaux.quicksight.expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.glaux.quicksight.expression.QuickSightType.BOOLEAN;
import static io.glaux.quicksight.expression.QuickSightType.DATETIME;
import static io.glaux.quicksight.expression.QuickSightType.DECIMAL;
import static io.glaux.quicksight.expression.QuickSightType.INTEGER;
import static io.glaux.quicksight.expression.QuickSightType.STRING;

/**
 * Checks a syntax tree against the available columns and types every node: unknown columns and functions, argument
 * counts and types, period and format literals, nested aggregates, and aggregates mixed with fields read outside any
 * aggregate. A NULL literal takes the type of what it meets (the other operand, the other branches).
 */
final class Checker {
    private static final QuickSightType[] NUMBERS = {INTEGER, DECIMAL};
    private static final Set<Period> TRUNC_PERIODS = EnumSet.complementOf(EnumSet.of(Period.WD));
    private static final Set<Period> EXTRACT_PERIODS = EnumSet.complementOf(EnumSet.of(Period.WK));

    private final Map<String, Column> columns;
    private final Map<String, Column> parameters;
    private final String source;
    private final Map<Node, Typed> types = new IdentityHashMap<>();

    private Checker(Map<String, Column> columns, Map<String, Column> parameters, String source) {
        this.columns = columns;
        this.parameters = parameters;
        this.source = source;
    }

    /** The types of every node of {@code root}, parsed from {@code source}. */
    static Map<Node, Typed> check(Node root, Map<String, Column> columns, String source) {
        return check(root, columns, Map.of(), source);
    }

    /** The types of every node of {@code root}, whose {@code ${name}} references are keys of {@code parameters}. */
    static Map<Node, Typed> check(Node root, Map<String, Column> columns, Map<String, Column> parameters,
                                  String source) {
        Checker checker = new Checker(columns, parameters, source);
        Typed top = checker.visit(root, false);
        if (top.type() == null) {
            checker.settle(root, STRING);
        }
        return checker.types;
    }

    private Typed visit(Node n, boolean inAggregate) {
        Typed t = type(n, inAggregate);
        types.put(n, t);
        return t;
    }

    private Typed type(Node n, boolean inAggregate) {
        if (n instanceof Node.Field f) {
            Column c = columns.get(f.name());
            if (c == null) {
                throw new ExpressionException("Column '" + f.name() + "' not found", f.start());
            }
            return new Typed(c.type(), false, !inAggregate);
        }
        if (n instanceof Node.Param p) {
            Column c = parameters.get(p.name());
            if (c == null) {
                throw new ExpressionException("Parameter '" + p.name() + "' not found", p.start());
            }
            return new Typed(c.type(), false, false); // a value, like a literal: fine beside aggregates
        }
        if (n instanceof Node.Str) {
            return new Typed(STRING, false, false);
        }
        if (n instanceof Node.Num num) {
            if (num.integer()) {
                try {
                    Long.parseLong(num.text());
                } catch (NumberFormatException e) {
                    throw new ExpressionException("Integer " + num.text() + " is too large", num.start());
                }
            }
            return new Typed(num.integer() ? INTEGER : DECIMAL, false, false);
        }
        if (n instanceof Node.Null) {
            return new Typed(null, false, false);
        }
        if (n instanceof Node.ListOf list) {
            throw new ExpressionException("A list " + text(list) + " can only be the second argument of in or notIn",
                    list.start());
        }
        if (n instanceof Node.Unary u) {
            return unary(u, inAggregate);
        }
        if (n instanceof Node.Binary b) {
            return binary(b, inAggregate);
        }
        return call((Node.Call) n, inAggregate);
    }

    private Typed unary(Node.Unary u, boolean inAggregate) {
        Typed operand = visit(u.operand(), inAggregate);
        if (u.op().equals("NOT")) {
            operand(u.operand(), "NOT", operand, BOOLEAN);
            return new Typed(BOOLEAN, operand.aggregate(), operand.bareField());
        }
        QuickSightType type = operand(u.operand(), "-", operand, NUMBERS);
        return new Typed(type, operand.aggregate(), operand.bareField());
    }

    private Typed binary(Node.Binary b, boolean inAggregate) {
        Typed l = visit(b.left(), inAggregate);
        Typed r = visit(b.right(), inAggregate);
        mix(b, List.of(l, r));
        boolean aggregate = l.aggregate() || r.aggregate();
        boolean bare = l.bareField() || r.bareField();
        switch (b.op()) {
            case "AND", "OR" -> {
                operand(b.left(), b.op(), l, BOOLEAN);
                operand(b.right(), b.op(), r, BOOLEAN);
                return new Typed(BOOLEAN, aggregate, bare);
            }
            case "+", "-", "*", "%" -> {
                QuickSightType lt = operand(b.left(), b.op(), l, NUMBERS);
                QuickSightType rt = operand(b.right(), b.op(), r, NUMBERS);
                return new Typed(lt == DECIMAL || rt == DECIMAL ? DECIMAL : INTEGER, aggregate, bare);
            }
            case "/", "^" -> {
                operand(b.left(), b.op(), l, NUMBERS);
                operand(b.right(), b.op(), r, NUMBERS);
                return new Typed(DECIMAL, aggregate, bare);
            }
            default -> { // comparisons
                QuickSightType common = unify(List.of(b.left(), b.right()),
                        "Operator " + b.op() + " cannot compare", null);
                if (common == null) {
                    settle(b.left(), STRING);
                    settle(b.right(), STRING);
                }
                return new Typed(BOOLEAN, aggregate, bare);
            }
        }
    }

    private Typed call(Node.Call c, boolean inAggregate) {
        FunctionSpec spec = FunctionSpec.lookup(c.name());
        if (spec == null) {
            throw new ExpressionException("Unknown function '" + c.name() + "'", c.start());
        }
        int n = c.args().size();
        if (n < spec.minArgs() || n > spec.maxArgs()) {
            throw new ExpressionException("Function " + spec.name() + " expects " + spec.arity() + " but got " + n,
                    c.start());
        }
        if (spec.aggregate() && inAggregate) {
            throw new ExpressionException("Nested aggregation: aggregate function " + spec.name()
                    + " cannot be used inside another aggregate function", c.start());
        }
        List<Typed> args = new ArrayList<>();
        boolean membership = spec.name().equals("in") || spec.name().equals("notIn");
        for (int i = 0; i < n; i++) {
            Node arg = c.args().get(i);
            if (arg instanceof Node.ListOf && membership && i == 1) {
                args.add(new Typed(null, false, false));
            } else {
                args.add(visit(arg, inAggregate || spec.aggregate()));
            }
        }
        if (!spec.aggregate()) {
            mix(c, args);
        }
        QuickSightType result = new Signatures(spec, c, args).result();
        boolean aggregate = spec.aggregate() || args.stream().anyMatch(Typed::aggregate);
        boolean bare = !spec.aggregate() && args.stream().anyMatch(Typed::bareField);
        return new Typed(result, aggregate, bare);
    }

    /** The argument rules of each function, and its result type. */
    private final class Signatures {
        private final FunctionSpec spec;
        private final Node.Call call;
        private final List<Typed> args;

        Signatures(FunctionSpec spec, Node.Call call, List<Typed> args) {
            this.spec = spec;
            this.call = call;
            this.args = args;
        }

        QuickSightType result() {
            int n = args.size();
            switch (spec.name()) {
                case "ifelse": {
                    if (n % 2 == 0) {
                        throw new ExpressionException("Function ifelse expects pairs of condition and value followed"
                                + " by one else value, but got " + n + " arguments", call.start());
                    }
                    List<Node> values = new ArrayList<>();
                    for (int i = 0; i < n - 1; i += 2) {
                        arg(i, BOOLEAN);
                        values.add(call.args().get(i + 1));
                    }
                    values.add(call.args().get(n - 1));
                    return unify(values, null, spec.name());
                }
                case "coalesce":
                    return unify(call.args(), null, spec.name());
                case "isNull":
                case "isNotNull":
                    return BOOLEAN;
                case "in":
                case "notIn":
                    return membership();
                case "concat":
                    for (int i = 0; i < n; i++) {
                        arg(i, STRING);
                    }
                    return STRING;
                case "substring":
                    arg(0, STRING);
                    arg(1, INTEGER);
                    arg(2, INTEGER);
                    return STRING;
                case "left":
                case "right":
                    arg(0, STRING);
                    arg(1, INTEGER);
                    return STRING;
                case "strlen":
                    arg(0, STRING);
                    return INTEGER;
                case "toLower":
                case "toUpper":
                case "trim":
                case "ltrim":
                case "rtrim":
                    arg(0, STRING);
                    return STRING;
                case "replace":
                    arg(0, STRING);
                    arg(1, STRING);
                    arg(2, STRING);
                    return STRING;
                case "toString":
                    if (args.get(0).type() == null) {
                        settle(call.args().get(0), STRING);
                    }
                    return STRING;
                case "parseInt":
                    arg(0, STRING);
                    return INTEGER;
                case "parseDecimal":
                    arg(0, STRING);
                    return DECIMAL;
                case "parseDate":
                    arg(0, STRING);
                    if (n == 2) {
                        Node format = call.args().get(1);
                        String pattern = literal(1, "a date format such as 'yyyy-MM-dd'");
                        try {
                            JodaDateFormat.translate(pattern);
                        } catch (IllegalArgumentException e) {
                            throw new ExpressionException("Date format '" + pattern + "' for function parseDate "
                                    + "cannot be translated: " + e.getMessage(), format.start());
                        }
                    }
                    return DATETIME;
                case "truncDate":
                    period(0, TRUNC_PERIODS);
                    arg(1, DATETIME);
                    return DATETIME;
                case "extract":
                    period(0, EXTRACT_PERIODS);
                    arg(1, DATETIME);
                    return INTEGER;
                case "dateDiff":
                    arg(0, DATETIME);
                    arg(1, DATETIME);
                    if (n == 3) {
                        period(2, TRUNC_PERIODS);
                    }
                    return INTEGER;
                case "addDateTime":
                    arg(0, INTEGER);
                    period(1, TRUNC_PERIODS);
                    arg(2, DATETIME);
                    return DATETIME;
                case "now":
                    return DATETIME;
                case "round":
                    if (n == 2) {
                        arg(1, INTEGER);
                    }
                    return arg(0, NUMBERS);
                case "ceil":
                case "floor":
                case "abs":
                case "sum":
                    return arg(0, NUMBERS);
                case "min":
                case "max":
                    return arg(0, INTEGER, DECIMAL, DATETIME);
                case "avg":
                    arg(0, NUMBERS);
                    return DECIMAL;
                case "count":
                case "distinct_count":
                    if (args.get(0).type() == null) {
                        settle(call.args().get(0), STRING);
                    }
                    return INTEGER;
                case "countIf":
                    arg(1, BOOLEAN);
                    if (args.get(0).type() == null) {
                        settle(call.args().get(0), STRING);
                    }
                    return INTEGER;
                case "sumIf":
                    arg(1, BOOLEAN);
                    return arg(0, NUMBERS);
                default:
                    throw new IllegalStateException("no signature for " + spec.name());
            }
        }

        private QuickSightType arg(int i, QuickSightType... allowed) {
            Node node = call.args().get(i);
            if (node instanceof Node.ListOf) {
                throw new ExpressionException("A list " + text(node) + " can only be the second argument of in or "
                        + "notIn", node.start());
            }
            QuickSightType type = args.get(i).type();
            if (type == null) {
                settle(node, allowed[0]);
                return allowed[0];
            }
            if (!Arrays.asList(allowed).contains(type)) {
                throw new ExpressionException("Expression " + text(node) + " for function " + spec.name()
                        + " has incorrect argument type " + type.display() + ". Function syntax expects "
                        + names(allowed) + " argument type", node.start());
            }
            return type;
        }

        private String literal(int i, String what) {
            Node node = call.args().get(i);
            if (!(node instanceof Node.Str s)) {
                throw new ExpressionException("Function " + spec.name() + " expects " + what + " as a literal "
                        + "string for argument " + (i + 1) + ", not " + text(node), node.start());
            }
            return s.value();
        }

        private void period(int i, Set<Period> allowed) {
            String value = literal(i, "a period such as 'MM'");
            Period p = Period.of(value);
            if (p == null || !allowed.contains(p)) {
                throw new ExpressionException("Period '" + value + "' is not valid for function " + spec.name()
                        + "; valid periods are " + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")),
                        call.args().get(i).start());
            }
        }

        private QuickSightType membership() {
            Node list = call.args().get(1);
            if (!(list instanceof Node.ListOf items)) {
                throw new ExpressionException("Function " + spec.name() + " expects a list of literals such as "
                        + "['a', 'b'] as argument 2, not " + text(list), list.start());
            }
            if (items.items().isEmpty()) {
                throw new ExpressionException("Function " + spec.name() + " expects at least one value in its list",
                        list.start());
            }
            List<Node> all = new ArrayList<>();
            all.add(call.args().get(0));
            for (Node item : items.items()) {
                Node literal = item instanceof Node.Unary u && u.op().equals("-") && u.operand() instanceof Node.Num
                        ? u.operand() : item;
                if (!(literal instanceof Node.Str || literal instanceof Node.Num || literal instanceof Node.Null)) {
                    throw new ExpressionException("The list of function " + spec.name() + " can hold only literal "
                            + "values, not " + text(item), item.start());
                }
                visit(item, false);
                all.add(item);
            }
            QuickSightType common = unify(all, null, spec.name());
            if (common == null) {
                all.forEach(node -> settle(node, STRING));
            }
            return BOOLEAN;
        }
    }

    /** Checks an operator's operand type; a NULL operand takes the first allowed type. */
    private QuickSightType operand(Node node, String op, Typed t, QuickSightType... allowed) {
        if (t.type() == null) {
            settle(node, allowed[0]);
            return allowed[0];
        }
        if (!Arrays.asList(allowed).contains(t.type())) {
            throw new ExpressionException("Operator " + op + " has incorrect argument type " + t.type().display()
                    + " in " + text(node) + ". It expects " + names(allowed), node.start());
        }
        return t.type();
    }

    /**
     * The one type the nodes share (numbers widen to Decimal), with NULL literals settled to it; null when all are
     * NULL. {@code comparison} is the message prefix for operators, {@code function} the function name otherwise.
     */
    private QuickSightType unify(List<Node> nodes, String comparison, String function) {
        QuickSightType common = null;
        for (Node node : nodes) {
            QuickSightType t = types.get(node).type();
            if (t == null) {
                continue;
            }
            if (common == null || common == t) {
                common = t;
            } else if (common.numeric() && t.numeric()) {
                common = DECIMAL;
            } else if (comparison != null) {
                throw new ExpressionException(comparison + " " + common.display() + " with " + t.display() + " in "
                        + text(node), node.start());
            } else {
                throw new ExpressionException("Expression " + text(node) + " for function " + function
                        + " has incorrect argument type " + t.display() + ". Function syntax expects "
                        + common.display() + " argument type", node.start());
            }
        }
        if (common != null) {
            for (Node node : nodes) {
                settle(node, common);
            }
        }
        return common;
    }

    /** Gives a NULL literal (or a negated one) a type, so the SQL writer can type it. */
    private void settle(Node node, QuickSightType type) {
        Typed t = types.get(node);
        if (t != null && t.type() == null) {
            types.put(node, new Typed(type, t.aggregate(), t.bareField()));
        }
    }

    /** QuickSight rejects an expression that combines aggregates with fields read outside any aggregate. */
    private void mix(Node at, List<Typed> parts) {
        boolean aggregate = parts.stream().anyMatch(Typed::aggregate);
        boolean bare = parts.stream().anyMatch(Typed::bareField);
        if (aggregate && bare) {
            throw new ExpressionException("Mismatched aggregation. Custom aggregations can't contain both aggregate "
                    + "and non-aggregated fields, in " + text(at), at.start());
        }
    }

    private String text(Node node) {
        return source.substring(node.start(), node.end());
    }

    private static String names(QuickSightType... types) {
        return Arrays.stream(types).map(QuickSightType::display).collect(Collectors.joining(" or "));
    }
}
