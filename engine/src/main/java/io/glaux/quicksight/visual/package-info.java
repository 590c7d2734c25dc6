/**
 * The SQL of a QuickSight visual's data, built from an analysis or dashboard {@code Definition} by
 * {@link io.glaux.quicksight.visual.VisualQueryBuilder#build}: over a
 * {@link io.glaux.quicksight.visual.VisualSource} per DataSetIdentifier (a SPICE table or a DIRECT_QUERY dataset's
 * SQL), giving a {@link io.glaux.quicksight.visual.VisualQuery} (SQL and its columns). Refusals are
 * {@link io.glaux.quicksight.QuickSightException}s: NOT_FOUND for an unknown visual id, INVALID otherwise.
 *
 * <h2>Visuals and columns</h2>
 * BarChartVisual, LineChartVisual, PieChartVisual (a donut too), TableVisual (aggregated: GroupBy then Values;
 * unaggregated: Values, at most the builder's row limit), PivotTableVisual (Rows, Columns, then Values) and KPIVisual
 * (TrendGroups, then Values, then TargetValues). Bar and line charts group by Category, then Colors, then
 * SmallMultiples. Each output column is named by its field's FieldId (a FieldId used twice is refused) and typed
 * STRING, INTEGER, DECIMAL, DATETIME (or BOOLEAN for a boolean calculated field). Other visual kinds are refused.
 *
 * <h2>Fields</h2>
 * A field's column is a dataset column or a CalculatedField of the visual's DataSetIdentifier (calculated fields may
 * name each other and parameters as {@code ${Name}}). All fields of a visual read one dataset. Date dimensions are
 * truncated to their DateGranularity (DAY when none); weeks start on Sunday. Measures: NumericalMeasureField
 * (SUM when no aggregation is given), CategoricalMeasureField and DateMeasureField (COUNT when none),
 * CalculatedMeasureField (an aggregate expression). AVERAGE, VAR, VARP, STDEV, STDEVP are DECIMAL; COUNT and
 * DISTINCT_COUNT INTEGER; SUM, MIN, MAX keep their field's type. An aggregate calculated field is used as it is.
 *
 * <h2>Order and limits</h2>
 * The visual's sorts come first (FieldSort by FieldId, ColumnSort by a column with or without an aggregation; NULLs
 * last), then every dimension ascending so that the order is total. With no sort, bar and pie charts are ordered by
 * their first measure descending; line charts, tables, pivot tables and KPIs by their dimensions. A category items
 * limit keeps the first ItemsLimit rows; OtherCategories INCLUDE (an "Other" row), color and small-multiples limits,
 * and a category limit together with Colors or SmallMultiples are refused.
 *
 * <h2>Filters</h2>
 * Filter groups apply when ENABLED (or with no Status) and in scope (AllSheets; the visual's sheet with ALL_VISUALS
 * or the visual among VisualIds). Filters of a group and groups are ANDed. A filter on another dataset's column
 * applies only with CrossDataset ALL_DATASETS and when the visual's dataset has a field of that name.
 * CategoryFilter (list, custom and custom-list configurations; matching is case-sensitive; values are compared as
 * text), NumericRangeFilter (bounds inclusive unless IncludeMinimum/IncludeMaximum is false), NumericEqualityFilter,
 * TimeEqualityFilter and TimeRangeFilter (compared at TimeGranularity when given; RollingDate expressions run in the
 * engine, so their now() is the engine's), RelativeDatesFilter and TopBottomFilter. A filter with an
 * AggregationFunction is a HAVING condition and is refused on an unaggregated table. FilterNullOption: ALL_VALUES
 * also keeps NULLs, NULLS_ONLY keeps only NULLs, NON_NULLS_ONLY drops them. A filter reading a parameter that has no
 * value does not filter. NestedFilter and ExcludePeriodConfiguration are refused.
 * <p>RelativeDatesFilter, with P the start of the anchor's period (NOW from the builder's clock, or a DateTime
 * parameter): THIS is [P, P+1); PREVIOUS [P-1, P); NOW (period to date) [P, anchor]; LAST n is the n whole periods
 * before P and the current one up to the anchor, [P-n, anchor]; NEXT n is the rest of the current period and the n
 * after it, [anchor, P+n+1). TopBottomFilter keeps the rows whose category is among the Limit (or the Integer
 * parameter's) first categories by the AggregationSortConfigurations, over the rows the other filters keep; ties go
 * by category.
 *
 * <h2>Parameters</h2>
 * Values given by the caller override the declarations' {@code DefaultValues.StaticValues}; they are checked against
 * the parameter's type and SINGLE_VALUED/MULTI_VALUED. Date-times are ISO dates or date-times (UTC) or epoch seconds.
 * Dynamic defaults and ValueWhenUnset are not used.
 *
 * <h2>Drill-down</h2>
 * A dimension with a HierarchyId drills in the visual's ColumnHierarchy of that id. The caller's
 * {@link io.glaux.quicksight.visual.DrillStep}s of a hierarchy, top level first, name the values clicked; after k
 * steps the dimension shows level k (under its own FieldId) and the rows are filtered to the clicked values.
 * DateTimeHierarchy: YEAR, QUARTER, MONTH, DAY, HOUR, MINUTE, SECOND, MILLISECOND from the field's granularity (WEEK
 * goes to DAY); a step's value is the start of the clicked period (a bare year is accepted at YEAR), and one that is
 * not a period start is refused. ExplicitHierarchy and PredefinedHierarchy: their Columns from the field's column
 * down; a deeper DATETIME column shows days. The data endpoint is meant to take them as
 * {@code "DrillDown": [{"HierarchyId": "h1", "Value": "2024"}, {"HierarchyId": "h1", "Value": "2024-04-01"}]}.
 * The definition's own DrillDownFilters are not applied.
 *
 * <h2>Not supported</h2>
 * MEDIAN and PercentileAggregation (the engine has no percentile aggregate), pivot DataPath sorts, "Other"
 * categories, AttributeAggregationFunction, calculated fields that aggregate used inside other expressions beside
 * aggregates, and every visual and filter kind not named above.
 */
package io.glaux.quicksight.visual;
