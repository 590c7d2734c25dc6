package io.glaux.connectors.dynamodb;

import io.glaux.catalog.AthenaType;
import io.glaux.connector.Constraint;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.ValueSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DynamoDB request one split makes: a Query's key condition (and index) or a Scan's segment, the projection, and
 * the rest of the constraint as a filter. Every attribute name goes through a {@code #n} placeholder (reserved words,
 * dots, any case) and every value through a {@code :v} placeholder.
 *
 * @param index         the secondary index queried, or null
 * @param keyCondition  a Query's key condition, or null for a Scan
 * @param filter        the filter expression, or null
 * @param projection    the projection expression, or null when no attribute is read (a count)
 * @param names         the expression attribute names
 * @param values        the expression attribute values
 * @param segment       a Scan's segment
 * @param totalSegments a Scan's segment count
 */
record DynamoDbPlan(String index, String keyCondition, String filter, String projection, Map<String, String> names,
                    Map<String, AttributeValue> values, int segment, int totalSegments) {

    /** DynamoDB takes at most 100 operands in an IN. */
    private static final int MAX_IN = 100;

    /** The hash key a read goes by: the table's, or a secondary index's, with the values it is constrained to. */
    record KeyChoice(String index, String hashColumn, List<Object> values) {
    }

    /**
     * The table's hash key if the constraint limits it to a few values, else the first usable index whose hash key
     * it does; null for a Scan.
     */
    static KeyChoice chooseKey(DynamoDbTableInfo table, Constraint constraint) {
        KeyChoice choice = keyValues(table, null, table.hashKey(), constraint);
        if (choice != null) {
            return choice;
        }
        for (DynamoDbTableInfo.Index index : table.indexes()) {
            choice = keyValues(table, index.name(), index.hashKey(), constraint);
            if (choice != null) {
                return choice;
            }
        }
        return null;
    }

    private static KeyChoice keyValues(DynamoDbTableInfo table, String index, String hashAttribute,
                                       Constraint constraint) {
        String column = hashAttribute == null ? null : table.columnOf(hashAttribute);
        if (column == null) {
            return null;
        }
        Domain domain = constraint.domain(column).orElse(null);
        if (domain == null || domain.nullAllowed()) {
            return null;
        }
        List<Object> values;
        if (domain.values() instanceof ValueSet.SortedRanges ranges) {
            values = ranges.singleValues();
        } else if (domain.values() instanceof ValueSet.Equatable list && list.allowList()) {
            values = new ArrayList<>(list.values());
        } else {
            return null;
        }
        if (values == null || values.isEmpty() || values.size() > DynamoDbConnector.MAX_QUERY_KEYS) {
            return null;
        }
        AthenaType type = table.typeByColumn().get(column);
        for (Object value : values) {
            if (DynamoDbTypes.toAttribute(value, type) == null) {
                return null;
            }
        }
        return new KeyChoice(index, column, values);
    }

    static DynamoDbPlan of(DynamoDbTableInfo table, ScanRequest request, DynamoDbSplit split) {
        Builder builder = new Builder(table);
        Set<String> keyColumns = Set.of();
        String keyCondition = null;
        if (split.isQuery()) {
            String hashAttribute = table.hashKey();
            String rangeAttribute = table.rangeKey();
            if (split.index() != null) {
                DynamoDbTableInfo.Index index = table.indexes().stream()
                        .filter(i -> i.name().equals(split.index())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No index " + split.index()));
                hashAttribute = index.hashKey();
                rangeAttribute = index.rangeKey();
            }
            String hashColumn = table.columnOf(hashAttribute);
            keyCondition = builder.name(hashAttribute) + " = "
                    + builder.value(DynamoDbTypes.toAttribute(split.hashValue(), table.typeByColumn().get(hashColumn)));
            String rangeColumn = rangeAttribute == null ? null : table.columnOf(rangeAttribute);
            if (rangeColumn != null) {
                String range = builder.rangeKeyCondition(rangeColumn,
                        request.constraint().domain(rangeColumn).orElse(null));
                if (range != null) {
                    keyCondition += " AND " + range;
                }
                // A Query's filter may not name its key attributes.
                keyColumns = Set.of(hashColumn, rangeColumn);
            } else {
                keyColumns = Set.of(hashColumn);
            }
        }
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, Domain> entry : request.constraint().domains().entrySet()) {
            if (keyColumns.contains(entry.getKey()) || !table.typeByColumn().containsKey(entry.getKey())) {
                continue;
            }
            String condition = builder.condition(entry.getKey(), entry.getValue());
            if (condition != null) {
                conditions.add(condition);
            }
        }
        String filter = conditions.isEmpty() ? null : String.join(" AND ", conditions);
        String projection = null;
        if (!request.columns().isEmpty()) {
            List<String> projected = new ArrayList<>();
            for (String column : request.columns()) {
                String attribute = table.attributeByColumn().get(column);
                projected.add(builder.name(attribute == null ? column : attribute));
            }
            projection = String.join(", ", projected);
        }
        return new DynamoDbPlan(split.index(), keyCondition, filter, projection, builder.names, builder.values,
                split.segment(), split.totalSegments());
    }

    boolean isQuery() {
        return keyCondition != null;
    }

    /** Collects placeholders while expressions are written. */
    private static final class Builder {
        private final DynamoDbTableInfo table;
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, String> nameByAttribute = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        Builder(DynamoDbTableInfo table) {
            this.table = table;
        }

        String name(String attribute) {
            return nameByAttribute.computeIfAbsent(attribute, a -> {
                String placeholder = "#n" + names.size();
                names.put(placeholder, a);
                return placeholder;
            });
        }

        String value(AttributeValue value) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, value);
            return placeholder;
        }

        /** A range key condition for one range of values, or null when the domain is not one such range. */
        String rangeKeyCondition(String column, Domain domain) {
            if (domain == null || domain.nullAllowed() || !(domain.values() instanceof ValueSet.SortedRanges ranges)
                    || ranges.ranges().size() != 1) {
                return null;
            }
            AthenaType type = table.typeByColumn().get(column);
            if (type.kind() == AthenaType.Kind.BOOLEAN) {
                return null;
            }
            ValueSet.Range range = ranges.ranges().get(0);
            AttributeValue low = range.low().isUnbounded() ? null : DynamoDbTypes.toAttribute(range.low().value(),
                    type);
            AttributeValue high = range.high().isUnbounded() ? null : DynamoDbTypes.toAttribute(
                    range.high().value(), type);
            if (!range.low().isUnbounded() && low == null || !range.high().isUnbounded() && high == null) {
                return null;
            }
            String name = name(table.attributeByColumn().get(column));
            if (range.isSingleValue()) {
                return name + " = " + value(low);
            }
            if (low != null && high != null) {
                // A key condition takes one comparison: BETWEEN is inclusive at both ends.
                return range.low().inclusive() && range.high().inclusive()
                        ? name + " BETWEEN " + value(low) + " AND " + value(high) : null;
            }
            if (low != null) {
                return name + (range.low().inclusive() ? " >= " : " > ") + value(low);
            }
            if (high != null) {
                return name + (range.high().inclusive() ? " <= " : " < ") + value(high);
            }
            return null;
        }

        /**
         * A filter condition for a column's domain, or null when it cannot be said in DynamoDB's terms (NULL
         * allowed, types DynamoDB does not order as SQL does).
         */
        String condition(String column, Domain domain) {
            if (domain.isAll() || domain.nullAllowed() || domain.values().isAll()) {
                return null;
            }
            AthenaType type = table.typeByColumn().get(column);
            String name = name(table.attributeByColumn().get(column));
            ValueSet set = domain.values();
            if (set instanceof ValueSet.Equatable list) {
                List<String> operands = new ArrayList<>();
                for (Object value : list.values()) {
                    AttributeValue attribute = DynamoDbTypes.toAttribute(value, type);
                    if (attribute == null) {
                        return null;
                    }
                    operands.add(value(attribute));
                }
                return in(name, operands, !list.allowList());
            }
            if (!(set instanceof ValueSet.SortedRanges ranges)) {
                return null;
            }
            List<String> points = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            boolean ordered = type.kind() != AthenaType.Kind.BOOLEAN;
            for (ValueSet.Range range : ranges.ranges()) {
                AttributeValue low = range.low().isUnbounded() ? null
                        : DynamoDbTypes.toAttribute(range.low().value(), type);
                AttributeValue high = range.high().isUnbounded() ? null
                        : DynamoDbTypes.toAttribute(range.high().value(), type);
                if (!range.low().isUnbounded() && low == null || !range.high().isUnbounded() && high == null) {
                    return null;
                }
                if (range.isSingleValue()) {
                    points.add(value(low));
                    continue;
                }
                if (!ordered) {
                    return null;
                }
                if (low != null && high != null && range.low().inclusive() && range.high().inclusive()) {
                    parts.add(name + " BETWEEN " + value(low) + " AND " + value(high));
                } else {
                    List<String> bounds = new ArrayList<>();
                    if (low != null) {
                        bounds.add(name + (range.low().inclusive() ? " >= " : " > ") + value(low));
                    }
                    if (high != null) {
                        bounds.add(name + (range.high().inclusive() ? " <= " : " < ") + value(high));
                    }
                    if (bounds.isEmpty()) {
                        return null;
                    }
                    parts.add(bounds.size() == 1 ? bounds.get(0) : "(" + String.join(" AND ", bounds) + ")");
                }
            }
            if (!points.isEmpty()) {
                parts.add(in(name, points, false));
            }
            if (parts.isEmpty()) {
                return null;
            }
            return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
        }

        private static String in(String name, List<String> operands, boolean negated) {
            if (operands.isEmpty()) {
                return null;
            }
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < operands.size(); i += MAX_IN) {
                List<String> group = operands.subList(i, Math.min(operands.size(), i + MAX_IN));
                groups.add(group.size() == 1 ? name + " = " + group.get(0)
                        : name + " IN (" + String.join(", ", group) + ")");
            }
            String any = groups.size() == 1 ? groups.get(0) : "(" + String.join(" OR ", groups) + ")";
            return negated ? "(attribute_exists(" + name + ") AND NOT " + any + ")" : any;
        }
    }
}
