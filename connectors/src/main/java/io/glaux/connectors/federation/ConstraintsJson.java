package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.connector.Constraint;
import io.glaux.connector.Domain;
import io.glaux.connector.SortItem;
import io.glaux.connector.ValueSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The engine's {@link Constraint} as the SDK's Constraints: a summary of one ValueSet per column, typed by the
 * column's Arrow type (SortedRangeSet of Ranges between Markers, EquatableValueSet, AllOrNoneValueSet), and from serde
 * version 4 on the order-by clause and limit. A column whose domain has no exact form in its Arrow type is left out,
 * which only widens what the function returns; the summary then no longer says all the constraint says.
 */
final class ConstraintsJson {

    /** The summary, and whether it says everything the engine's constraint says. */
    record Summary(ObjectNode summary, boolean exact) {
    }

    private final int serdeVersion;
    private final BufferAllocator allocator;
    private final String allocatorId;

    ConstraintsJson(int serdeVersion, BufferAllocator allocator, String allocatorId) {
        this.serdeVersion = serdeVersion;
        this.allocator = allocator;
        this.allocatorId = allocatorId;
    }

    /** @param fields the table's Arrow fields by lower-case name */
    Summary summary(Constraint constraint, Map<String, Field> fields) {
        ObjectNode summary = ProtocolJson.MAPPER.createObjectNode();
        boolean exact = true;
        for (Map.Entry<String, Domain> entry : constraint.domains().entrySet()) {
            String column = entry.getKey().toLowerCase(java.util.Locale.ROOT);
            Field field = fields.get(column);
            if (entry.getValue().isAll()) {
                continue;
            }
            ObjectNode valueSet = field == null ? null : valueSet(field.getType(), entry.getValue());
            if (valueSet == null) {
                exact = false;
            } else {
                summary.set(field.getName(), valueSet);
            }
        }
        return new Summary(summary, exact);
    }

    /** The Constraints object: the summary and, from version 4, the order and limit ({@code -1}: none). */
    ObjectNode constraints(ObjectNode summary, List<SortItem> orderBy, OptionalLong limit,
                           Map<String, Field> fields) {
        ObjectNode constraints = ProtocolJson.MAPPER.createObjectNode();
        constraints.set("summary", summary);
        if (serdeVersion >= 4) {
            constraints.putArray("expression");
            ArrayNode order = constraints.putArray("orderByClause");
            for (SortItem item : orderBy) {
                Field field = fields.get(item.column().toLowerCase(java.util.Locale.ROOT));
                order.addObject().put("columnName", field == null ? item.column() : field.getName())
                        .put("direction", (item.ascending() ? "ASC" : "DESC")
                                + (item.nullsFirst() ? "_NULLS_FIRST" : "_NULLS_LAST"));
            }
            constraints.put("limit", limit.orElse(-1));
        }
        if (serdeVersion >= 5) {
            constraints.putObject("queryPassthroughArguments");
        }
        if (serdeVersion >= 6) {
            constraints.putNull("queryPlan");
        }
        return constraints;
    }

    private ObjectNode valueSet(ArrowType type, Domain domain) {
        try {
            if (ValueBlocks.supports(type)) {
                ValueSet values = domain.values();
                if (values instanceof ValueSet.AllOrNone all) {
                    // Athena sends "everything" and "nothing" of an orderable type as ranges, too.
                    return sortedRanges(type, all.all() ? List.of(ValueSet.Range.all()) : List.of(),
                            domain.nullAllowed());
                }
                if (values instanceof ValueSet.SortedRanges ranges) {
                    return sortedRanges(type, ranges.ranges(), domain.nullAllowed());
                }
                return equatable(type, (ValueSet.Equatable) values, domain.nullAllowed());
            }
            if (domain.values() instanceof ValueSet.AllOrNone all && ProtocolJson.arrowType(type) != null) {
                ObjectNode set = ProtocolJson.typed("AllOrNoneValueSet");
                set.set("type", ProtocolJson.arrowType(type));
                return set.put("all", all.all()).put("nullAllowed", domain.nullAllowed());
            }
            return null;
        } catch (ValueBlocks.Unrepresentable e) {
            return null;
        }
    }

    private ObjectNode sortedRanges(ArrowType type, List<ValueSet.Range> ranges, boolean nullAllowed)
            throws ValueBlocks.Unrepresentable {
        ObjectNode set = ProtocolJson.typed("SortedRangeSet");
        set.set("type", ProtocolJson.arrowType(type));
        ArrayNode array = set.putArray("ranges");
        for (ValueSet.Range range : ranges) {
            ObjectNode node = array.addObject();
            node.set("low", marker(type, range.low(), true));
            node.set("high", marker(type, range.high(), false));
        }
        return set.put("nullAllowed", nullAllowed);
    }

    /** A range's end: EXACTLY the value when inclusive, else just ABOVE (low) or BELOW (high); unbounded as null. */
    private ObjectNode marker(ArrowType type, ValueSet.Bound bound, boolean low) throws ValueBlocks.Unrepresentable {
        ObjectNode marker = ProtocolJson.MAPPER.createObjectNode();
        List<Object> values = bound.isUnbounded() ? List.of() : List.of(bound.value());
        marker.set("valueBlock", block(type, values));
        String side = low ? "ABOVE" : "BELOW";
        marker.put("bound", bound.inclusive() ? "EXACTLY" : side);
        return marker.put("nullValue", bound.isUnbounded());
    }

    private ObjectNode equatable(ArrowType type, ValueSet.Equatable list, boolean nullAllowed)
            throws ValueBlocks.Unrepresentable {
        ObjectNode set = ProtocolJson.typed("EquatableValueSet");
        set.set("valueBlock", block(type, list.values()));
        return set.put("whiteList", list.allowList()).put("nullAllowed", nullAllowed);
    }

    private ObjectNode block(ArrowType type, java.util.Collection<?> values) throws ValueBlocks.Unrepresentable {
        byte[][] block = ValueBlocks.write(type, values, allocator, serdeVersion);
        return ProtocolJson.block(allocatorId, block[0], block[1]);
    }
}
