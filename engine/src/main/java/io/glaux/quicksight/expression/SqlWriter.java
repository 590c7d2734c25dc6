package io.glaux.quicksight.expression;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.glaux.quicksight.expression.QuickSightType.DATETIME;

/**
 * Writes a checked syntax tree as an SQL expression in the Trino dialect Glaux's engine runs. Every operation is
 * parenthesised, so QuickSight's precedence survives whatever surrounds the SQL. Datetime fields are read as
 * {@code TIMESTAMP(3)} so that date and time functions accept DATE and TIMESTAMP columns alike.
 */
final class SqlWriter {
    /** Text QuickSight's parseInt and parseDecimal accept: an optionally signed integer or decimal number. */
    private static final String NUMBER_TEXT = "^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*$";

    private final Map<Node, Typed> types;
    private final Map<String, Column> columns;
    private final Map<String, Column> parameters;

    private SqlWriter(Map<Node, Typed> types, Map<String, Column> columns, Map<String, Column> parameters) {
        this.types = types;
        this.columns = columns;
        this.parameters = parameters;
    }

    static String write(Node root, Map<Node, Typed> types, Map<String, Column> columns) {
        return write(root, types, columns, Map.of());
    }

    static String write(Node root, Map<Node, Typed> types, Map<String, Column> columns,
                        Map<String, Column> parameters) {
        return new SqlWriter(types, columns, parameters).sql(root);
    }

    private String sql(Node n) {
        if (n instanceof Node.Field f) {
            Column c = columns.get(f.name());
            return c.type() == DATETIME ? "CAST((" + c.sql() + ") AS TIMESTAMP(3))" : "(" + c.sql() + ")";
        }
        if (n instanceof Node.Param p) {
            Column c = parameters.get(p.name());
            return c.type() == DATETIME ? "CAST((" + c.sql() + ") AS TIMESTAMP(3))" : "(" + c.sql() + ")";
        }
        if (n instanceof Node.Str s) {
            return quote(s.value());
        }
        if (n instanceof Node.Num num) {
            // Decimal literals are DOUBLE, as QuickSight's decimals are floating point: round(3.14159, 2) is 3.14.
            String text = num.text().startsWith(".") ? "0" + num.text() : num.text();
            return num.integer() ? text : text + "E0";
        }
        if (n instanceof Node.Null) {
            QuickSightType t = types.get(n).type();
            return "CAST(NULL AS " + (t == null ? "VARCHAR" : t.sqlType()) + ")";
        }
        if (n instanceof Node.Unary u) {
            return u.op().equals("NOT") ? "(NOT " + sql(u.operand()) + ")" : "(-" + sql(u.operand()) + ")";
        }
        if (n instanceof Node.Binary b) {
            return binary(b);
        }
        if (n instanceof Node.Call c) {
            return call(c);
        }
        throw new IllegalStateException("a list outside in/notIn passed the checker");
    }

    private String binary(Node.Binary b) {
        String l = sql(b.left());
        String r = sql(b.right());
        return switch (b.op()) {
            case "/" -> "(CAST(" + l + " AS DOUBLE) / " + r + ")";
            case "%" -> "mod(" + l + ", " + r + ")";
            case "^" -> "power(" + l + ", " + r + ")";
            default -> "(" + l + " " + b.op() + " " + r + ")";
        };
    }

    private String call(Node.Call c) {
        FunctionSpec spec = FunctionSpec.lookup(c.name());
        List<Node> args = c.args();
        switch (spec.name()) {
            case "ifelse": {
                StringBuilder sb = new StringBuilder("(CASE");
                for (int i = 0; i < args.size() - 1; i += 2) {
                    sb.append(" WHEN ").append(sql(args.get(i))).append(" THEN ").append(sql(args.get(i + 1)));
                }
                return sb.append(" ELSE ").append(sql(args.get(args.size() - 1))).append(" END)").toString();
            }
            case "coalesce":
                return args.size() == 1 ? sql(args.get(0)) : fn("coalesce", args);
            case "isNull":
                return "(" + sql(args.get(0)) + " IS NULL)";
            case "isNotNull":
                return "(" + sql(args.get(0)) + " IS NOT NULL)";
            case "in":
            case "notIn": {
                Node.ListOf list = (Node.ListOf) args.get(1);
                String items = list.items().stream().map(this::sql).collect(Collectors.joining(", "));
                return "(" + sql(args.get(0)) + (spec.name().equals("in") ? " IN (" : " NOT IN (") + items + "))";
            }
            case "concat":
                return fn("concat", args);
            case "substring":
                return fn("substr", args);
            case "left":
                return "substr(" + sql(args.get(0)) + ", 1, " + sql(args.get(1)) + ")";
            case "right": {
                String s = sql(args.get(0));
                return "substr(" + s + ", greatest(length(" + s + ") - " + sql(args.get(1)) + " + 1, 1))";
            }
            case "strlen":
                return fn("length", args);
            case "toLower":
                return fn("lower", args);
            case "toUpper":
                return fn("upper", args);
            case "trim":
            case "ltrim":
            case "rtrim":
            case "replace":
            case "abs":
            case "ceil":
            case "floor":
            case "round":
            case "sum":
            case "min":
            case "max":
            case "count":
                return fn(spec.name(), args);
            case "toString":
                return "CAST(" + sql(args.get(0)) + " AS VARCHAR)";
            case "parseInt": {
                String s = sql(args.get(0));
                return "(CASE WHEN regexp_like(" + s + ", " + quote(NUMBER_TEXT) + ") THEN CAST(floor(CAST(trim(" + s
                        + ") AS DOUBLE)) AS BIGINT) END)";
            }
            case "parseDecimal": {
                String s = sql(args.get(0));
                return "(CASE WHEN regexp_like(" + s + ", " + quote(NUMBER_TEXT) + ") THEN truncate(CAST(trim(" + s
                        + ") AS DOUBLE), 4) END)";
            }
            case "parseDate": {
                String s = sql(args.get(0));
                JodaDateFormat f = JodaDateFormat.translate(args.size() == 2
                        ? ((Node.Str) args.get(1)).value() : "yyyy-MM-dd");
                return "(CASE WHEN regexp_like(" + s + ", " + quote(f.regex()) + ") THEN date_parse(" + s + ", "
                        + quote(f.mysqlFormat()) + ") END)";
            }
            case "truncDate":
                return truncDate(period(args.get(0)), sql(args.get(1)));
            case "extract":
                return extract(period(args.get(0)), sql(args.get(1)));
            case "dateDiff": {
                Period p = args.size() == 3 ? period(args.get(2)) : Period.DD;
                return "date_diff(" + quote(p.unit()) + ", " + sql(args.get(0)) + ", " + sql(args.get(1)) + ")";
            }
            case "addDateTime":
                return "date_add(" + quote(period(args.get(1)).unit()) + ", " + sql(args.get(0)) + ", "
                        + sql(args.get(2)) + ")";
            case "now":
                // QuickSight's now() is a datetime: the UTC wall clock as a timestamp, not Trino's zoned now().
                return "localtimestamp";
            case "avg":
                return "avg(CAST(" + sql(args.get(0)) + " AS DOUBLE))";
            case "distinct_count":
                return "count(DISTINCT " + sql(args.get(0)) + ")";
            case "countIf":
                return "count(CASE WHEN " + sql(args.get(1)) + " THEN " + sql(args.get(0)) + " END)";
            case "sumIf":
                return "sum(CASE WHEN " + sql(args.get(1)) + " THEN " + sql(args.get(0)) + " END)";
            default:
                throw new IllegalStateException("no SQL for " + spec.name());
        }
    }

    /** QuickSight's weeks start on Sunday; Trino's date_trunc('week') gives Monday, so step back from the day. */
    private static String truncDate(Period p, String date) {
        if (p == Period.WK) {
            return "date_add('day', -(day_of_week(" + date + ") % 7), date_trunc('day', " + date + "))";
        }
        return "date_trunc(" + quote(p.unit()) + ", " + date + ")";
    }

    private static String extract(Period p, String date) {
        return switch (p) {
            case WD -> "(day_of_week(" + date + ") % 7 + 1)"; // Trino: Monday 1 .. Sunday 7; QuickSight: Sunday 1
            case YYYY -> "year(" + date + ")";
            case Q -> "quarter(" + date + ")";
            case MM -> "month(" + date + ")";
            case DD -> "day(" + date + ")";
            case HH -> "hour(" + date + ")";
            case MI -> "minute(" + date + ")";
            case SS -> "second(" + date + ")";
            case MS -> "millisecond(" + date + ")";
            case WK -> throw new IllegalStateException("extract has no WK period");
        };
    }

    private static Period period(Node literal) {
        return Period.of(((Node.Str) literal).value());
    }

    private String fn(String name, List<Node> args) {
        return name + "(" + args.stream().map(this::sql).collect(Collectors.joining(", ")) + ")";
    }

    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
