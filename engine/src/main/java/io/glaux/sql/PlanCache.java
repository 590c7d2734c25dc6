package io.glaux.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled plans by statement text, context and ExecutionParameters. Planning a small query costs tens of
 * milliseconds (validation, Volcano, Janino); running a compiled plan again costs well under one. A plan holds the
 * table and view definitions it was planned with, so each is filed with the version of the catalogs it was made
 * from ({@link PreparedQuery#catalogs()}) and served only while they are still at that version: a change to another
 * catalog (a SPICE dataset refreshed, say) leaves plans over the data catalog in place. Least recently used plans
 * are dropped beyond the size.
 */
final class PlanCache {

    record Key(String sql, QueryContext context, List<String> parameters) {
        static Key of(String sql, QueryContext context, List<String> parameters) {
            List<String> copy = parameters == null ? List.of() : Collections.unmodifiableList(
                    new ArrayList<>(parameters));
            return new Key(sql, context, copy);
        }
    }

    private record Entry(PreparedQuery plan, long version) {
    }

    private final Map<Key, Entry> plans;

    PlanCache(int maxSize) {
        this.plans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxSize;
            }
        };
    }

    /** The plan filed under {@code key}, if its catalogs are still at the version it was made from; else null. */
    synchronized PreparedQuery get(Key key, CatalogVersions versions) {
        Entry entry = plans.get(key);
        if (entry == null) {
            return null;
        }
        if (versions.of(entry.plan().catalogs()) != entry.version()) {
            plans.remove(key);
            return null;
        }
        return entry.plan();
    }

    /**
     * Files a plan made from its catalogs at {@code version} ({@link CatalogVersions#of}), and drops the plans whose
     * catalogs have changed since they were made (a sweep of version checks, against the tens of milliseconds the
     * new plan took), so that they do not hold their tables' definitions and generated classes until they age out.
     */
    synchronized void put(Key key, PreparedQuery plan, long version, CatalogVersions versions) {
        plans.values().removeIf(entry -> versions.of(entry.plan().catalogs()) != entry.version());
        plans.put(key, new Entry(plan, version));
    }

    synchronized int size() {
        return plans.size();
    }
}
