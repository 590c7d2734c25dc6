package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnPredicate;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the simple parts of a query's filters ({@code column op literal}, IN lists, ranges, IS [NOT] NULL on data
 * columns) into {@link ColumnPredicate}s that readers may use to skip data. Anything else is left to the engine.
 */
final class PredicateExtractor {

    private final List<Column> dataColumns;

    PredicateExtractor(List<Column> dataColumns) {
        this.dataColumns = dataColumns;
    }

    List<ColumnPredicate> extract(List<RexNode> filters) {
        List<ColumnPredicate> predicates = new ArrayList<>();
        for (RexNode filter : filters) {
            for (RexNode conjunct : conjuncts(filter)) {
                translate(conjunct).ifPresent(predicates::addAll);
            }
        }
        return predicates;
    }

    private static List<RexNode> conjuncts(RexNode node) {
        if (node.getKind() == SqlKind.AND) {
            List<RexNode> all = new ArrayList<>();
            for (RexNode operand : ((RexCall) node).getOperands()) {
                all.addAll(conjuncts(operand));
            }
            return all;
        }
        return List.of(node);
    }

    private Optional<List<ColumnPredicate>> translate(RexNode node) {
        if (!(node instanceof RexCall call)) {
            return Optional.empty();
        }
        List<RexNode> operands = call.getOperands();
        switch (call.getKind()) {
            case IS_NULL:
            case IS_NOT_NULL: {
                Integer column = dataColumn(operands.get(0));
                if (column == null) {
                    return Optional.empty();
                }
                ColumnPredicate.Op op = call.getKind() == SqlKind.IS_NULL
                        ? ColumnPredicate.Op.IS_NULL : ColumnPredicate.Op.IS_NOT_NULL;
                return Optional.of(List.of(new ColumnPredicate(column, op, List.of())));
            }
            case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL: case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL: {
                boolean flipped = !(operands.get(0) instanceof RexInputRef);
                RexNode ref = flipped ? operands.get(1) : operands.get(0);
                RexNode other = flipped ? operands.get(0) : operands.get(1);
                Integer column = dataColumn(ref);
                if (column == null || !(other instanceof RexLiteral literal)) {
                    return Optional.empty();
                }
                Object value = columnValue(RexValues.of(literal), dataColumns.get(column).type());
                if (value == null) {
                    return Optional.empty();
                }
                SqlKind kind = flipped ? call.getKind().reverse() : call.getKind();
                return Optional.of(List.of(new ColumnPredicate(column, op(kind), List.of(value))));
            }
            case SEARCH:
                return search(operands.get(0), operands.get(1));
            default:
                return Optional.empty();
        }
    }

    private Optional<List<ColumnPredicate>> search(RexNode ref, RexNode sargNode) {
        Integer column = dataColumn(ref);
        if (column == null || !(sargNode instanceof RexLiteral literal)) {
            return Optional.empty();
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE) {
            return Optional.empty();
        }
        AthenaType type = dataColumns.get(column).type();
        if (sarg.isPoints()) {
            List<Object> values = new ArrayList<>();
            for (Range<?> range : sarg.rangeSet.asRanges()) {
                Object value = columnValue(RexValues.normalize(range.lowerEndpoint()), type);
                if (value == null) {
                    return Optional.empty();
                }
                values.add(value);
            }
            return Optional.of(List.of(new ColumnPredicate(column, ColumnPredicate.Op.IN, values)));
        }
        if (sarg.rangeSet.asRanges().size() != 1) {
            return Optional.empty();
        }
        Range<?> range = sarg.rangeSet.asRanges().iterator().next();
        List<ColumnPredicate> bounds = new ArrayList<>();
        if (range.hasLowerBound()) {
            Object value = columnValue(RexValues.normalize(range.lowerEndpoint()), type);
            if (value == null) {
                return Optional.empty();
            }
            bounds.add(new ColumnPredicate(column, range.lowerBoundType() == BoundType.OPEN
                    ? ColumnPredicate.Op.GT : ColumnPredicate.Op.GE, List.of(value)));
        }
        if (range.hasUpperBound()) {
            Object value = columnValue(RexValues.normalize(range.upperEndpoint()), type);
            if (value == null) {
                return Optional.empty();
            }
            bounds.add(new ColumnPredicate(column, range.upperBoundType() == BoundType.OPEN
                    ? ColumnPredicate.Op.LT : ColumnPredicate.Op.LE, List.of(value)));
        }
        return Optional.of(bounds);
    }

    private Integer dataColumn(RexNode node) {
        if (node instanceof RexInputRef ref && ref.getIndex() < dataColumns.size()) {
            return ref.getIndex();
        }
        return null;
    }

    private static ColumnPredicate.Op op(SqlKind kind) {
        return switch (kind) {
            case EQUALS -> ColumnPredicate.Op.EQ;
            case NOT_EQUALS -> ColumnPredicate.Op.NE;
            case LESS_THAN -> ColumnPredicate.Op.LT;
            case LESS_THAN_OR_EQUAL -> ColumnPredicate.Op.LE;
            case GREATER_THAN -> ColumnPredicate.Op.GT;
            default -> ColumnPredicate.Op.GE;
        };
    }

    /** A normalized literal as a value of the column's type, or null when it doesn't fit exactly. */
    private static Object columnValue(Comparable<?> literal, AthenaType type) {
        if (literal == null) {
            return null;
        }
        try {
            switch (type.kind()) {
                case TINYINT: case SMALLINT: case INT:
                    return literal instanceof BigDecimal d ? d.intValueExact() : null;
                case BIGINT:
                    return literal instanceof BigDecimal d ? d.longValueExact() : null;
                case DOUBLE:
                    return literal instanceof BigDecimal d ? d.doubleValue() : null;
                case DECIMAL:
                    return literal instanceof BigDecimal d ? d : null;
                case VARCHAR: case STRING:
                    return literal instanceof String ? literal : null;
                // A char(n) file may hold its values padded (and its statistics too) where the query compares them
                // without trailing spaces: the scan does not filter them.
                case DATE:
                    return literal instanceof Integer ? literal : null;
                case TIMESTAMP:
                    return literal instanceof Long ? literal : null;
                case BOOLEAN:
                    return literal instanceof Boolean ? literal : null;
                default:
                    return null;
            }
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
