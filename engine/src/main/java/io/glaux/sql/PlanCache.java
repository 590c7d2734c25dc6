package io.glaux.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled plans by statement text, context and ExecutionParameters, for one catalog version. Planning a small query
 * costs tens of milliseconds (validation, Volcano, Janino); running a compiled plan again costs well under one. A
 * plan holds the table definitions it was planned with, so the whole cache is dropped as soon as the catalog's
 * version moves; the key carries the version read before planning, so a plan made while the catalog changed is
 * never served for the new version. Least recently used plans are dropped beyond the size.
 */
final class PlanCache {

    record Key(String sql, QueryContext context, List<String> parameters, long catalogVersion) {
        static Key of(String sql, QueryContext context, List<String> parameters, long catalogVersion) {
            List<String> copy = parameters == null ? List.of() : Collections.unmodifiableList(
                    new ArrayList<>(parameters));
            return new Key(sql, context, copy, catalogVersion);
        }
    }

    private final Map<Key, PreparedQuery> plans;
    private long version = Long.MIN_VALUE;

    PlanCache(int maxSize) {
        this.plans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PreparedQuery> eldest) {
                return size() > maxSize;
            }
        };
    }

    synchronized PreparedQuery get(Key key) {
        forget(key.catalogVersion());
        return plans.get(key);
    }

    synchronized void put(Key key, PreparedQuery plan) {
        forget(key.catalogVersion());
        if (key.catalogVersion() == version) {
            plans.put(key, plan);
        }
    }

    synchronized int size() {
        return plans.size();
    }

    /** Drops every plan of older versions once a newer one is seen. */
    private void forget(long catalogVersion) {
        if (catalogVersion > version) {
            plans.clear();
            version = catalogVersion;
        }
    }
}
