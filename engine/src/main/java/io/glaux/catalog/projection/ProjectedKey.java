package io.glaux.catalog.projection;

import java.util.List;

/** How the values of one projected partition key are computed ({@code projection.<key>.type}). */
public sealed interface ProjectedKey permits EnumKey, IntegerKey, DateKey, InjectedKey {

    /** The partition key's name. */
    String name();

    /** Every value the key can take, in order; an injected key has none of its own (the query supplies them). */
    List<String> values();

    /** How many values {@link #values()} holds, computed without making them. */
    long count();

    /** True when the values come from the query's filters ({@code injected}). */
    default boolean injected() {
        return false;
    }
}
