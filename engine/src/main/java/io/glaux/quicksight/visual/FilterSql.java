package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.expression.QuickSightType;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The conditions a definition's FilterGroups put on one visual: row conditions (WHERE), conditions on aggregated
 * values (HAVING, for filters with an AggregationFunction) and top/bottom filters (a row condition computed over the
 * rows the other row conditions keep).
 */
final class FilterSql {
    private final List<String> where = new ArrayList<>();
    private final List<String> having = new ArrayList<>();
    private final List<JsonNode> topBottom = new ArrayList<>();
    private final Fields fields;
    private final Parameters parameters;
    private final Clock clock;
    private final boolean aggregated;

    private FilterSql(Fields fields, Parameters parameters, Clock clock, boolean aggregated) {
        this.fields = fields;
        this.parameters = parameters;
        this.clock = clock;
        this.aggregated = aggregated;
    }

    /** The filters applying to visual {@code visualId} of sheet {@code sheetId}. */
    static FilterSql of(JsonNode definition, String sheetId, String visualId, Fields fields, Parameters parameters,
                        Clock clock, boolean aggregated) {
        FilterSql f = new FilterSql(fields, parameters, clock, aggregated);
        for (JsonNode group : Json.list(definition, "FilterGroups")) {
            if ("DISABLED".equals(Json.text(group, "Status")) || !inScope(group, sheetId, visualId)) {
                continue;
            }
            boolean allDatasets = "ALL_DATASETS".equals(Json.text(group, "CrossDataset"));
            for (JsonNode filter : Json.list(group, "Filters")) {
                f.add(filter, allDatasets, "FilterGroup " + Json.text(group, "FilterGroupId"));
            }
        }
        return f;
    }

    List<String> where(String relationSql) {
        List<String> all = new ArrayList<>(where);
        for (JsonNode tb : topBottom) {
            all.add(topBottom(tb, relationSql));
        }
        return all;
    }

    List<String> having() {
        return having;
    }

    private static boolean inScope(JsonNode group, String sheetId, String visualId) {
        JsonNode scope = Json.obj(group, "ScopeConfiguration");
        if (scope == null) {
            throw QuickSightException.invalid("FilterGroup " + Json.text(group, "FilterGroupId")
                    + " has no ScopeConfiguration");
        }
        if (Json.obj(scope, "AllSheets") != null) {
            return true;
        }
        for (JsonNode s : Json.list(Json.obj(scope, "SelectedSheets"), "SheetVisualScopingConfigurations")) {
            if (!sheetId.equals(Json.text(s, "SheetId"))) {
                continue;
            }
            if ("ALL_VISUALS".equals(Json.text(s, "Scope"))) {
                return true;
            }
            for (JsonNode v : Json.list(s, "VisualIds")) {
                if (visualId.equals(v.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void add(JsonNode filter, boolean allDatasets, String groupWhere) {
        String kind = Json.unionKind(filter);
        JsonNode f = kind == null ? null : filter.get(kind);
        String where = groupWhere + " " + kind + " " + Json.text(f, "FilterId");
        if (kind == null) {
            throw QuickSightException.invalid(groupWhere + " has an empty Filter");
        }
        JsonNode column = Json.obj(f, "Column");
        String columnName = Json.required(column, "ColumnName", where + " Column");
        String ds = Json.text(column, "DataSetIdentifier");
        if (ds != null && !ds.equals(fields.dataSetIdentifier())) {
            // Another dataset's filter applies when the group crosses datasets and this one has the same field.
            if (!allDatasets || !fields.has(columnName)) {
                return;
            }
        }
        Fields.Field field = fields.field(columnName, where);
        switch (kind) {
            case "CategoryFilter" -> category(f, field, where);
            case "NumericRangeFilter" -> numericRange(f, field, where);
            case "NumericEqualityFilter" -> numericEquality(f, field, where);
            case "TimeEqualityFilter" -> timeEquality(f, field, where);
            case "TimeRangeFilter" -> timeRange(f, field, where);
            case "RelativeDatesFilter" -> relativeDates(f, field, where);
            case "TopBottomFilter" -> topBottom.add(f);
            default -> throw QuickSightException.invalid(where + ": " + kind + " filters are not supported");
        }
    }

    // ---- category

    private void category(JsonNode f, Fields.Field field, String where) {
        JsonNode conf = Json.obj(f, "Configuration");
        String kind = Json.unionKind(conf);
        if (kind == null) {
            throw QuickSightException.invalid(where + " has no Configuration");
        }
        JsonNode c = conf.get(kind);
        String op = Json.required(c, "MatchOperator", where);
        String nullOption = Json.text(c, "NullOption");
        String x = field.type() == QuickSightType.STRING ? field.sql() : "CAST(" + field.sql() + " AS VARCHAR)";
        List<String> values = new ArrayList<>();
        boolean all = "FILTER_ALL_VALUES".equals(Json.text(c, "SelectAllOptions"));
        if (kind.equals("CustomFilterConfiguration") && !all) {
            String parameter = Json.text(c, "ParameterName");
            if (parameter != null) {
                Parameters.Value v = parameters.get(parameter, where);
                if (v.unset()) {
                    return; // a parameter with no value filters nothing
                }
                for (String literal : v.literals()) {
                    values.add(v.type() == QuickSightType.STRING ? literal : "CAST(" + literal + " AS VARCHAR)");
                }
            } else {
                values.add(Parameters.quote(Json.required(c, "CategoryValue", where)));
            }
        } else if (!all) {
            for (JsonNode v : Json.list(c, "CategoryValues")) {
                values.add(Parameters.quote(v.asText()));
            }
            if (values.isEmpty() && !"NULLS_ONLY".equals(nullOption)) {
                throw QuickSightException.invalid(where + " has no CategoryValues and no SelectAllOptions");
            }
        }
        String cond = all || values.isEmpty() ? null : switch (op) {
            case "EQUALS" -> x + " IN (" + String.join(", ", values) + ")";
            case "DOES_NOT_EQUAL" -> x + " NOT IN (" + String.join(", ", values) + ")";
            case "CONTAINS" -> any(values, v -> "strpos(" + x + ", " + v + ") > 0");
            case "DOES_NOT_CONTAIN" -> "NOT " + any(values, v -> "strpos(" + x + ", " + v + ") > 0");
            case "STARTS_WITH" -> any(values, v -> "starts_with(" + x + ", " + v + ")");
            case "ENDS_WITH" -> any(values, v -> "ends_with(" + x + ", " + v + ")");
            default -> throw QuickSightException.invalid(where + ": unknown MatchOperator " + op);
        };
        addRow(nulls(cond, field.sql(), nullOption, where));
    }

    private static String any(List<String> values, java.util.function.Function<String, String> test) {
        return values.stream().map(test).collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** {@code cond} with a FilterNullOption applied to {@code x}; null when nothing is filtered. */
    private static String nulls(String cond, String x, String nullOption, String where) {
        if (nullOption == null) {
            return cond;
        }
        return switch (nullOption) {
            case "NULLS_ONLY" -> x + " IS NULL";
            case "NON_NULLS_ONLY" -> cond == null ? x + " IS NOT NULL" : "(" + x + " IS NOT NULL AND " + cond + ")";
            case "ALL_VALUES" -> cond == null ? null : "(" + x + " IS NULL OR " + cond + ")";
            default -> throw QuickSightException.invalid(where + ": unknown NullOption " + nullOption);
        };
    }

    private void addRow(String cond) {
        if (cond != null) {
            where.add(cond);
        }
    }

    // ---- numbers

    /** The value a numeric filter compares: the field, or its aggregate when the filter has an AggregationFunction. */
    private String numericTarget(JsonNode f, Fields.Field field, String where) {
        JsonNode agg = Json.obj(f, "AggregationFunction");
        if (agg == null) {
            if (field.aggregate()) {
                checkAggregated(where);
            }
            if (field.type() != QuickSightType.INTEGER && field.type() != QuickSightType.DECIMAL
                    && !field.aggregate()) {
                throw QuickSightException.invalid(where + " needs a numeric column; it has a " + field.type());
            }
            return field.sql();
        }
        checkAggregated(where);
        return Aggregations.of(agg, field, where).sql();
    }

    private void checkAggregated(String where) {
        if (!aggregated) {
            throw QuickSightException.invalid(where + " filters aggregated values, but the visual does not aggregate");
        }
    }

    private void addNumeric(JsonNode f, Fields.Field field, String x, String cond, String where) {
        String c = nulls(cond, x, Json.text(f, "NullOption"), where);
        if (c == null) {
            return;
        }
        boolean aggregate = Json.obj(f, "AggregationFunction") != null || field.aggregate();
        (aggregate ? having : this.where).add(c);
    }

    private void numericRange(JsonNode f, Fields.Field field, String where) {
        String x = numericTarget(f, field, where);
        List<String> parts = new ArrayList<>();
        if (!"FILTER_ALL_VALUES".equals(Json.text(f, "SelectAllOptions"))) {
            bound(Json.obj(f, "RangeMinimum"), x, f.path("IncludeMinimum").asBoolean(true) ? ">=" : ">", where, parts);
            bound(Json.obj(f, "RangeMaximum"), x, f.path("IncludeMaximum").asBoolean(true) ? "<=" : "<", where, parts);
        }
        addNumeric(f, field, x, parts.isEmpty() ? null : "(" + String.join(" AND ", parts) + ")", where);
    }

    private void bound(JsonNode value, String x, String op, String where, List<String> parts) {
        if (value == null) {
            return;
        }
        String literal = numberValue(value.get("StaticValue"), Json.text(value, "Parameter"), where);
        if (literal != null) {
            parts.add(x + " " + op + " " + literal);
        }
    }

    /** A static number or a parameter's value as SQL; null for a parameter without a value. */
    private String numberValue(JsonNode staticValue, String parameter, String where) {
        if (parameter != null) {
            Parameters.Value v = parameters.get(parameter, where);
            if (v.type() != QuickSightType.INTEGER && v.type() != QuickSightType.DECIMAL) {
                throw QuickSightException.invalid(where + " needs a numeric parameter; " + parameter + " is "
                        + v.type());
            }
            return v.unset() ? null : v.single(where);
        }
        if (staticValue == null || !staticValue.isNumber()) {
            throw QuickSightException.invalid(where + " has neither a static value nor a parameter");
        }
        return "CAST(" + staticValue.asDouble() + " AS DOUBLE)";
    }

    private void numericEquality(JsonNode f, Fields.Field field, String where) {
        String x = numericTarget(f, field, where);
        String cond = null;
        if (!"FILTER_ALL_VALUES".equals(Json.text(f, "SelectAllOptions"))) {
            String value = numberValue(f.get("Value"), Json.text(f, "ParameterName"), where);
            if (value != null) {
                String op = switch (Json.required(f, "MatchOperator", where)) {
                    case "EQUALS" -> "=";
                    case "DOES_NOT_EQUAL" -> "<>";
                    default -> throw QuickSightException.invalid(where + ": unknown MatchOperator "
                            + Json.text(f, "MatchOperator"));
                };
                cond = x + " " + op + " " + value;
            }
        }
        addNumeric(f, field, x, cond, where);
    }

    // ---- dates

    private String dateTarget(Fields.Field field, String where) {
        if (field.type() != QuickSightType.DATETIME || field.aggregate()) {
            throw QuickSightException.invalid(where + " needs a date column; it has a " + field.type());
        }
        return "CAST(" + field.sql() + " AS TIMESTAMP(3))";
    }

    /** A Timestamp, a DateTime parameter's value or a RollingDate expression as SQL; null for an unset parameter. */
    private String dateValue(JsonNode staticValue, String parameter, JsonNode rolling, String where) {
        if (parameter != null) {
            Parameters.Value v = parameters.get(parameter, where);
            if (v.type() != QuickSightType.DATETIME) {
                throw QuickSightException.invalid(where + " needs a DateTime parameter; " + parameter + " is "
                        + v.type());
            }
            return v.unset() ? null : v.single(where);
        }
        if (rolling != null) {
            Fields.Field r = fields.expression(Json.required(rolling, "Expression", where + " RollingDate"),
                    where + " RollingDate");
            if (r.type() != QuickSightType.DATETIME || r.aggregate()) {
                throw QuickSightException.invalid(where + " RollingDate expression must give a date");
            }
            return "CAST(" + r.sql() + " AS TIMESTAMP(3))";
        }
        if (staticValue == null || staticValue.isNull()) {
            throw QuickSightException.invalid(where + " has no value, parameter or rolling date");
        }
        return Dates.literal(Dates.parse(staticValue.asText(), where));
    }

    private static String trunc(String granularity, String sql) {
        return granularity == null ? sql : Dates.truncSql(granularity, sql);
    }

    private String granularity(JsonNode f, String where) {
        String g = Json.text(f, "TimeGranularity");
        return g == null ? null : Dates.granularity(g, where);
    }

    private void timeEquality(JsonNode f, Fields.Field field, String where) {
        String x = dateTarget(field, where);
        String g = granularity(f, where);
        String value = dateValue(f.get("Value"), Json.text(f, "ParameterName"), Json.obj(f, "RollingDate"), where);
        if (value != null) {
            where().add(trunc(g, x) + " = " + trunc(g, value));
        }
    }

    private List<String> where() {
        return where;
    }

    private void timeRange(JsonNode f, Fields.Field field, String where) {
        refuseExcludePeriod(f, where);
        String x = dateTarget(field, where);
        String g = granularity(f, where);
        List<String> parts = new ArrayList<>();
        for (String side : List.of("Minimum", "Maximum")) {
            JsonNode v = Json.obj(f, "Range" + side + "Value");
            if (v == null) {
                continue;
            }
            String value = dateValue(v.get("StaticValue"), Json.text(v, "Parameter"), Json.obj(v, "RollingDate"),
                    where);
            if (value != null) {
                boolean include = f.path("Include" + side).asBoolean(true);
                String op = side.equals("Minimum") ? (include ? ">=" : ">") : (include ? "<=" : "<");
                parts.add(trunc(g, x) + " " + op + " " + trunc(g, value));
            }
        }
        addRow(nulls(parts.isEmpty() ? null : "(" + String.join(" AND ", parts) + ")", x,
                Json.text(f, "NullOption"), where));
    }

    private static void refuseExcludePeriod(JsonNode f, String where) {
        JsonNode ex = Json.obj(f, "ExcludePeriodConfiguration");
        if (ex != null && !"DISABLED".equals(Json.text(ex, "Status"))) {
            throw QuickSightException.invalid(where + ": ExcludePeriodConfiguration is not supported");
        }
    }

    private void relativeDates(JsonNode f, Fields.Field field, String where) {
        refuseExcludePeriod(f, where);
        String x = dateTarget(field, where);
        String g = Dates.granularity(Json.required(f, "TimeGranularity", where), where);
        JsonNode anchorConf = Json.obj(f, "AnchorDateConfiguration");
        String anchorParameter = Json.text(anchorConf, "ParameterName");
        String anchor;
        if (anchorParameter != null) {
            anchor = dateValue(null, anchorParameter, null, where);
            if (anchor == null) {
                return;
            }
        } else {
            anchor = Dates.literal(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
        String type = Json.required(f, "RelativeDateType", where);
        long n = 1;
        if (type.equals("LAST") || type.equals("NEXT")) {
            String parameter = Json.text(f, "ParameterName");
            if (parameter != null) {
                Parameters.Value v = parameters.get(parameter, where);
                if (v.type() != QuickSightType.INTEGER) {
                    throw QuickSightException.invalid(where + " needs an Integer parameter; " + parameter + " is "
                            + v.type());
                }
                if (v.unset()) {
                    return;
                }
                n = Long.parseLong(v.single(where).replaceAll("[^0-9-]", ""));
            } else {
                JsonNode value = f.get("RelativeDateValue");
                if (value == null || !value.canConvertToLong()) {
                    throw QuickSightException.invalid(where + ": " + type + " needs a RelativeDateValue");
                }
                n = value.asLong();
            }
            if (n < 0) {
                throw QuickSightException.invalid(where + ": RelativeDateValue must not be negative");
            }
        }
        String p = Dates.truncSql(g, anchor);
        String unit = "'" + g.toLowerCase(Locale.ROOT) + "'";
        java.util.function.LongFunction<String> shift = k -> k == 0 ? p : "date_add(" + unit + ", " + k + ", " + p + ")";
        String cond = switch (type) {
            case "THIS" -> x + " >= " + p + " AND " + x + " < " + shift.apply(1);
            case "PREVIOUS" -> x + " >= " + shift.apply(-1) + " AND " + x + " < " + p;
            case "NOW" -> x + " >= " + p + " AND " + x + " <= " + anchor;
            case "LAST" -> x + " >= " + shift.apply(-n) + " AND " + x + " <= " + anchor;
            case "NEXT" -> x + " >= " + anchor + " AND " + x + " < " + shift.apply(n + 1);
            default -> throw QuickSightException.invalid(where + ": unknown RelativeDateType " + type);
        };
        addRow(nulls("(" + cond + ")", x, Json.text(f, "NullOption"), where));
    }

    // ---- top / bottom

    private String topBottom(JsonNode f, String relationSql) {
        String where = "TopBottomFilter " + Json.text(f, "FilterId");
        Fields.Field field = fields.field(Json.required(Json.obj(f, "Column"), "ColumnName", where), where);
        String g = granularity(f, where);
        String category = g != null && field.type() == QuickSightType.DATETIME ? Dates.truncSql(g, field.sql())
                : field.sql();
        long limit;
        String parameter = Json.text(f, "ParameterName");
        if (parameter != null) {
            Parameters.Value v = parameters.get(parameter, where);
            if (v.type() != QuickSightType.INTEGER) {
                throw QuickSightException.invalid(where + " needs an Integer parameter; " + parameter + " is "
                        + v.type());
            }
            if (v.unset()) {
                return "TRUE";
            }
            limit = Long.parseLong(v.single(where).replaceAll("[^0-9-]", ""));
        } else {
            JsonNode l = f.get("Limit");
            if (l == null || !l.canConvertToLong()) {
                throw QuickSightException.invalid(where + " has no Limit");
            }
            limit = l.asLong();
        }
        if (limit < 0) {
            throw QuickSightException.invalid(where + ": Limit must not be negative");
        }
        List<String> order = new ArrayList<>();
        for (JsonNode s : Json.list(f, "AggregationSortConfigurations")) {
            Fields.Field sortField = fields.column(Json.obj(s, "Column"), where);
            JsonNode agg = Json.obj(s, "AggregationFunction");
            String sql = agg == null ? Aggregations.apply(sortField.type() == QuickSightType.STRING
                    || sortField.type() == QuickSightType.DATETIME ? "COUNT" : "SUM", null, sortField, where).sql()
                    : Aggregations.of(agg, sortField, where).sql();
            String dir = "ASC".equals(Json.text(s, "SortDirection")) ? "ASC NULLS LAST" : "DESC NULLS LAST";
            order.add(sql + " " + dir);
        }
        if (order.isEmpty()) {
            throw QuickSightException.invalid(where + " has no AggregationSortConfigurations");
        }
        order.add(category + " ASC NULLS LAST");
        return category + " IN (SELECT " + category + " FROM " + relationSql + " "
                + (this.where.isEmpty() ? "" : "WHERE " + String.join(" AND ", this.where) + " ")
                + "GROUP BY " + category + " ORDER BY " + String.join(", ", order) + " LIMIT " + limit + ")";
    }
}
