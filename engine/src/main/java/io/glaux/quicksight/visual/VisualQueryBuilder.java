package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.expression.QuickSightType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the SQL computing one visual's data from an analysis or dashboard {@code Definition}: its field wells
 * (dimensions grouped, measures aggregated), date granularities, calculated fields, sort and item limits, the filter
 * groups in scope, parameter values and the caller's drill-down. See the package documentation for the behaviour.
 * Stateless apart from its clock and row limit; safe to share.
 */
public final class VisualQueryBuilder {
    /** Default number of rows an unaggregated table reads. */
    public static final int DEFAULT_ROW_LIMIT = 10_000;

    private static final List<String> DATE_DRILL =
            List.of("YEAR", "QUARTER", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND");

    private final Clock clock;
    private final int rowLimit;

    public VisualQueryBuilder() {
        this(Clock.systemUTC(), DEFAULT_ROW_LIMIT);
    }

    /**
     * @param clock    what NOW is for relative date filters
     * @param rowLimit how many rows an unaggregated table reads at most
     */
    public VisualQueryBuilder(Clock clock, int rowLimit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (rowLimit < 1) {
            throw new IllegalArgumentException("rowLimit must be positive");
        }
        this.rowLimit = rowLimit;
    }

    /**
     * The SQL of visual {@code visualId}'s data.
     *
     * @param definition the analysis or dashboard Definition JSON
     * @param sources    by DataSetIdentifier, the relation and columns of each dataset
     * @param parameters parameter name to values given by the caller; others take their declared defaults
     * @param drillDown  the drill-down chosen by the caller, per hierarchy in order (may be empty)
     * @throws QuickSightException NOT_FOUND for an unknown visual, INVALID for a definition or request it cannot run
     */
    public VisualQuery build(JsonNode definition, String visualId, Map<String, VisualSource> sources,
                             Map<String, List<String>> parameters, List<DrillStep> drillDown) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(visualId, "visualId");
        return new Build(definition, visualId, sources == null ? Map.of() : sources,
                parameters == null ? Map.of() : parameters, drillDown == null ? List.of() : drillDown).run();
    }

    /** A dimension of the visual as its field wells give it. */
    private record Dimension(String fieldId, String kind, JsonNode column, String granularity, String hierarchyId) {
    }

    /** A dimension or measure as SQL in the SELECT list. */
    private record Item(String fieldId, String sql, QuickSightType type) {
    }

    private final class Build {
        private final JsonNode definition;
        private final String visualId;
        private final Map<String, VisualSource> sources;
        private final Map<String, List<String>> parameterValues;
        private final List<DrillStep> drillDown;

        private String sheetId;
        private String kind;
        private JsonNode visual;
        private Fields fields;
        private final List<String> drillConditions = new ArrayList<>();

        Build(JsonNode definition, String visualId, Map<String, VisualSource> sources,
              Map<String, List<String>> parameterValues, List<DrillStep> drillDown) {
            this.definition = definition;
            this.visualId = visualId;
            this.sources = sources;
            this.parameterValues = parameterValues;
            this.drillDown = drillDown;
        }

        VisualQuery run() {
            findVisual();
            JsonNode conf = Json.obj(visual, "ChartConfiguration");
            JsonNode wells = Json.obj(conf, "FieldWells");
            JsonNode sort = Json.obj(conf, "SortConfiguration");
            List<Dimension> dims = new ArrayList<>();
            List<JsonNode> measures = new ArrayList<>();
            List<JsonNode> sorts = new ArrayList<>();
            JsonNode limit = null;
            int limitedDims = 0; // how many leading dimensions the items limit counts
            String defaultOrder; // MEASURE_DESC or DIMENSIONS
            switch (kind) {
                case "BarChartVisual", "LineChartVisual", "PieChartVisual" -> {
                    String wellsName = kind.replace("Visual", "AggregatedFieldWells");
                    JsonNode w = Json.obj(wells, wellsName);
                    dims.addAll(dimensions(w, "Category"));
                    limitedDims = dims.size();
                    dims.addAll(dimensions(w, "Colors"));
                    dims.addAll(dimensions(w, "SmallMultiples"));
                    measures.addAll(Json.list(w, "Values"));
                    sorts.addAll(Json.list(sort, "CategorySort"));
                    sorts.addAll(Json.list(sort, "ColorSort"));
                    sorts.addAll(Json.list(sort, "SmallMultiplesSort"));
                    limit = Json.obj(sort, kind.equals("LineChartVisual")
                            ? "CategoryItemsLimitConfiguration" : "CategoryItemsLimit");
                    for (String other : List.of("ColorItemsLimit", "ColorItemsLimitConfiguration",
                            "SmallMultiplesLimitConfiguration")) {
                        if (Json.obj(sort, other) != null) {
                            throw QuickSightException.invalid("Visual " + visualId + ": " + other
                                    + " is not supported");
                        }
                    }
                    defaultOrder = kind.equals("LineChartVisual") ? "DIMENSIONS" : "MEASURE_DESC";
                }
                case "TableVisual" -> {
                    JsonNode unaggregated = Json.obj(wells, "TableUnaggregatedFieldWells");
                    if (unaggregated != null) {
                        return unaggregatedTable(unaggregated, Json.list(sort, "RowSort"));
                    }
                    JsonNode w = Json.obj(wells, "TableAggregatedFieldWells");
                    dims.addAll(dimensions(w, "GroupBy"));
                    measures.addAll(Json.list(w, "Values"));
                    sorts.addAll(Json.list(sort, "RowSort"));
                    defaultOrder = "DIMENSIONS";
                }
                case "PivotTableVisual" -> {
                    JsonNode w = Json.obj(wells, "PivotTableAggregatedFieldWells");
                    dims.addAll(dimensions(w, "Rows"));
                    dims.addAll(dimensions(w, "Columns"));
                    measures.addAll(Json.list(w, "Values"));
                    for (JsonNode o : Json.list(sort, "FieldSortOptions")) {
                        JsonNode by = Json.obj(o, "SortBy");
                        if (Json.obj(by, "DataPath") != null) {
                            throw QuickSightException.invalid("Visual " + visualId
                                    + ": pivot table DataPath sorts are not supported");
                        }
                        sorts.add(by);
                    }
                    defaultOrder = "DIMENSIONS";
                }
                case "KPIVisual" -> {
                    dims.addAll(dimensions(wells, "TrendGroups"));
                    measures.addAll(Json.list(wells, "Values"));
                    measures.addAll(Json.list(wells, "TargetValues"));
                    sorts.addAll(Json.list(sort, "TrendGroupSort"));
                    defaultOrder = "DIMENSIONS";
                }
                default -> throw QuickSightException.invalid("Visual " + visualId + " is a " + kind
                        + ", which Glaux cannot compute; supported: BarChartVisual, LineChartVisual, "
                        + "PieChartVisual, TableVisual, PivotTableVisual, KPIVisual");
            }
            if (dims.isEmpty() && measures.isEmpty()) {
                throw QuickSightException.invalid("Visual " + visualId + " has no fields in its field wells");
            }
            List<JsonNode> columns = new ArrayList<>();
            dims.forEach(d -> columns.add(d.column()));
            for (JsonNode m : measures) {
                JsonNode inner = m.get(Json.unionKind(m));
                columns.add(Json.obj(inner, "Column"));
            }
            useDataset(columns);

            List<Item> dimItems = new ArrayList<>();
            for (Dimension d : dims) {
                dimItems.add(dimension(drill(d)));
            }
            checkDrillStepsUsed(dims);
            List<Item> measureItems = new ArrayList<>();
            for (JsonNode m : measures) {
                measureItems.add(measure(m));
            }
            List<Item> all = new ArrayList<>(dimItems);
            all.addAll(measureItems);
            checkUnique(all);

            FilterSql filters = FilterSql.of(definition, sheetId, visualId, fields, parameters(), clock, true);
            String relation = relation();
            List<String> where = new ArrayList<>(filters.where(relation));
            where.addAll(drillConditions);

            List<String> order = new ArrayList<>();
            for (JsonNode s : sorts) {
                order.add(sortKey(s, all));
            }
            if (sorts.isEmpty() && defaultOrder.equals("MEASURE_DESC") && !measureItems.isEmpty()) {
                order.add(measureItems.get(0).sql() + " DESC NULLS LAST");
            }
            for (Item d : dimItems) {
                order.add(d.sql() + " ASC NULLS LAST");
            }

            String limitSql = "";
            if (limit != null && limit.hasNonNull("ItemsLimit")) {
                if ("INCLUDE".equals(Json.text(limit, "OtherCategories"))) {
                    throw QuickSightException.invalid("Visual " + visualId + ": an items limit with "
                            + "OtherCategories INCLUDE (an \"Other\" row) is not supported; use EXCLUDE");
                }
                if (limitedDims != dims.size()) {
                    throw QuickSightException.invalid("Visual " + visualId + ": an items limit on the category is "
                            + "not supported together with Colors or SmallMultiples");
                }
                long n = limit.get("ItemsLimit").asLong();
                if (n < 0) {
                    throw QuickSightException.invalid("Visual " + visualId + ": ItemsLimit must not be negative");
                }
                limitSql = " LIMIT " + n;
            }

            return assemble(all, relation, where, dimItems.isEmpty() ? List.of() : dimItems, filters.having(),
                    dimItems.isEmpty() ? List.of() : order, limitSql);
        }

        private VisualQuery unaggregatedTable(JsonNode wells, List<JsonNode> sorts) {
            List<JsonNode> values = Json.list(wells, "Values");
            if (values.isEmpty()) {
                throw QuickSightException.invalid("Visual " + visualId + " has no fields in its field wells");
            }
            useDataset(values.stream().map(v -> Json.obj(v, "Column")).toList());
            if (!drillDown.isEmpty()) {
                throw QuickSightException.invalid("Visual " + visualId + ": an unaggregated table has no drill-down");
            }
            List<Item> items = new ArrayList<>();
            for (JsonNode v : values) {
                String id = Json.required(v, "FieldId", "An UnaggregatedField");
                Fields.Field f = fields.column(Json.obj(v, "Column"), "Field " + id);
                if (f.aggregate()) {
                    throw QuickSightException.invalid("Field " + id + ": an aggregate calculated field cannot be "
                            + "shown in an unaggregated table");
                }
                items.add(new Item(id, f.sql(), f.type()));
            }
            checkUnique(items);
            FilterSql filters = FilterSql.of(definition, sheetId, visualId, fields, parameters(), clock, false);
            String relation = relation();
            List<String> where = filters.where(relation);
            List<String> order = new ArrayList<>();
            for (JsonNode s : sorts) {
                order.add(sortKey(s, items));
            }
            return assemble(items, relation, where, List.of(), List.of(), order, " LIMIT " + rowLimit);
        }

        // ---- the visual and its dataset

        private void findVisual() {
            for (JsonNode sheet : Json.list(definition, "Sheets")) {
                for (JsonNode v : Json.list(sheet, "Visuals")) {
                    String k = Json.unionKind(v);
                    if (k != null && visualId.equals(Json.text(v.get(k), "VisualId"))) {
                        sheetId = Json.text(sheet, "SheetId");
                        kind = k;
                        visual = v.get(k);
                        return;
                    }
                }
            }
            throw QuickSightException.notFound(null, "Visual " + visualId + " is not in the definition");
        }

        private void useDataset(List<JsonNode> columns) {
            String ds = null;
            for (JsonNode c : columns) {
                String d = Json.text(c, "DataSetIdentifier");
                if (d == null) {
                    continue;
                }
                if (ds != null && !ds.equals(d)) {
                    throw QuickSightException.invalid("Visual " + visualId + " reads datasets " + ds + " and " + d
                            + "; a visual reads one dataset");
                }
                ds = d;
            }
            if (ds == null) {
                if (sources.size() != 1) {
                    throw QuickSightException.invalid("Visual " + visualId + " names no dataset in its fields");
                }
                ds = sources.keySet().iterator().next();
            }
            VisualSource source = sources.get(ds);
            if (source == null) {
                throw QuickSightException.invalid("Visual " + visualId + " reads dataset identifier " + ds
                        + ", which has no source");
            }
            fields = new Fields(definition, ds, source, parameters());
        }

        private Parameters parametersCache;

        private Parameters parameters() {
            if (parametersCache == null) {
                parametersCache = new Parameters(definition, parameterValues);
            }
            return parametersCache;
        }

        private String relation() {
            return sources.get(fields.dataSetIdentifier()).relationSql() + " AS \"glaux_visual_source\"";
        }

        // ---- dimensions and measures

        private List<Dimension> dimensions(JsonNode wells, String well) {
            List<Dimension> out = new ArrayList<>();
            for (JsonNode d : Json.list(wells, well)) {
                String k = Json.unionKind(d);
                if (k == null) {
                    throw QuickSightException.invalid("Visual " + visualId + " has an empty field in " + well);
                }
                JsonNode f = d.get(k);
                String id = Json.required(f, "FieldId", k);
                String g = null;
                if (k.equals("DateDimensionField")) {
                    String given = Json.text(f, "DateGranularity");
                    g = given == null ? "DAY" : Dates.granularity(given, "Field " + id);
                } else if (!k.equals("CategoricalDimensionField") && !k.equals("NumericalDimensionField")) {
                    throw QuickSightException.invalid("Field " + id + ": unknown dimension field " + k);
                }
                out.add(new Dimension(id, k, Json.obj(f, "Column"), g, Json.text(f, "HierarchyId")));
            }
            return out;
        }

        private Item dimension(Dimension d) {
            String where = "Field " + d.fieldId();
            Fields.Field f = fields.column(d.column(), where);
            if (f.aggregate()) {
                throw QuickSightException.invalid(where + ": an aggregate calculated field cannot be a dimension");
            }
            if (d.granularity() != null) {
                if (f.type() != QuickSightType.DATETIME) {
                    throw QuickSightException.invalid(where + " is a date dimension over a " + f.type()
                            + " field");
                }
                return new Item(d.fieldId(), Dates.truncSql(d.granularity(), f.sql()), QuickSightType.DATETIME);
            }
            return new Item(d.fieldId(), f.sql(), f.type());
        }

        private Item measure(JsonNode m) {
            String k = Json.unionKind(m);
            JsonNode f = k == null ? null : m.get(k);
            String id = Json.required(f, "FieldId", "A measure field");
            String where = "Field " + id;
            if ("CalculatedMeasureField".equals(k)) {
                Fields.Field e = fields.expression(Json.required(f, "Expression", where), where);
                if (!e.aggregate()) {
                    throw QuickSightException.invalid(where + ": a CalculatedMeasureField expression must "
                            + "aggregate, e.g. sum({amount})");
                }
                return new Item(id, e.sql(), e.type());
            }
            Fields.Field column = fields.column(Json.obj(f, "Column"), where);
            Aggregations.Measure agg = switch (k) {
                case "NumericalMeasureField" -> Aggregations.numerical(Json.obj(f, "AggregationFunction"),
                        column, where);
                case "CategoricalMeasureField", "DateMeasureField" -> Aggregations.apply(
                        Json.text(f, "AggregationFunction") == null ? "COUNT" : Json.text(f, "AggregationFunction"),
                        null, column, where);
                default -> throw QuickSightException.invalid(where + ": unknown measure field " + k);
            };
            return new Item(id, agg.sql(), agg.type());
        }

        private void checkUnique(List<Item> items) {
            Set<String> seen = new HashSet<>();
            for (Item i : items) {
                if (!seen.add(i.fieldId())) {
                    throw QuickSightException.invalid("Visual " + visualId + " uses FieldId " + i.fieldId()
                            + " twice");
                }
            }
        }

        // ---- sorting

        /** A FieldSortOptions (or a PivotTableSortBy) as an ORDER BY key. */
        private String sortKey(JsonNode options, List<Item> items) {
            JsonNode fieldSort = Json.obj(options, "FieldSort");
            if (fieldSort == null) {
                fieldSort = Json.obj(options, "Field");
            }
            if (fieldSort != null) {
                String id = Json.required(fieldSort, "FieldId", "A FieldSort");
                for (Item i : items) {
                    if (i.fieldId().equals(id)) {
                        return i.sql() + direction(fieldSort);
                    }
                }
                throw QuickSightException.invalid("Visual " + visualId + " sorts by field " + id
                        + ", which is not in its field wells");
            }
            JsonNode columnSort = Json.obj(options, "ColumnSort");
            if (columnSort == null) {
                columnSort = Json.obj(options, "Column");
            }
            if (columnSort == null) {
                throw QuickSightException.invalid("Visual " + visualId + " has an empty sort option");
            }
            Fields.Field f = fields.column(Json.obj(columnSort, "SortBy"), "A ColumnSort");
            JsonNode agg = Json.obj(columnSort, "AggregationFunction");
            return (agg == null ? f.sql() : Aggregations.of(agg, f, "A ColumnSort").sql()) + direction(columnSort);
        }

        private String direction(JsonNode sort) {
            return "ASC".equals(Json.text(sort, "Direction")) ? " ASC NULLS LAST" : " DESC NULLS LAST";
        }

        // ---- drill-down

        private void checkDrillStepsUsed(List<Dimension> dims) {
            Set<String> used = new HashSet<>();
            dims.forEach(d -> used.add(d.hierarchyId()));
            for (DrillStep s : drillDown) {
                if (!used.contains(s.hierarchyId())) {
                    throw QuickSightException.invalid("Visual " + visualId + " has no field in hierarchy "
                            + s.hierarchyId() + " to drill down");
                }
            }
        }

        /** The dimension shown after the caller's drill steps in its hierarchy, adding their filters. */
        private Dimension drill(Dimension d) {
            if (d.hierarchyId() == null) {
                return d;
            }
            List<String> values = drillDown.stream().filter(s -> s.hierarchyId().equals(d.hierarchyId()))
                    .map(DrillStep::value).toList();
            if (values.isEmpty()) {
                return d;
            }
            JsonNode hierarchy = null;
            for (JsonNode h : Json.list(visual, "ColumnHierarchies")) {
                String k = Json.unionKind(h);
                if (k != null && d.hierarchyId().equals(Json.text(h.get(k), "HierarchyId"))) {
                    hierarchy = h;
                }
            }
            String where = "Drill-down in hierarchy " + d.hierarchyId();
            if (hierarchy == null) {
                throw QuickSightException.invalid(where + ": the visual declares no such ColumnHierarchy");
            }
            String k = Json.unionKind(hierarchy);
            if (k.equals("DateTimeHierarchy")) {
                if (d.granularity() == null) {
                    throw QuickSightException.invalid(where + ": a DateTimeHierarchy needs a date dimension");
                }
                List<String> levels = new ArrayList<>(DATE_DRILL.subList(
                        DATE_DRILL.indexOf(d.granularity().equals("WEEK") ? "DAY" : d.granularity()),
                        DATE_DRILL.size()));
                if (d.granularity().equals("WEEK")) {
                    levels.add(0, "WEEK");
                }
                if (values.size() >= levels.size()) {
                    throw QuickSightException.invalid(where + ": " + values.size() + " steps but only "
                            + (levels.size() - 1) + " levels below " + d.granularity());
                }
                Fields.Field f = fields.column(d.column(), where);
                for (int i = 0; i < values.size(); i++) {
                    String level = levels.get(i);
                    LocalDateTime v = drillDate(values.get(i), level, where);
                    drillConditions.add(Dates.truncSql(level, f.sql()) + " = " + Dates.literal(v));
                }
                return new Dimension(d.fieldId(), d.kind(), d.column(), levels.get(values.size()), null);
            }
            List<JsonNode> levels = Json.list(hierarchy.get(k), "Columns");
            String name = Json.text(d.column(), "ColumnName");
            int start = -1;
            for (int i = 0; i < levels.size(); i++) {
                if (Objects.equals(name, Json.text(levels.get(i), "ColumnName"))) {
                    start = i;
                }
            }
            if (start < 0) {
                throw QuickSightException.invalid(where + ": field " + d.fieldId() + " is not one of its Columns");
            }
            if (start + values.size() >= levels.size()) {
                throw QuickSightException.invalid(where + ": " + values.size() + " steps but only "
                        + (levels.size() - 1 - start) + " levels below " + name);
            }
            for (int i = 0; i < values.size(); i++) {
                Dimension level = level(d, levels.get(start + i), i == 0);
                Item item = dimension(level);
                drillConditions.add(item.sql() + " = " + literal(values.get(i), item.type(), level.granularity(),
                        where));
            }
            return level(d, levels.get(start + values.size()), false);
        }

        /** A hierarchy level as a dimension: the field itself at the top, else by the level column's type. */
        private Dimension level(Dimension d, JsonNode column, boolean top) {
            if (top) {
                return d;
            }
            Fields.Field f = fields.column(column, "Drill-down in hierarchy " + d.hierarchyId());
            boolean date = f.type() == QuickSightType.DATETIME;
            return new Dimension(d.fieldId(), date ? "DateDimensionField" : "CategoricalDimensionField", column,
                    date ? "DAY" : null, null);
        }

        private LocalDateTime drillDate(String value, String level, String where) {
            LocalDateTime v = level.equals("YEAR") && value.trim().matches("\\d{4}")
                    ? LocalDate.of(Integer.parseInt(value.trim()), 1, 1).atStartOfDay()
                    : Dates.parse(value, where);
            if (!Dates.trunc(level, v).equals(v)) {
                throw QuickSightException.invalid(where + ": '" + value + "' is not the start of a " + level);
            }
            return v;
        }

        private String literal(String value, QuickSightType type, String granularity, String where) {
            try {
                return switch (type) {
                    case STRING -> Parameters.quote(value);
                    case INTEGER -> "CAST(" + Long.parseLong(value.trim()) + " AS BIGINT)";
                    case DECIMAL -> "CAST(" + Double.parseDouble(value.trim()) + " AS DOUBLE)";
                    case DATETIME -> Dates.literal(drillDate(value, granularity, where));
                    default -> throw QuickSightException.invalid(where + ": cannot drill on a " + type + " field");
                };
            } catch (NumberFormatException e) {
                throw QuickSightException.invalid(where + ": '" + value + "' is not a " + type + " value");
            }
        }
    }

    /**
     * The query: an inner SELECT computing every item and sort key under internal names (so that a FieldId equal to a
     * column name cannot capture the column in ORDER BY), and an outer SELECT naming the items by FieldId, sorted
     * and limited.
     */
    private static VisualQuery assemble(List<Item> items, String relation, List<String> where, List<Item> groupBy,
                                        List<String> having, List<String> order, String limit) {
        List<String> inner = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            inner.add(items.get(i).sql() + " AS \"glaux_c" + i + "\"");
            outer.add("\"glaux_c" + i + "\" AS " + quoteId(items.get(i).fieldId()));
        }
        List<String> orderBy = new ArrayList<>();
        for (int j = 0; j < order.size(); j++) {
            String key = order.get(j);
            String dir = key.endsWith(" ASC NULLS LAST") ? " ASC NULLS LAST" : " DESC NULLS LAST";
            inner.add(key.substring(0, key.length() - dir.length()) + " AS \"glaux_s" + j + "\"");
            orderBy.add("\"glaux_s" + j + "\"" + dir);
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", outer)).append(" FROM (SELECT ")
                .append(String.join(", ", inner)).append(" FROM ").append(relation);
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy.stream().map(Item::sql).toList()));
        }
        if (!having.isEmpty()) {
            sql.append(" HAVING ").append(String.join(" AND ", having));
        }
        sql.append(") AS \"glaux_visual\"");
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", orderBy));
        }
        sql.append(limit);
        return new VisualQuery(sql.toString(), columnsOf(items));
    }

    private static String quoteId(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static List<VisualColumn> columnsOf(List<Item> items) {
        Map<String, VisualColumn> out = new LinkedHashMap<>();
        for (Item i : items) {
            out.put(i.fieldId(), new VisualColumn(i.fieldId(), i.type().name()));
        }
        return List.copyOf(out.values());
    }
}
