// Visuals as QuickSight definitions have them (the shapes the SDK serialises), and visual-data responses.
const column = (name) => ({ DataSetIdentifier: 'orders', ColumnName: name });
export const category = (id, name, extra = {}) => ({ CategoricalDimensionField: { FieldId: id, Column: column(name),
  ...extra } });
export const date = (id, name, granularity, extra = {}) => ({ DateDimensionField: { FieldId: id,
  Column: column(name), DateGranularity: granularity, ...extra } });
export const sum = (id, name) => ({ NumericalMeasureField: { FieldId: id, Column: column(name),
  AggregationFunction: { SimpleNumericalAggregation: 'SUM' } } });

export const bar = (config = {}, wells = {}) => ({ BarChartVisual: { VisualId: 'bar',
  Title: { Visibility: 'VISIBLE', FormatText: { PlainText: 'Quantity by channel' } },
  ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: { Category: [category('channel-f', 'channel')],
    Values: [sum('quantity-f', 'quantity')], ...wells } }, ...config } } });

export const line = (hierarchy = true) => ({ LineChartVisual: { VisualId: 'line',
  ChartConfiguration: { FieldWells: { LineChartAggregatedFieldWells: {
    Category: [date('date-f', 'ordered_at', 'YEAR', hierarchy ? { HierarchyId: 'dates' } : {})],
    Values: [sum('revenue-f', 'revenue')] } } },
  ColumnHierarchies: hierarchy ? [{ DateTimeHierarchy: { HierarchyId: 'dates' } }] : undefined } });

export const pie = (donut) => ({ PieChartVisual: { VisualId: 'pie', ChartConfiguration: {
  FieldWells: { PieChartAggregatedFieldWells: { Category: [category('status-f', 'status')],
    Values: [sum('revenue-f', 'revenue')] } },
  DonutOptions: donut ? { ArcOptions: { ArcThickness: donut } } : undefined } } });

export const table = { TableVisual: { VisualId: 'table', ChartConfiguration: { FieldWells: {
  TableAggregatedFieldWells: { GroupBy: [category('country-f', 'country')],
    Values: [sum('quantity-f', 'quantity'), sum('revenue-f', 'revenue')] } } } } };

export const pivotVisual = (values = [sum('quantity-f', 'quantity')]) => ({ PivotTableVisual: { VisualId: 'pivot',
  ChartConfiguration: { FieldWells: { PivotTableAggregatedFieldWells: { Rows: [category('channel-f', 'channel')],
    Columns: [category('status-f', 'status')], Values: values } } } } });

export const kpi = (wells = {}) => ({ KPIVisual: { VisualId: 'kpi', ChartConfiguration: { FieldWells: {
  Values: [sum('revenue-f', 'revenue')], ...wells } } } });

export const response = (columns, rows, extra = {}) => ({ Columns: columns.map(([Name, Type]) => ({ Name, Type })),
  Rows: rows, Source: 'SPICE', ElapsedMillis: 3, DataScannedInBytes: 0, ...extra });
