// The analysis editor's visuals: each type's Definition JSON (QuickSight member names, what the engine computes)
// and back to the form's spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVisual, specFromVisual, fieldsOf, problemOf, VISUAL_TYPES, dimensionKind, measureKind, visualTitle }
  from '../../main/resources/io/glaux/ui/js/analysis/visuals.js';

const col = (name) => ({ DataSetIdentifier: 'orders', ColumnName: name });
const sum = (column) => ({ column, kind: 'numerical', aggregation: 'SUM' });
const category = (column) => ({ column, kind: 'categorical' });

test('a bar chart: category dimension, SUM measure, sorted descending, top 5', () => {
  const spec = { type: 'bar', visualId: 'by-channel', title: 'Revenue by channel', dataSetIdentifier: 'orders',
    wells: { Category: [category('channel')], Colors: [], Values: [sum('revenue')] },
    sort: { fieldId: 'revenue-sum', direction: 'DESC' }, limit: 5 };
  assert.deepEqual(buildVisual(spec), { BarChartVisual: {
    VisualId: 'by-channel',
    Title: { Visibility: 'VISIBLE', FormatText: { PlainText: 'Revenue by channel' } },
    ChartConfiguration: {
      FieldWells: { BarChartAggregatedFieldWells: {
        Category: [{ CategoricalDimensionField: { FieldId: 'channel', Column: col('channel') } }],
        Values: [{ NumericalMeasureField: { FieldId: 'revenue-sum', Column: col('revenue'),
          AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }] } },
      SortConfiguration: { CategorySort: [{ FieldSort: { FieldId: 'revenue-sum', Direction: 'DESC' } }],
        CategoryItemsLimit: { ItemsLimit: 5, OtherCategories: 'EXCLUDE' } },
      Orientation: 'VERTICAL', BarsArrangement: 'CLUSTERED' } } });
  assert.deepEqual(specFromVisual(buildVisual(spec)), spec);
});

test('a stacked bar chart groups by a color dimension', () => {
  const spec = { type: 'stacked-bar', visualId: 'v', title: '', dataSetIdentifier: 'orders',
    wells: { Category: [category('channel')], Colors: [category('status')], Values: [sum('quantity')] },
    sort: null, limit: null };
  const v = buildVisual(spec).BarChartVisual;
  assert.equal(v.ChartConfiguration.BarsArrangement, 'STACKED');
  assert.deepEqual(v.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells.Colors,
    [{ CategoricalDimensionField: { FieldId: 'status', Column: col('status') } }]);
  assert.equal(v.Title, undefined);
  assert.equal(v.ChartConfiguration.SortConfiguration, undefined);
  assert.deepEqual(specFromVisual(buildVisual(spec)), spec);
});

test('a line chart over a date column drills year → quarter → month → day through a DateTimeHierarchy', () => {
  const spec = { type: 'line', visualId: 'by-month', title: 'By month', dataSetIdentifier: 'orders',
    wells: { Category: [{ column: 'order_date', kind: 'date', granularity: 'YEAR' }], Colors: [],
      Values: [sum('amount')] }, sort: { fieldId: 'order_date-year', direction: 'ASC' }, limit: null };
  const v = buildVisual(spec).LineChartVisual;
  assert.deepEqual(v.ChartConfiguration.FieldWells.LineChartAggregatedFieldWells.Category, [{ DateDimensionField: {
    FieldId: 'order_date-year', Column: col('order_date'), DateGranularity: 'YEAR',
    HierarchyId: 'order_date-year-drill' } }]);
  assert.deepEqual(v.ColumnHierarchies, [{ DateTimeHierarchy: { HierarchyId: 'order_date-year-drill' } }]);
  assert.equal(v.ChartConfiguration.Type, 'LINE');
  assert.deepEqual(v.ChartConfiguration.SortConfiguration,
    { CategorySort: [{ FieldSort: { FieldId: 'order_date-year', Direction: 'ASC' } }] });
  // a line chart's top-N lives in CategoryItemsLimitConfiguration
  const limited = buildVisual({ ...spec, limit: 3 }).LineChartVisual.ChartConfiguration.SortConfiguration;
  assert.deepEqual(limited.CategoryItemsLimitConfiguration, { ItemsLimit: 3, OtherCategories: 'EXCLUDE' });
  assert.equal(limited.CategoryItemsLimit, undefined);
  assert.deepEqual(specFromVisual(buildVisual(spec)), { ...spec, wells: { ...spec.wells, Colors: [] } });
});

test('pie and donut charts; the donut has DonutOptions', () => {
  const spec = { type: 'pie', visualId: 'p', title: 'Share', dataSetIdentifier: 'orders',
    wells: { Category: [category('status')], Values: [{ column: 'order_id', kind: 'numerical',
      aggregation: 'DISTINCT_COUNT' }] }, sort: null, limit: 4 };
  const pie = buildVisual(spec).PieChartVisual.ChartConfiguration;
  assert.equal(pie.DonutOptions, undefined);
  assert.deepEqual(pie.FieldWells.PieChartAggregatedFieldWells.Values, [{ NumericalMeasureField: {
    FieldId: 'order_id-distinct_count', Column: col('order_id'),
    AggregationFunction: { SimpleNumericalAggregation: 'DISTINCT_COUNT' } } }]);
  assert.deepEqual(pie.SortConfiguration, { CategoryItemsLimit: { ItemsLimit: 4, OtherCategories: 'EXCLUDE' } });
  const donut = buildVisual({ ...spec, type: 'donut' }).PieChartVisual.ChartConfiguration;
  assert.deepEqual(donut.DonutOptions, { ArcOptions: { ArcThickness: 'MEDIUM' } });
  assert.equal(specFromVisual(buildVisual({ ...spec, type: 'donut' })).type, 'donut');
  assert.equal(specFromVisual(buildVisual(spec)).type, 'pie');
});

test('a table groups by dimensions, sorts rows and counts a text column with a CategoricalMeasureField', () => {
  const spec = { type: 'table', visualId: 't', title: 'Orders', dataSetIdentifier: 'orders',
    wells: { GroupBy: [category('channel'), category('status')],
      Values: [sum('amount'), { column: 'customer_id', kind: 'categorical', aggregation: 'DISTINCT_COUNT' }] },
    sort: { fieldId: 'amount-sum', direction: 'DESC' }, limit: null };
  const c = buildVisual(spec).TableVisual.ChartConfiguration;
  assert.deepEqual(c.FieldWells.TableAggregatedFieldWells.Values[1], { CategoricalMeasureField: {
    FieldId: 'customer_id-distinct_count', Column: col('customer_id'), AggregationFunction: 'DISTINCT_COUNT' } });
  assert.deepEqual(c.SortConfiguration, { RowSort: [{ FieldSort: { FieldId: 'amount-sum', Direction: 'DESC' } }] });
  assert.equal(buildVisual(spec).TableVisual.ColumnHierarchies, undefined, 'a TableVisual has no ColumnHierarchies');
  assert.deepEqual(specFromVisual(buildVisual(spec)), spec);
  assert.match(problemOf({ ...spec, limit: 3 }), /no top-N/);
});

test('a pivot table: rows, columns, values, and a FieldSortOptions sort', () => {
  const spec = { type: 'pivot', visualId: 'pv', title: '', dataSetIdentifier: 'orders',
    wells: { Rows: [category('channel')], Columns: [{ column: 'order_date', kind: 'date', granularity: 'MONTH' }],
      Values: [{ column: 'amount', kind: 'numerical', aggregation: 'AVERAGE' }] },
    sort: { fieldId: 'amount-average', direction: 'ASC' }, limit: null };
  const c = buildVisual(spec).PivotTableVisual.ChartConfiguration;
  assert.deepEqual(c.FieldWells.PivotTableAggregatedFieldWells.Columns, [{ DateDimensionField: {
    FieldId: 'order_date-month', Column: col('order_date'), DateGranularity: 'MONTH' } }]);
  assert.deepEqual(c.SortConfiguration, { FieldSortOptions: [{ FieldId: 'channel',
    SortBy: { Field: { FieldId: 'amount-average', Direction: 'ASC' } } }] });
  assert.deepEqual(specFromVisual(buildVisual(spec)), spec);
});

test('a KPI: its wells sit right in FieldWells, with a trend group by month', () => {
  const spec = { type: 'kpi', visualId: 'total', title: 'Total', dataSetIdentifier: 'orders',
    wells: { Values: [sum('amount')], TargetValues: [], TrendGroups: [{ column: 'order_date', kind: 'date',
      granularity: 'MONTH' }] }, sort: null, limit: null };
  const v = buildVisual(spec).KPIVisual;
  assert.deepEqual(v.ChartConfiguration.FieldWells, {
    Values: [{ NumericalMeasureField: { FieldId: 'amount-sum', Column: col('amount'),
      AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } }],
    TrendGroups: [{ DateDimensionField: { FieldId: 'order_date-month', Column: col('order_date'),
      DateGranularity: 'MONTH', HierarchyId: 'order_date-month-drill' } }] });
  assert.equal(visualTitle(buildVisual(spec)), 'Total');
  assert.deepEqual(specFromVisual(buildVisual(spec)), spec);
});

test('FieldIds are unique within a visual: the same column twice gets a suffix', () => {
  const spec = { type: 'table', visualId: 't', dataSetIdentifier: 'orders',
    wells: { GroupBy: [category('channel'), category('channel')], Values: [sum('amount'), sum('amount')] } };
  assert.deepEqual(fieldsOf(spec).map((f) => f.fieldId), ['channel', 'channel-2', 'amount-sum', 'amount-sum-2']);
});

test('what the engine would refuse is said before saving', () => {
  const base = { type: 'bar', visualId: 'b', dataSetIdentifier: 'orders',
    wells: { Category: [category('channel')], Colors: [category('status')], Values: [sum('amount')] } };
  assert.match(problemOf({ ...base, limit: 5 }), /cannot be combined/);
  assert.match(problemOf({ ...base, wells: { Category: [category('channel')] } }), /needs a value/);
  assert.match(problemOf({ ...base, sort: { fieldId: 'nope', direction: 'ASC' } }), /not in the field wells/);
  assert.match(problemOf({ ...base, visualId: 'a b' }), /id/);
  assert.match(problemOf({ ...base, wells: { Category: [category('channel'), category('status')], Values: [] } }),
    /at most 1/);
  assert.match(problemOf({ ...base, wells: { Values: [{ column: 'channel', kind: 'categorical',
    aggregation: 'SUM' }] } }), /not an aggregation/);
  assert.throws(() => buildVisual({ ...base, limit: 0, wells: { Category: [category('c')], Values: [sum('a')] } }),
    /whole number/);
  assert.equal(problemOf({ ...base, limit: 5, wells: { Category: [category('c')], Values: [sum('a')] } }), null);
});

test('column types map to dimension and measure kinds', () => {
  assert.deepEqual(['STRING', 'INTEGER', 'DECIMAL', 'DATETIME', 'BOOLEAN', null].map(dimensionKind),
    ['categorical', 'numerical', 'numerical', 'date', 'categorical', 'categorical']);
  assert.deepEqual(['STRING', 'INTEGER', 'DECIMAL', 'DATETIME', null].map(measureKind),
    ['categorical', 'numerical', 'numerical', 'date', 'numerical']);
  assert.deepEqual(Object.keys(VISUAL_TYPES), ['bar', 'stacked-bar', 'line', 'pie', 'donut', 'table', 'pivot', 'kpi']);
});
