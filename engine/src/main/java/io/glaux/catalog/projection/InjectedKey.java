package io.glaux.catalog.projection;

import java.util.List;

/** {@code injected}: the values are the query's static equality conditions on the key. */
public record InjectedKey(String name) implements ProjectedKey {
    @Override
    public List<String> values() {
        return List.of();
    }

    @Override
    public long count() {
        return 0;
    }

    @Override
    public boolean injected() {
        return true;
    }
}
