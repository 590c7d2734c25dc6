package io.glaux.sql.function;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Trino functions Glaux serves, as the {@link FunctionFamily families} declared them: the Glaux functions (with
 * their signatures), the binding of every Trino name to its replacement in the parsed tree, and the Calcite library
 * operators those bindings use. Immutable once built.
 */
final class FunctionRegistry {

    /** How one Trino call is rewritten: from the call (operands already rewritten) to its replacement. */
    @FunctionalInterface
    interface Binding {
        SqlNode rewrite(SqlCall call, List<SqlNode> operands, SqlParserPos pos);
    }

    private final Map<String, GlauxFunction> functions;
    private final Map<String, GlauxAggregate> aggregates;
    private final Map<String, Binding> bindings;
    private final Map<String, SqlOperator> targets;
    private final List<SqlOperator> libraryOperators;

    private FunctionRegistry(Builder b) {
        this.functions = Map.copyOf(b.functions);
        this.aggregates = Map.copyOf(b.aggregates);
        this.bindings = b.bindings;
        this.targets = Map.copyOf(b.targets);
        this.libraryOperators = List.copyOf(b.libraryOperators);
    }

    /** The registry the given families declare, in order; a name declared twice is an error. */
    static FunctionRegistry of(List<FunctionFamily> families) {
        Builder b = new Builder();
        families.forEach(f -> f.declare(b));
        return new FunctionRegistry(b);
    }

    Collection<GlauxFunction> functions() {
        return functions.values();
    }

    Collection<GlauxAggregate> aggregates() {
        return aggregates.values();
    }

    @Nullable GlauxAggregate aggregate(String name) {
        return aggregates.get(name);
    }

    @Nullable GlauxFunction function(String name) {
        return functions.get(name);
    }

    /** The operator a name is bound to as it is (a Glaux function or a Calcite operator); null for a rewrite. */
    @Nullable SqlOperator target(String name) {
        return targets.get(name);
    }

    @Nullable Binding binding(String name) {
        return bindings.get(name.toLowerCase(Locale.ROOT));
    }

    /** The Trino names with a binding, in declaration order. */
    List<String> names() {
        return List.copyOf(bindings.keySet());
    }

    List<SqlOperator> libraryOperators() {
        return libraryOperators;
    }

    /** What a family declares into; each name (function or binding) at most once. */
    static final class Builder {
        private final Map<String, GlauxFunction> functions = new LinkedHashMap<>();
        private final Map<String, GlauxAggregate> aggregates = new LinkedHashMap<>();
        private final Map<String, Binding> bindings = new LinkedHashMap<>();
        private final Map<String, SqlOperator> targets = new LinkedHashMap<>();
        private final Set<SqlOperator> libraryOperators = new LinkedHashSet<>();

        private Builder() {
        }

        /** Registers a Glaux function and binds its name and the given aliases to it. */
        Builder define(GlauxFunction f, String... aliases) {
            add(f);
            bindTo(f, f.getName());
            for (String alias : aliases) {
                bindTo(f, alias);
            }
            return this;
        }

        /** Registers a Glaux function without binding a Trino name to it (a binding reaches it by {@link #get}). */
        Builder add(GlauxFunction f) {
            if (aggregates.containsKey(f.getName()) || functions.put(f.getName(), f) != null) {
                throw new IllegalStateException("Duplicate function " + f.getName());
            }
            return this;
        }

        /** Registers a Glaux aggregate and binds its name and the given aliases to it. */
        Builder define(GlauxAggregate a, String... aliases) {
            add(a);
            bindAggregate(a, a.getName());
            for (String alias : aliases) {
                bindAggregate(a, alias);
            }
            return this;
        }

        /**
         * Binds a Trino name to a Glaux aggregate; {@code agg(x ORDER BY y)}, whose ORDER BY the parser leaves as a
         * last operand, becomes {@code agg(x) WITHIN GROUP (ORDER BY y)}, which Calcite turns into the aggregate
         * call's collation: the accumulator then sees the rows in that order.
         */
        private void bindAggregate(GlauxAggregate a, String name) {
            targets.put(name, a);
            bind(name, (call, operands, pos) -> {
                if (operands.isEmpty() || !(operands.get(operands.size() - 1) instanceof SqlNodeList)) {
                    return a.createCall(call.getFunctionQuantifier(), pos, operands);
                }
                SqlNode order = operands.get(operands.size() - 1);
                SqlCall unordered = a.createCall(call.getFunctionQuantifier(), pos,
                        operands.subList(0, operands.size() - 1));
                return SqlStdOperatorTable.WITHIN_GROUP.createCall(pos, unordered, order);
            });
        }

        /** Registers a Glaux aggregate without binding a Trino name to it (a binding reaches it by {@link #get}). */
        Builder add(GlauxAggregate a) {
            if (functions.containsKey(a.getName()) || aggregates.put(a.getName(), a) != null) {
                throw new IllegalStateException("Duplicate function " + a.getName());
            }
            return this;
        }

        /** An aggregate added earlier, for bindings that rewrite into it. */
        GlauxAggregate getAggregate(String name) {
            GlauxAggregate a = aggregates.get(name);
            if (a == null) {
                throw new IllegalStateException("No aggregate " + name + " declared yet");
            }
            return a;
        }

        /** A function added earlier, for bindings that rewrite into it. */
        GlauxFunction get(String name) {
            GlauxFunction f = functions.get(name);
            if (f == null) {
                throw new IllegalStateException("No function " + name + " declared yet");
            }
            return f;
        }

        /** Binds a Trino name to a Calcite or Glaux operator called with the same operands. */
        Builder bindTo(SqlOperator op, String name) {
            targets.put(name, op);
            return bind(name, (call, operands, pos) -> op.createCall(call.getFunctionQuantifier(), pos,
                    operands.stream().map(Builder::columnNotTimeUnit).collect(Collectors.toList())));
        }

        /**
         * Binds a Trino name to a Calcite library operator (made visible to validation, unlike the rest of its
         * library, whose other functions would otherwise become reachable with their own semantics).
         */
        Builder bindToLibrary(SqlOperator op, String name) {
            library(op);
            return bindTo(op, name);
        }

        /** Makes Calcite library operators visible to validation, for bindings that rewrite into them. */
        Builder library(SqlOperator... ops) {
            libraryOperators.addAll(List.of(ops));
            return this;
        }

        /** Binds a Trino name (lower case) to a rewrite. */
        Builder bind(String name, Binding binding) {
            if (bindings.put(name, binding) != null) {
                throw new IllegalStateException("Duplicate binding " + name);
            }
            return this;
        }

        /**
         * The parser reads some operands of date_trunc and date_diff (BigQuery grammar) as time units; in Trino they
         * are expressions, so a bare name there is a column: {@code date_trunc('day', month)}.
         */
        private static SqlNode columnNotTimeUnit(SqlNode operand) {
            if (!(operand instanceof SqlIntervalQualifier)) {
                return operand;
            }
            SqlIntervalQualifier q = (SqlIntervalQualifier) operand;
            String name = q.timeFrameName != null ? q.timeFrameName
                    : q.timeUnitRange.name().toLowerCase(Locale.ROOT);
            return new SqlIdentifier(name, q.getParserPosition());
        }
    }

    @Override
    public String toString() {
        return "FunctionRegistry" + new ArrayList<>(bindings.keySet());
    }
}
