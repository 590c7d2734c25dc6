package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.Partition;
import io.glaux.catalog.TableDefinition;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which partitions a query must read by evaluating its filters over each partition's key values. Anything it
 * cannot evaluate (data columns, functions) counts as "maybe", so a partition is skipped only when a filter is
 * certainly false or NULL for it. Filters are split into their conjuncts (Calcite hands {@code dt = 'x' AND level =
 * 'y'} over as one filter), and every conjunct that mentions a partition key is evaluated, also one that mentions data
 * columns too ({@code dt = 'x' OR level = 'y'}), whose data part is "maybe".
 */
final class PartitionPruner {

    /** Three-valued logic plus "can't tell". */
    private enum Truth { TRUE, FALSE, NULL, UNKNOWN }

    private final TableDefinition table;
    private final int firstPartitionField;

    PartitionPruner(TableDefinition table) {
        this.table = table;
        this.firstPartitionField = table.columns().size();
    }

    List<Partition> prune(List<Partition> partitions, List<RexNode> filters) {
        List<RexNode> relevant = conjuncts(filters).stream().filter(this::mentionsPartitionKey).toList();
        if (relevant.isEmpty()) {
            return partitions;
        }
        List<Partition> kept = new ArrayList<>();
        for (Partition partition : partitions) {
            boolean keep = true;
            for (RexNode filter : relevant) {
                Truth truth = evaluate(filter, partition.values());
                if (truth == Truth.FALSE || truth == Truth.NULL) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(partition);
            }
        }
        return kept;
    }

    /**
     * Whether a partition whose key {@code keyIndex} has {@code value} may hold rows the filters keep, judging only
     * the conjuncts that mention that key and no other: a projected key's values are pruned one key at a time, before
     * the product of all keys' values is made.
     */
    boolean mayHold(int keyIndex, String value, List<RexNode> filters) {
        List<String> values = new java.util.ArrayList<>(java.util.Collections.nCopies(
                table.partitionKeys().size(), (String) null));
        values.set(keyIndex, value);
        for (RexNode filter : conjunctsOnlyOn(keyIndex, filters)) {
            Truth truth = evaluate(filter, values);
            if (truth == Truth.FALSE || truth == Truth.NULL) {
                return false;
            }
        }
        return true;
    }

    /** The conjuncts of the filters that mention partition key {@code keyIndex} and no other column. */
    List<RexNode> conjunctsOnlyOn(int keyIndex, List<RexNode> filters) {
        int field = firstPartitionField + keyIndex;
        return conjuncts(filters).stream().filter(conjunct -> {
            java.util.Set<Integer> fields = new java.util.HashSet<>();
            conjunct.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
                @Override
                public Void visitInputRef(RexInputRef ref) {
                    fields.add(ref.getIndex());
                    return null;
                }
            });
            return fields.equals(java.util.Set.of(field));
        }).toList();
    }

    private static List<RexNode> conjuncts(List<RexNode> filters) {
        return filters.stream().flatMap(filter -> RelOptUtil.conjunctions(filter).stream()).toList();
    }

    private boolean mentionsPartitionKey(RexNode filter) {
        boolean[] found = {false};
        filter.accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(RexInputRef ref) {
                found[0] |= ref.getIndex() >= firstPartitionField;
                return null;
            }
        });
        return found[0];
    }

    private Truth evaluate(RexNode node, List<String> partition) {
        if (!(node instanceof RexCall call)) {
            Object value = value(node, partition);
            if (value instanceof Boolean b) {
                return b ? Truth.TRUE : Truth.FALSE;
            }
            return value == NULL_VALUE ? Truth.NULL : Truth.UNKNOWN;
        }
        SqlKind kind = call.getKind();
        switch (kind) {
            case AND: {
                Truth result = Truth.TRUE;
                for (RexNode operand : call.getOperands()) {
                    Truth t = evaluate(operand, partition);
                    if (t == Truth.FALSE) {
                        return Truth.FALSE;
                    }
                    result = worse(result, t);
                }
                return result;
            }
            case OR: {
                boolean unknown = false;
                boolean sqlNull = false;
                for (RexNode operand : call.getOperands()) {
                    Truth t = evaluate(operand, partition);
                    if (t == Truth.TRUE) {
                        return Truth.TRUE;
                    }
                    unknown |= t == Truth.UNKNOWN;
                    sqlNull |= t == Truth.NULL;
                }
                return unknown ? Truth.UNKNOWN : sqlNull ? Truth.NULL : Truth.FALSE;
            }
            case NOT: {
                Truth t = evaluate(call.getOperands().get(0), partition);
                return t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : t;
            }
            case IS_NULL:
            case IS_NOT_NULL: {
                Object value = value(call.getOperands().get(0), partition);
                if (value == UNKNOWN_VALUE) {
                    return Truth.UNKNOWN;
                }
                boolean isNull = value == NULL_VALUE;
                return isNull == (kind == SqlKind.IS_NULL) ? Truth.TRUE : Truth.FALSE;
            }
            case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL: case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
                return compare(kind, value(call.getOperands().get(0), partition),
                        value(call.getOperands().get(1), partition));
            case SEARCH:
                return search(value(call.getOperands().get(0), partition), call.getOperands().get(1));
            default:
                return Truth.UNKNOWN;
        }
    }

    /** Combines non-FALSE truths: UNKNOWN dominates NULL, which dominates TRUE. */
    private static Truth worse(Truth a, Truth b) {
        if (a == Truth.UNKNOWN || b == Truth.UNKNOWN) {
            return Truth.UNKNOWN;
        }
        if (a == Truth.NULL || b == Truth.NULL) {
            return Truth.NULL;
        }
        return Truth.TRUE;
    }

    private static final Object NULL_VALUE = new Object();
    private static final Object UNKNOWN_VALUE = new Object();

    /** A comparable value, NULL_VALUE for SQL NULL, or UNKNOWN_VALUE (also for a key whose value is not given). */
    private Object value(RexNode node, List<String> partition) {
        if (node instanceof RexLiteral literal) {
            if (literal.isNull()) {
                return NULL_VALUE;
            }
            Comparable<?> value = RexValues.of(literal);
            return value == null ? UNKNOWN_VALUE : value;
        }
        if (node instanceof RexInputRef ref && ref.getIndex() >= firstPartitionField) {
            int keyIndex = ref.getIndex() - firstPartitionField;
            Column key = table.partitionKeys().get(keyIndex);
            String raw = partition.get(keyIndex);
            if (raw == null) {
                return UNKNOWN_VALUE;
            }
            Comparable<?> value = PartitionValues.comparable(raw, key.type());
            return value == null ? NULL_VALUE : value;
        }
        if (node instanceof RexCall call && call.getKind() == SqlKind.CAST
                && call.getOperands().get(0) instanceof RexInputRef ref && ref.getIndex() >= firstPartitionField) {
            int keyIndex = ref.getIndex() - firstPartitionField;
            AthenaType target = castTarget(call);
            if (target == null) {
                return UNKNOWN_VALUE;
            }
            String raw = partition.get(keyIndex);
            if (raw == null) {
                return UNKNOWN_VALUE;
            }
            Comparable<?> value = PartitionValues.comparable(raw, target);
            return value == null ? NULL_VALUE : value;
        }
        return UNKNOWN_VALUE;
    }

    private static AthenaType castTarget(RexCall cast) {
        return switch (cast.getType().getSqlTypeName()) {
            case CHAR, VARCHAR -> AthenaType.STRING;
            case TINYINT, SMALLINT, INTEGER, BIGINT -> AthenaType.BIGINT;
            case DOUBLE, FLOAT, REAL -> AthenaType.DOUBLE;
            case DATE -> AthenaType.DATE;
            case TIMESTAMP -> AthenaType.TIMESTAMP;
            default -> null;
        };
    }

    private static Truth compare(SqlKind kind, Object left, Object right) {
        if (left == UNKNOWN_VALUE || right == UNKNOWN_VALUE) {
            return Truth.UNKNOWN;
        }
        if (left == NULL_VALUE || right == NULL_VALUE) {
            return Truth.NULL;
        }
        Integer c = RexValues.compare((Comparable<?>) left, (Comparable<?>) right);
        if (c == null) {
            return Truth.UNKNOWN;
        }
        boolean result = switch (kind) {
            case EQUALS -> c == 0;
            case NOT_EQUALS -> c != 0;
            case LESS_THAN -> c < 0;
            case LESS_THAN_OR_EQUAL -> c <= 0;
            case GREATER_THAN -> c > 0;
            default -> c >= 0;
        };
        return result ? Truth.TRUE : Truth.FALSE;
    }

    private static Truth search(Object value, RexNode sargNode) {
        if (value == UNKNOWN_VALUE || !(sargNode instanceof RexLiteral literal)) {
            return Truth.UNKNOWN;
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null) {
            return Truth.UNKNOWN;
        }
        if (value == NULL_VALUE) {
            return sarg.nullAs == RexUnknownAs.TRUE ? Truth.TRUE
                    : sarg.nullAs == RexUnknownAs.FALSE ? Truth.FALSE : Truth.NULL;
        }
        Comparable<?> v = (Comparable<?>) value;
        for (Range<?> range : sarg.rangeSet.asRanges()) {
            Truth inRange = contains(range, v);
            if (inRange != Truth.FALSE) {
                return inRange;
            }
        }
        return Truth.FALSE;
    }

    private static Truth contains(Range<?> range, Comparable<?> v) {
        if (range.hasLowerBound()) {
            Integer c = RexValues.compare(v, RexValues.normalize(range.lowerEndpoint()));
            if (c == null) {
                return Truth.UNKNOWN;
            }
            if (c < 0 || c == 0 && range.lowerBoundType() == BoundType.OPEN) {
                return Truth.FALSE;
            }
        }
        if (range.hasUpperBound()) {
            Integer c = RexValues.compare(v, RexValues.normalize(range.upperEndpoint()));
            if (c == null) {
                return Truth.UNKNOWN;
            }
            if (c > 0 || c == 0 && range.upperBoundType() == BoundType.OPEN) {
                return Truth.FALSE;
            }
        }
        return Truth.TRUE;
    }
}
