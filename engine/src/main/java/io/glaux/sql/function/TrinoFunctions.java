package io.glaux.sql.function;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The Trino functions Glaux serves: for every Trino name, how a call is bound — to a Glaux function (with its
 * signatures and implementing methods), to a Calcite operator whose semantics match Trino's, or to an equivalent SQL
 * expression. Each {@link FunctionFamily} declares its own; this class lists the families and answers for the
 * registry they build. {@link TrinoFunctionRewriter} applies the bindings to the parsed tree; the validator finds the
 * bound operators through {@link #operatorTable()} and {@link #libraryOperators()}.
 */
public final class TrinoFunctions {
    private static final List<FunctionFamily> FAMILIES = List.of(
            DateTimeFunctions::declare,
            ZonedTimestampFunctions::declare,
            UnitFunctions::declare,
            StringFunctions::declare,
            TextFunctions::declare,
            FormatFunction::declare,
            RegexpFunctions::declare,
            ArrayFunctions::declare,
            LambdaFunctions::declare,
            SequenceFunctions::declare,
            MathFunctions::declare,
            BitwiseFunctions::declare,
            ProbabilityFunctions::declare,
            BinaryFunctions::declare,
            HashFunctions::declare,
            UrlFunctions::declare,
            GeospatialFunctions::declare,
            JsonFunctions::declare,
            MapFunctions::declare,
            JsonCasts::declare,
            TypeFunctions::declare,
            ConditionalFunctions::declare,
            AggregateFunctions::declare,
            TryFunction::declare);

    private static final FunctionRegistry REGISTRY = FunctionRegistry.of(FAMILIES);

    private TrinoFunctions() {
    }

    /** Every operator Glaux adds; chain it after {@code SqlStdOperatorTable.instance()}. */
    public static SqlOperatorTable operatorTable() {
        List<SqlFunction> operators = new ArrayList<>(REGISTRY.functions());
        operators.addAll(REGISTRY.aggregates());
        return new GlauxOperatorTable(operators);
    }

    /**
     * The Calcite library operators the bindings use, and only those, rather than whole libraries: enabling a library
     * also makes its other functions (and its semantics for names Trino shares) reachable.
     */
    public static SqlOperatorTable libraryOperators() {
        return SqlOperatorTables.of(REGISTRY.libraryOperators());
    }

    /** The binding of a Trino function name (any case), or null if Glaux leaves the call to Calcite. */
    static FunctionRegistry.@Nullable Binding binding(String name) {
        return REGISTRY.binding(name);
    }

    /** The Trino names with a binding, in declaration order. */
    public static List<String> supportedNames() {
        return REGISTRY.names();
    }

    /** A Glaux aggregate by name, for tests and documentation. */
    static GlauxAggregate aggregate(String name) {
        GlauxAggregate a = REGISTRY.aggregate(name);
        if (a == null) {
            throw new IllegalArgumentException("No Glaux aggregate " + name);
        }
        return a;
    }

    /** What SHOW FUNCTIONS lists: every function name Glaux resolves, one row per declared signature. */
    public static List<FunctionListing> listing() {
        return FunctionListing.of(REGISTRY);
    }

    /** A Glaux function by name, for bindings, tests and documentation. */
    static GlauxFunction function(String name) {
        GlauxFunction f = REGISTRY.function(name);
        if (f == null) {
            throw new IllegalArgumentException("No Glaux function " + name);
        }
        return f;
    }
}
