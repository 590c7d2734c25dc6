package io.glaux.connectors.federation;

import com.amazonaws.athena.connector.lambda.domain.predicate.AllOrNoneValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.EquatableValueSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.Marker;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.domain.predicate.Range;
import com.amazonaws.athena.connector.lambda.domain.predicate.SortedRangeSet;
import com.amazonaws.athena.connector.lambda.domain.predicate.ValueSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test connector received in one request, copied out of the SDK's objects (which are closed with the
 * request): the constraint summary described per column, the limit, the order, the projected columns.
 */
record Received(String type, String catalogName, String queryId, String table, List<String> columns,
                Map<String, String> summary, long limit, List<String> orderBy, String continuationToken) {

    static Received of(String type, String catalogName, String queryId, String table, List<String> columns,
                       Constraints constraints, String continuationToken) {
        Map<String, String> summary = new LinkedHashMap<>();
        constraints.getSummary().forEach((column, values) -> summary.put(column, describe(values)));
        List<String> order = new ArrayList<>();
        for (OrderByField field : constraints.getOrderByClause()) {
            order.add(field.getColumnName() + " " + field.getDirection().name());
        }
        return new Received(type, catalogName, queryId, table, columns, summary, constraints.getLimit(), order,
                continuationToken);
    }

    /**
     * A value set in a few words: {@code SortedRangeSet[(2005, +inf)] nulls=false}, {@code
     * EquatableValueSet[allow a, b] nulls=false}, {@code AllOrNoneValueSet[none] nulls=true}.
     */
    static String describe(ValueSet values) {
        String nulls = " nulls=" + values.isNullAllowed();
        if (values instanceof SortedRangeSet ranges) {
            List<String> described = new ArrayList<>();
            for (Range range : ranges.getOrderedRanges()) {
                described.add(low(range.getLow()) + ", " + high(range.getHigh()));
            }
            return "SortedRangeSet" + described + nulls;
        }
        if (values instanceof EquatableValueSet set) {
            List<String> listed = new ArrayList<>();
            for (int i = 0; i < set.getValueBlock().getRowCount(); i++) {
                listed.add(String.valueOf(set.getValue(i)));
            }
            return "EquatableValueSet[" + (set.isWhiteList() ? "allow " : "exclude ") + String.join(", ", listed)
                    + "]" + nulls;
        }
        if (values instanceof AllOrNoneValueSet set) {
            // The SDK's isAll() also asks for NULL; whether every non-null value is in is what a value answers.
            return "AllOrNoneValueSet[" + (set.containsValue((Object) "any value") ? "all" : "none") + "]" + nulls;
        }
        return values.getClass().getSimpleName() + nulls;
    }

    private static String low(Marker marker) {
        if (marker.isLowerUnbounded()) {
            return "(-inf";
        }
        return (marker.getBound() == Marker.Bound.EXACTLY ? "[" : "(") + marker.getValue();
    }

    private static String high(Marker marker) {
        if (marker.isUpperUnbounded()) {
            return "+inf)";
        }
        return marker.getValue() + (marker.getBound() == Marker.Bound.EXACTLY ? "]" : ")");
    }
}
