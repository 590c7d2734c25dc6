package io.glaux.sql.function;

import static io.glaux.sql.function.Arg.ANY;

/**
 * {@code typeof(x)}: the name of the operand's type as Trino spells it ({@link TrinoTypeNames}). The name is known
 * when the query is planned, so it reaches the method as a hidden argument; the value itself is not looked at, so
 * {@code typeof(NULL)} is {@code unknown}, not NULL.
 */
public final class TypeFunctions {
    private TypeFunctions() {
    }

    /** Declares typeof. */
    static void declare(FunctionRegistry.Builder r) {
        r.define(GlauxFunction.nullAware("typeof", Signature.withHidden(TypeFunctions.class, "typeOf",
                Returns.VARCHAR, 1, types -> java.util.List.of(TrinoTypeNames.of(types.get(0))), ANY)));
    }

    public static String typeOf(Object value, String typeName) {
        return typeName;
    }
}
