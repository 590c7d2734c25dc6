package io.glaux.sql.scan;

import io.glaux.catalog.Partition;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.projection.PartitionProjection;
import io.glaux.catalog.projection.ProjectedKey;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

import com.google.common.collect.Range;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The partitions a query reads from a table with partition projection: each key's projected values are pruned by the
 * filters on that key alone, an injected key takes the values of the query's equality conditions on it, and the
 * product of the surviving values becomes partitions at the projection's locations, which the pruner then checks
 * against every filter as it does registered partitions.
 */
final class ProjectedPartitions {
    /** More partitions than this in one scan is refused rather than listed one prefix at a time. */
    static final long MAX_PARTITIONS = 1_000_000;

    private final TableDefinition table;
    private final PartitionProjection projection;
    private final PartitionPruner pruner;

    ProjectedPartitions(TableDefinition table, PartitionProjection projection) {
        this.table = table;
        this.projection = projection;
        this.pruner = new PartitionPruner(table);
    }

    List<Partition> partitions(List<RexNode> filters) {
        List<List<String>> perKey = new ArrayList<>();
        long product = 1;
        for (int i = 0; i < projection.keys().size(); i++) {
            ProjectedKey key = projection.keys().get(i);
            List<String> candidates = key.injected() ? injectedValues(i, key, filters) : projected(key);
            int keyIndex = i;
            List<String> kept = candidates.stream().filter(v -> pruner.mayHold(keyIndex, v, filters)).toList();
            perKey.add(kept);
            product = Math.multiplyExact(product, Math.max(kept.size(), 1));
            if (kept.isEmpty()) {
                return List.of();
            }
        }
        if (product > MAX_PARTITIONS) {
            throw tooMany(product);
        }
        List<Partition> partitions = new ArrayList<>();
        addProduct(perKey, 0, new ArrayList<>(), partitions);
        return pruner.prune(partitions, filters);
    }

    private List<String> projected(ProjectedKey key) {
        if (key.count() > MAX_PARTITIONS) {
            throw tooMany(key.count());
        }
        return key.values();
    }

    private void addProduct(List<List<String>> perKey, int index, List<String> prefix, List<Partition> out) {
        if (index == perKey.size()) {
            out.add(new Partition(prefix, projection.location(prefix)));
            return;
        }
        for (String value : perKey.get(index)) {
            List<String> next = new ArrayList<>(prefix);
            next.add(value);
            addProduct(perKey, index + 1, next, out);
        }
    }

    /**
     * The values an injected key takes: every conjunct on the key must be an equality with constants ({@code k = 'a'},
     * {@code k IN ('a', 'b')}), and there must be at least one; their values intersect.
     */
    private List<String> injectedValues(int keyIndex, ProjectedKey key, List<RexNode> filters) {
        List<RexNode> conjuncts = pruner.conjunctsOnlyOn(keyIndex, filters);
        Set<String> values = null;
        for (RexNode conjunct : conjuncts) {
            Set<String> these = equalityValues(conjunct);
            if (these == null) {
                throw injectedWithoutEquality(key);
            }
            if (values == null) {
                values = these;
            } else {
                values.retainAll(these);
            }
        }
        if (values == null) {
            throw injectedWithoutEquality(key);
        }
        return List.copyOf(values);
    }

    /** The constants an equality conjunct allows, or null when it is not one. */
    private static Set<String> equalityValues(RexNode conjunct) {
        if (!(conjunct instanceof RexCall call) || !isKeyRef(call.getOperands().get(0))) {
            return null;
        }
        if (call.getKind() == SqlKind.EQUALS && call.getOperands().get(1) instanceof RexLiteral literal) {
            String text = text(RexValues.of(literal));
            return text == null ? null : new LinkedHashSet<>(List.of(text));
        }
        if (call.getKind() == SqlKind.SEARCH && call.getOperands().get(1) instanceof RexLiteral literal) {
            Sarg<?> sarg = literal.getValueAs(Sarg.class);
            if (sarg == null || !sarg.isPoints()) {
                return null;
            }
            Set<String> values = new LinkedHashSet<>();
            for (Range<?> point : sarg.rangeSet.asRanges()) {
                String text = text(RexValues.normalize(point.lowerEndpoint()));
                if (text == null) {
                    return null;
                }
                values.add(text);
            }
            return values;
        }
        return null;
    }

    private static boolean isKeyRef(RexNode node) {
        return node instanceof RexInputRef
                || node instanceof RexCall cast && cast.getKind() == SqlKind.CAST
                && cast.getOperands().get(0) instanceof RexInputRef;
    }

    private static String text(Comparable<?> value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return null;
    }

    private static GlauxException injectedWithoutEquality(ProjectedKey key) {
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.CONSTRAINT_VIOLATION,
                "For the injected projected partition column " + key.name() + ", the WHERE clause must contain only "
                + "static equality conditions, and at least one such condition must be present.");
    }

    private GlauxException tooMany(long count) {
        return new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED, "Partition projection of "
                + table.database() + "." + table.name() + " gives " + count + " partitions for this query, more than "
                + MAX_PARTITIONS + "; add conditions on its partition keys");
    }
}
