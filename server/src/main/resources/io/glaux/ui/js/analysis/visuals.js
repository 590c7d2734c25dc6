// Visuals as QuickSight Definitions hold them, built from (and read back into) a small spec the editor's form edits:
//   {type, visualId, title, dataSetIdentifier,
//    wells: {Category: [dimension], Values: [measure], ...},   // the wells of the type, see VISUAL_TYPES
//    sort: {fieldId, direction: 'ASC'|'DESC'} | null, limit: number | null}
// A dimension is {column, kind: 'categorical'|'numerical'|'date', granularity?}; a measure is
// {column, kind: 'numerical'|'categorical'|'date', aggregation}. FieldIds are derived from the columns, so the
// same spec always gives the same visual. Only what the engine's VisualQueryBuilder computes is built.

const dimensionWell = (name, label, max) => ({ name, label, role: 'dimension', max });
const measureWell = (name, label, max) => ({ name, label, role: 'measure', max });

/** The visual types the editor offers, each with its QuickSight visual kind and field wells. */
export const VISUAL_TYPES = {
  bar: { label: 'Bar chart', kind: 'BarChartVisual', container: 'BarChartAggregatedFieldWells',
    wells: [dimensionWell('Category', 'X axis', 1), dimensionWell('Colors', 'Group / color', 1),
      measureWell('Values', 'Value')],
    sort: 'CategorySort', limit: 'CategoryItemsLimit', hierarchies: true },
  'stacked-bar': { label: 'Stacked bar chart', kind: 'BarChartVisual', container: 'BarChartAggregatedFieldWells',
    wells: [dimensionWell('Category', 'X axis', 1), dimensionWell('Colors', 'Group / color', 1),
      measureWell('Values', 'Value')],
    sort: 'CategorySort', limit: 'CategoryItemsLimit', hierarchies: true },
  line: { label: 'Line chart', kind: 'LineChartVisual', container: 'LineChartAggregatedFieldWells',
    wells: [dimensionWell('Category', 'X axis', 1), dimensionWell('Colors', 'Color', 1),
      measureWell('Values', 'Value')],
    sort: 'CategorySort', limit: 'CategoryItemsLimitConfiguration', hierarchies: true },
  pie: { label: 'Pie chart', kind: 'PieChartVisual', container: 'PieChartAggregatedFieldWells',
    wells: [dimensionWell('Category', 'Group / color', 1), measureWell('Values', 'Value', 1)],
    sort: 'CategorySort', limit: 'CategoryItemsLimit', hierarchies: true },
  donut: { label: 'Donut chart', kind: 'PieChartVisual', container: 'PieChartAggregatedFieldWells',
    wells: [dimensionWell('Category', 'Group / color', 1), measureWell('Values', 'Value', 1)],
    sort: 'CategorySort', limit: 'CategoryItemsLimit', hierarchies: true },
  table: { label: 'Table', kind: 'TableVisual', container: 'TableAggregatedFieldWells',
    wells: [dimensionWell('GroupBy', 'Group by'), measureWell('Values', 'Value')], sort: 'RowSort' },
  pivot: { label: 'Pivot table', kind: 'PivotTableVisual', container: 'PivotTableAggregatedFieldWells',
    wells: [dimensionWell('Rows', 'Rows'), dimensionWell('Columns', 'Columns'), measureWell('Values', 'Values')],
    sort: 'FieldSortOptions' },
  kpi: { label: 'KPI', kind: 'KPIVisual', container: null,
    wells: [measureWell('Values', 'Value', 1), measureWell('TargetValues', 'Target value', 1),
      dimensionWell('TrendGroups', 'Trend group', 1)],
    sort: 'TrendGroupSort', hierarchies: true },
};

export const AGGREGATIONS = {
  numerical: ['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT', 'DISTINCT_COUNT'],
  categorical: ['COUNT', 'DISTINCT_COUNT'],
  date: ['COUNT', 'DISTINCT_COUNT', 'MIN', 'MAX'],
};

export const GRANULARITIES = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE'];

const DIMENSION_MEMBERS = { categorical: 'CategoricalDimensionField', numerical: 'NumericalDimensionField',
  date: 'DateDimensionField' };
const MEASURE_MEMBERS = { numerical: 'NumericalMeasureField', categorical: 'CategoricalMeasureField',
  date: 'DateMeasureField' };

/** How a column of a dataset's OutputColumns Type (or a calculated field, type unknown) is used by default. */
export function dimensionKind(columnType) {
  if (columnType === 'DATETIME') return 'date';
  if (columnType === 'INTEGER' || columnType === 'DECIMAL') return 'numerical';
  return 'categorical';
}

export function measureKind(columnType) {
  if (columnType === 'STRING' || columnType === 'BOOLEAN') return 'categorical';
  if (columnType === 'DATETIME') return 'date';
  return 'numerical';
}

/** The fields of a spec with their FieldIds, wells in the type's order: [{fieldId, well, role, field}]. */
export function fieldsOf(spec) {
  const type = typeOf(spec.type);
  const taken = new Set();
  const out = [];
  for (const well of type.wells) {
    for (const field of spec.wells?.[well.name] || []) {
      const base = well.role === 'dimension'
        ? field.column + (field.kind === 'date' ? `-${(field.granularity || 'DAY').toLowerCase()}` : '')
        : `${field.column}-${(field.aggregation || 'SUM').toLowerCase()}`;
      let fieldId = base;
      for (let n = 2; taken.has(fieldId); n++) fieldId = `${base}-${n}`;
      taken.add(fieldId);
      out.push({ fieldId, well: well.name, role: well.role, field });
    }
  }
  return out;
}

function typeOf(name) {
  const type = VISUAL_TYPES[name];
  if (!type) throw new Error(`Unknown visual type ${name}`);
  return type;
}

/** Why a spec cannot be built (null when it can): the checks the engine would refuse later, said up front. */
export function problemOf(spec) {
  const type = typeOf(spec.type);
  if (!spec.visualId || !/^[\w-]+$/.test(spec.visualId)) return 'The visual needs an id of letters, digits, _ and -.';
  for (const well of type.wells) {
    const fields = spec.wells?.[well.name] || [];
    if (well.max && fields.length > well.max) return `${well.label} takes at most ${well.max} field.`;
    for (const f of fields) {
      if (!f.column) return `Pick a field for ${well.label}.`;
      if (well.role === 'measure' && !AGGREGATIONS[f.kind || 'numerical'].includes(f.aggregation || 'SUM')) {
        return `${f.column}: ${f.aggregation} is not an aggregation of a ${f.kind} field.`;
      }
    }
  }
  const fields = fieldsOf(spec);
  if (!fields.some((f) => f.role === 'measure') && !['table', 'pivot'].includes(spec.type)) {
    return `A ${type.label.toLowerCase()} needs a value.`;
  }
  if (!fields.length) return 'Add a field.';
  if (spec.sort && !fields.some((f) => f.fieldId === spec.sort.fieldId)) {
    return `The sort field ${spec.sort.fieldId} is not in the field wells.`;
  }
  if (spec.limit !== null && spec.limit !== undefined && spec.limit !== '') {
    if (!type.limit) return `A ${type.label.toLowerCase()} has no top-N limit.`;
    if (!Number.isInteger(Number(spec.limit)) || Number(spec.limit) < 1) return 'Top N must be a whole number ≥ 1.';
    if ((spec.wells.Colors || []).length) return 'Top N cannot be combined with a group / color field.';
  }
  return null;
}

/** The Visual (e.g. {BarChartVisual: {...}}) of a spec; throws when problemOf(spec) says why not. */
export function buildVisual(spec) {
  const problem = problemOf(spec);
  if (problem) throw new Error(problem);
  const type = typeOf(spec.type);
  const fields = fieldsOf(spec);
  const column = (name) => ({ DataSetIdentifier: spec.dataSetIdentifier, ColumnName: name });
  const wells = {};
  const hierarchies = [];
  for (const { fieldId, well, role, field } of fields) {
    let item;
    if (role === 'dimension') {
      const kind = field.kind || 'categorical';
      const inner = { FieldId: fieldId, Column: column(field.column) };
      if (kind === 'date') {
        inner.DateGranularity = field.granularity || 'DAY';
        if (type.hierarchies) {
          inner.HierarchyId = `${fieldId}-drill`;
          hierarchies.push({ DateTimeHierarchy: { HierarchyId: inner.HierarchyId } });
        }
      }
      item = { [DIMENSION_MEMBERS[kind]]: inner };
    } else {
      const kind = field.kind || 'numerical';
      const aggregation = field.aggregation || (kind === 'numerical' ? 'SUM' : 'COUNT');
      item = { [MEASURE_MEMBERS[kind]]: { FieldId: fieldId, Column: column(field.column),
        AggregationFunction: kind === 'numerical' ? { SimpleNumericalAggregation: aggregation } : aggregation } };
    }
    (wells[well] ||= []).push(item);
  }
  const configuration = { FieldWells: type.container ? { [type.container]: wells } : wells };
  const sort = sortConfiguration(spec, type, fields);
  if (sort) configuration.SortConfiguration = sort;
  if (type.kind === 'BarChartVisual') {
    configuration.Orientation = 'VERTICAL';
    configuration.BarsArrangement = spec.type === 'stacked-bar' ? 'STACKED' : 'CLUSTERED';
  }
  if (type.kind === 'LineChartVisual') configuration.Type = 'LINE';
  if (spec.type === 'donut') configuration.DonutOptions = { ArcOptions: { ArcThickness: 'MEDIUM' } };
  const inner = { VisualId: spec.visualId };
  if (spec.title) inner.Title = { Visibility: 'VISIBLE', FormatText: { PlainText: spec.title } };
  inner.ChartConfiguration = configuration;
  if (hierarchies.length) inner.ColumnHierarchies = hierarchies;
  return { [type.kind]: inner };
}

function sortConfiguration(spec, type, fields) {
  const sort = {};
  if (spec.sort) {
    const by = { FieldId: spec.sort.fieldId, Direction: spec.sort.direction === 'ASC' ? 'ASC' : 'DESC' };
    if (type.sort === 'FieldSortOptions') {
      const row = fields.find((f) => f.role === 'dimension') || fields[0];
      sort.FieldSortOptions = [{ FieldId: row.fieldId, SortBy: { Field: by } }];
    } else {
      sort[type.sort] = [{ FieldSort: by }];
    }
  }
  if (type.limit && spec.limit !== null && spec.limit !== undefined && spec.limit !== '') {
    sort[type.limit] = { ItemsLimit: Number(spec.limit), OtherCategories: 'EXCLUDE' };
  }
  return Object.keys(sort).length ? sort : null;
}

/** The kind (BarChartVisual...) and inner structure of a Visual. */
export function unwrapVisual(visual) {
  const kind = Object.keys(visual || {}).find((k) => k.endsWith('Visual'));
  return { kind, inner: kind ? visual[kind] : undefined };
}

/** The editor's spec of a Visual the editor built (or one of the same shape); null for a kind it does not edit. */
export function specFromVisual(visual) {
  const { kind, inner } = unwrapVisual(visual);
  const configuration = inner?.ChartConfiguration || {};
  let typeName = Object.keys(VISUAL_TYPES).find((t) => VISUAL_TYPES[t].kind === kind);
  if (!typeName) return null;
  if (kind === 'BarChartVisual' && configuration.BarsArrangement === 'STACKED') typeName = 'stacked-bar';
  if (kind === 'PieChartVisual' && configuration.DonutOptions) typeName = 'donut';
  const type = VISUAL_TYPES[typeName];
  const source = type.container ? configuration.FieldWells?.[type.container] : configuration.FieldWells;
  const spec = { type: typeName, visualId: inner.VisualId, title: inner.Title?.FormatText?.PlainText || '',
    dataSetIdentifier: undefined, wells: {}, sort: null, limit: null };
  for (const well of type.wells) {
    spec.wells[well.name] = (source?.[well.name] || []).map((item) => {
      const member = Object.keys(item)[0];
      const f = item[member];
      spec.dataSetIdentifier ||= f.Column?.DataSetIdentifier;
      if (well.role === 'dimension') {
        const kind = Object.keys(DIMENSION_MEMBERS).find((k) => DIMENSION_MEMBERS[k] === member);
        return kind === 'date' ? { column: f.Column.ColumnName, kind, granularity: f.DateGranularity || 'DAY' }
          : { column: f.Column.ColumnName, kind };
      }
      const kind = Object.keys(MEASURE_MEMBERS).find((k) => MEASURE_MEMBERS[k] === member) || 'numerical';
      const aggregation = typeof f.AggregationFunction === 'string' ? f.AggregationFunction
        : f.AggregationFunction?.SimpleNumericalAggregation || (kind === 'numerical' ? 'SUM' : 'COUNT');
      return { column: f.Column.ColumnName, kind, aggregation };
    });
  }
  const sort = configuration.SortConfiguration || {};
  const first = type.sort === 'FieldSortOptions' ? sort.FieldSortOptions?.[0]?.SortBy?.Field
    : sort[type.sort]?.[0]?.FieldSort;
  if (first) spec.sort = { fieldId: first.FieldId, direction: first.Direction };
  if (type.limit && sort[type.limit]?.ItemsLimit !== undefined) spec.limit = sort[type.limit].ItemsLimit;
  return spec;
}

/** A visual's title, or its id when it has none. */
export function visualTitle(visual) {
  const { inner } = unwrapVisual(visual);
  return inner?.Title?.FormatText?.PlainText || inner?.VisualId || '';
}
