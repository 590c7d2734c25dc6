package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.ExplicitOperatorBinding;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of SHOW FUNCTIONS: a function name Glaux resolves, with one row per signature where Glaux declares them
 * (argument kinds in Trino's spelling, generic ones as {@code T}, {@code array(T)}, ...; the return type where the
 * arguments determine it), the function's kind ({@code scalar}, {@code aggregate}, {@code window}) and whether it is
 * deterministic. Names Glaux leaves to Calcite's standard operators (count, sum, rank, sin, ...) have one row without
 * types.
 */
public record FunctionListing(String name, String returnType, String argumentTypes, String functionType,
                              boolean deterministic) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Every listing of the registry's names and of Calcite's standard functions, by name. */
    static List<FunctionListing> of(FunctionRegistry registry) {
        RelDataTypeFactory types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
        List<FunctionListing> rows = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (String name : registry.names()) {
            if (name.startsWith("$")) {
                continue; // internal names the parser writes (a zoned timestamp literal), not functions to list
            }
            listed.add(name);
            SqlOperator target = registry.target(name);
            if (target instanceof GlauxFunction f) {
                for (Signature s : f.signatures()) {
                    rows.add(new FunctionListing(name, returnType(types, f, s), arguments(s), "scalar",
                            f.isDeterministic()));
                }
            } else if (target instanceof GlauxAggregate a) {
                for (AggregateSignature s : a.signatures()) {
                    rows.add(new FunctionListing(name, "", arguments(s.shape), "aggregate", true));
                }
            } else {
                rows.add(untyped(name, target));
            }
        }
        for (SqlOperator op : SqlStdOperatorTable.instance().getOperatorList()) {
            String name = op.getName().toLowerCase(Locale.ROOT);
            if (op instanceof SqlFunction
                    && (op.getSyntax() == SqlSyntax.FUNCTION || op.getSyntax() == SqlSyntax.FUNCTION_STAR)
                    && PLAIN_NAME.matcher(name).matches() && listed.add(name)) {
                rows.add(untyped(name, op));
            }
        }
        rows.sort(Comparator.comparing(FunctionListing::name).thenComparing(FunctionListing::argumentTypes));
        return rows;
    }

    private static FunctionListing untyped(String name, SqlOperator op) {
        String kind = op == null ? "scalar" : op.requiresOver() ? "window"
                : op instanceof SqlAggFunction ? "aggregate" : "scalar";
        return new FunctionListing(name, "", "", kind, op == null || op.isDeterministic());
    }

    private static String arguments(Signature s) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.args.size(); i++) {
            String text = argument(s.args.get(i));
            names.add(s.variadic && i == s.args.size() - 1 ? text + "..." : text);
        }
        return String.join(", ", names);
    }

    private static String argument(Arg arg) {
        return switch (arg) {
            case STRING -> "varchar";
            case JSON -> "json";
            case BIGINT -> "bigint";
            case DOUBLE -> "double";
            case DECIMAL -> "decimal(p,s)";
            case DATE -> "date";
            case TIMESTAMP, DATETIME, WALL_CLOCK -> "timestamp(p)";
            case ZONED -> "timestamp(p) with time zone";
            case ZONED_TIME -> "time(p) with time zone";
            case TIME -> "time(p)";
            case INTERVAL_DAY_TIME -> "interval day to second";
            case INTERVAL -> "interval";
            case BOOLEAN -> "boolean";
            case BINARY -> "varbinary";
            case GEOMETRY -> "Geometry";
            case ARRAY -> "array(T)";
            case MAP -> "map(K,V)";
            case ANY -> "T";
            case FUNCTION -> "function";
        };
    }

    /** The return type when every argument is of one concrete type; empty for generic signatures. */
    private static String returnType(RelDataTypeFactory types, GlauxFunction f, Signature s) {
        List<RelDataType> operands = new ArrayList<>();
        for (Arg arg : s.args) {
            SqlTypeName name = switch (arg) {
                case STRING -> SqlTypeName.VARCHAR;
                case BIGINT -> SqlTypeName.BIGINT;
                case DOUBLE -> SqlTypeName.DOUBLE;
                case DATE -> SqlTypeName.DATE;
                case BOOLEAN -> SqlTypeName.BOOLEAN;
                case BINARY -> SqlTypeName.VARBINARY;
                case GEOMETRY -> SqlTypeName.GEOMETRY;
                default -> null;
            };
            if (name == null) {
                return "";
            }
            operands.add(types.createSqlType(name));
        }
        try {
            RelDataType type = s.returnType.inferReturnType(new ExplicitOperatorBinding(types, f, operands));
            return type == null ? "" : TrinoTypeNames.of(type);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
