package io.glaux.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values each column may take for a row to matter to the query: a conjunction of one {@link Domain} per
 * constrained column (Trino's TupleDomain, the Federation SDK's Constraints summary). Columns not named are
 * unconstrained. A constraint with a column whose domain is empty matches nothing.
 */
public record Constraint(Map<String, Domain> domains) {

    private static final Constraint ALL = new Constraint(Map.of());

    public Constraint {
        domains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(domains));
    }

    public static Constraint all() {
        return ALL;
    }

    public Optional<Domain> domain(String column) {
        return Optional.ofNullable(domains.get(column));
    }

    /** Whether no row can match: some column's domain admits no value. */
    public boolean isNone() {
        return domains.values().stream().anyMatch(Domain::isNone);
    }

    /** Whether a row with these column values (by column name) matches; columns not given are not checked. */
    public boolean test(Map<String, Object> row) {
        for (Map.Entry<String, Domain> entry : domains.entrySet()) {
            if (row.containsKey(entry.getKey()) && !entry.getValue().contains(row.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
