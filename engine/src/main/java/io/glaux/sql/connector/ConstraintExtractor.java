package io.glaux.sql.connector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.connector.Constraint;
import io.glaux.connector.Domain;
import io.glaux.connector.ValueSet;
import io.glaux.sql.scan.RexValues;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;

import com.google.common.collect.BoundType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a scan's filters into a {@link Constraint}: comparisons of a column with a literal, IN lists and ranges
 * (Calcite's SEARCH), IS [NOT] NULL, boolean columns, and ORs of these over one column. A filter it can't express is
 * left out of the constraint (the engine applies every filter anyway); {@link Result#exact} says whether the
 * constraint is the whole of the filters, which a limit pushed to the source needs.
 */
final class ConstraintExtractor {

    /** The constraint, and whether it says everything the filters say. */
    record Result(Constraint constraint, boolean exact) {
    }

    private final List<Column> columns;

    ConstraintExtractor(List<Column> columns) {
        this.columns = columns;
    }

    Result extract(List<RexNode> filters) {
        Map<String, Domain> domains = new LinkedHashMap<>();
        boolean exact = true;
        for (RexNode filter : filters) {
            for (RexNode conjunct : conjuncts(filter)) {
                Optional<ColumnDomain> domain = translate(conjunct);
                if (domain.isEmpty()) {
                    exact = false;
                    continue;
                }
                String name = columns.get(domain.get().column()).name();
                domains.merge(name, domain.get().domain(), Domain::intersect);
            }
        }
        return new Result(new Constraint(domains), exact);
    }

    private record ColumnDomain(int column, Domain domain) {
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

    private Optional<ColumnDomain> translate(RexNode node) {
        if (node instanceof RexInputRef ref && type(ref.getIndex()) == AthenaType.Kind.BOOLEAN) {
            return Optional.of(new ColumnDomain(ref.getIndex(), Domain.singleValue(true)));
        }
        if (!(node instanceof RexCall call)) {
            return Optional.empty();
        }
        List<RexNode> operands = call.getOperands();
        return switch (call.getKind()) {
            case NOT -> operands.get(0) instanceof RexInputRef ref && type(ref.getIndex()) == AthenaType.Kind.BOOLEAN
                    ? Optional.of(new ColumnDomain(ref.getIndex(), Domain.singleValue(false))) : Optional.empty();
            case IS_NULL, IS_NOT_NULL -> operands.get(0) instanceof RexInputRef ref
                    ? Optional.of(new ColumnDomain(ref.getIndex(), call.getKind() == SqlKind.IS_NULL
                    ? Domain.onlyNull() : Domain.notNull())) : Optional.empty();
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    comparison(call);
            case SEARCH -> search(call);
            case OR -> disjunction(call);
            default -> Optional.empty();
        };
    }

    private Optional<ColumnDomain> comparison(RexCall call) {
        boolean flipped = !(call.getOperands().get(0) instanceof RexInputRef);
        RexNode ref = call.getOperands().get(flipped ? 1 : 0);
        RexNode other = call.getOperands().get(flipped ? 0 : 1);
        if (!(ref instanceof RexInputRef input) || !(other instanceof RexLiteral literal) || literal.isNull()) {
            return Optional.empty();
        }
        Object value = value(RexValues.of(literal), input.getIndex());
        if (value == null) {
            return Optional.empty();
        }
        SqlKind kind = flipped ? call.getKind().reverse() : call.getKind();
        ValueSet values = switch (kind) {
            case EQUALS -> ValueSet.ofValues(List.of(value));
            case NOT_EQUALS -> ValueSet.excluding(List.of(value));
            case LESS_THAN -> ValueSet.SortedRanges.of(List.of(ValueSet.Range.lessThan(value, false)));
            case LESS_THAN_OR_EQUAL -> ValueSet.SortedRanges.of(List.of(ValueSet.Range.lessThan(value, true)));
            case GREATER_THAN -> ValueSet.SortedRanges.of(List.of(ValueSet.Range.greaterThan(value, false)));
            default -> ValueSet.SortedRanges.of(List.of(ValueSet.Range.greaterThan(value, true)));
        };
        return Optional.of(new ColumnDomain(input.getIndex(), new Domain(values, false)));
    }

    private Optional<ColumnDomain> search(RexCall call) {
        if (!(call.getOperands().get(0) instanceof RexInputRef input)
                || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
            return Optional.empty();
        }
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null) {
            return Optional.empty();
        }
        List<ValueSet.Range> ranges = new ArrayList<>();
        for (com.google.common.collect.Range<?> range : sarg.rangeSet.asRanges()) {
            ValueSet.Bound low = ValueSet.Bound.UNBOUNDED;
            ValueSet.Bound high = ValueSet.Bound.UNBOUNDED;
            if (range.hasLowerBound()) {
                Object value = value(RexValues.normalize(range.lowerEndpoint()), input.getIndex());
                if (value == null) {
                    return Optional.empty();
                }
                low = new ValueSet.Bound(value, range.lowerBoundType() == BoundType.CLOSED);
            }
            if (range.hasUpperBound()) {
                Object value = value(RexValues.normalize(range.upperEndpoint()), input.getIndex());
                if (value == null) {
                    return Optional.empty();
                }
                high = new ValueSet.Bound(value, range.upperBoundType() == BoundType.CLOSED);
            }
            ranges.add(new ValueSet.Range(low, high));
        }
        return Optional.of(new ColumnDomain(input.getIndex(),
                new Domain(ValueSet.SortedRanges.of(ranges), sarg.nullAs == RexUnknownAs.TRUE)));
    }

    private Optional<ColumnDomain> disjunction(RexCall call) {
        ColumnDomain union = null;
        for (RexNode operand : call.getOperands()) {
            Optional<ColumnDomain> domain = translate(operand);
            if (domain.isEmpty() || union != null && union.column() != domain.get().column()) {
                return Optional.empty();
            }
            union = union == null ? domain.get()
                    : new ColumnDomain(union.column(), union.domain().union(domain.get().domain()));
        }
        return Optional.ofNullable(union);
    }

    private AthenaType.Kind type(int column) {
        return column < columns.size() ? columns.get(column).type().kind() : null;
    }

    /**
     * A literal in the column's value form, or null when it has no exact form there (a fraction compared with an
     * integer column, a char(n) column whose padding rules differ, a type connectors don't compare).
     */
    private Object value(Comparable<?> literal, int column) {
        if (literal == null || column >= columns.size()) {
            return null;
        }
        AthenaType type = columns.get(column).type();
        try {
            return switch (type.kind()) {
                case BOOLEAN -> literal instanceof Boolean b ? b : null;
                case TINYINT -> literal instanceof BigDecimal d ? d.byteValueExact() : null;
                case SMALLINT -> literal instanceof BigDecimal d ? d.shortValueExact() : null;
                case INT -> literal instanceof BigDecimal d ? d.intValueExact() : null;
                case BIGINT -> literal instanceof BigDecimal d ? d.longValueExact() : null;
                case DOUBLE -> literal instanceof BigDecimal d ? d.doubleValue() : null;
                case FLOAT -> literal instanceof BigDecimal d ? d.floatValue() : null;
                case DECIMAL -> literal instanceof BigDecimal d ? d : null;
                case VARCHAR, STRING -> literal instanceof String s ? s : null;
                case DATE -> literal instanceof Integer days ? days : null;
                case TIMESTAMP -> literal instanceof Long millis ? millis : null;
                default -> null;
            };
        } catch (ArithmeticException notExact) {
            return null;
        }
    }
}
