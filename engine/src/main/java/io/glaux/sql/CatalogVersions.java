package io.glaux.sql;

import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Versions of the catalogs queries are planned against, which a cached plan is checked with: each grows after every
 * change to what its catalogs show. The plan cache asks while it holds its lock, so an answer must not wait for one
 * (the catalogs' versions are atomic counters).
 */
public interface CatalogVersions {

    /** Answered by {@link #of} when the catalogs cannot tell their changes: plans over them are not cached. */
    long UNKNOWN = -1;

    /** Grows after every change to any catalog, and when catalogs come or go. */
    long all();

    /**
     * Grows after every change to one of the named catalogs (lower case); {@link #UNKNOWN} when one of them cannot
     * tell its changes or is not a catalog that lives as long as the planner.
     */
    long of(Set<String> catalogs);

    static CatalogVersions of(LongSupplier all, ToLongFunction<Set<String>> some) {
        return new CatalogVersions() {
            @Override
            public long all() {
                return all.getAsLong();
            }

            @Override
            public long of(Set<String> catalogs) {
                return some.applyAsLong(catalogs);
            }
        };
    }
}
