package io.glaux.sql.function;

/**
 * One family of Trino functions (date and time, strings, arrays, ...): declares its Glaux functions and the bindings
 * of its Trino names into the registry. Each family sits beside its implementing methods, so that a function's
 * signatures are read next to its code; {@link TrinoFunctions} lists the families.
 */
@FunctionalInterface
interface FunctionFamily {
    void declare(FunctionRegistry.Builder registry);
}
