// What a QuickSight visual is made of: its kind, title and the fields of its wells, in the order the visual-data
// endpoint gives their columns (dimensions first, then measures). Pure: no DOM.

/** The visual kinds this UI draws, and each one's wells in column order. */
const WELLS = {
  BarChartVisual: ['BarChartAggregatedFieldWells', ['Category', 'Colors', 'SmallMultiples', 'Values']],
  LineChartVisual: ['LineChartAggregatedFieldWells', ['Category', 'Colors', 'SmallMultiples', 'Values']],
  PieChartVisual: ['PieChartAggregatedFieldWells', ['Category', 'SmallMultiples', 'Values']],
  TableVisual: ['TableAggregatedFieldWells', ['GroupBy', 'Values']],
  PivotTableVisual: ['PivotTableAggregatedFieldWells', ['Rows', 'Columns', 'Values']],
  KPIVisual: [null, ['TrendGroups', 'Values', 'TargetValues']],
};

/** The wells holding measures (the others hold dimensions). */
const MEASURE_WELLS = new Set(['Values', 'TargetValues']);

/** The kind of a visual ({BarChartVisual: {...}} → 'BarChartVisual'); null for a kind not drawn here. */
export function visualKind(visual) {
  return Object.keys(visual || {}).find((key) => key in WELLS) || null;
}

/** The visual's own object ({VisualId, Title, ChartConfiguration, ...}). */
export function visualBody(visual) {
  const kind = visualKind(visual);
  return kind ? visual[kind] : Object.values(visual || {})[0] || {};
}

export function visualId(visual) {
  return visualBody(visual).VisualId;
}

/** The title's plain text, or the visual id. */
export function visualTitle(visual) {
  const body = visualBody(visual);
  const text = body.Title && body.Title.FormatText && body.Title.FormatText.PlainText;
  return text || body.VisualId || 'Visual';
}

/** A field wrapper ({NumericalMeasureField: {...}}) → [its kind, its inner object]. */
export function unwrap(field) {
  const [kind, inner] = Object.entries(field || {})[0] || [null, {}];
  return [kind, inner || {}];
}

/** A human label: the column (or expression) with its aggregation, e.g. "revenue (Sum)". */
export function fieldLabel(field) {
  const [kind, inner] = unwrap(field);
  if (!kind) return String(field && field.FieldId || '');
  const name = inner.Column ? inner.Column.ColumnName : inner.Expression || inner.FieldId;
  const aggregation = aggregationName(inner.AggregationFunction);
  return aggregation ? `${name} (${aggregation})` : name;
}

function aggregationName(fn) {
  if (!fn) return null;
  if (typeof fn === 'string') return titleCase(fn);
  const simple = fn.SimpleNumericalAggregation || fn.SimpleAggregation;
  if (simple) return titleCase(simple);
  return null;
}

/** YEAR → Year, SIMPLE_AGG → Simple Agg. */
export function titleCase(text) {
  return text.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/**
 * The visual's fields in column order: [{well, fieldId, label, measure, field}] where field is the wrapper as the
 * definition has it (an unaggregated table's fields are {FieldId, Column} themselves).
 */
export function visualFields(visual) {
  const kind = visualKind(visual);
  if (!kind) return [];
  const config = visualBody(visual).ChartConfiguration || {};
  const wellsObject = config.FieldWells || {};
  if (kind === 'TableVisual' && wellsObject.TableUnaggregatedFieldWells) {
    return (wellsObject.TableUnaggregatedFieldWells.Values || []).map((f) => ({ well: 'Values', fieldId: f.FieldId,
      label: f.Column ? f.Column.ColumnName : f.FieldId, measure: false, field: f }));
  }
  const [container, wells] = WELLS[kind];
  const source = container ? wellsObject[container] || {} : wellsObject;
  const fields = [];
  for (const well of wells) {
    for (const field of source[well] || []) {
      const [, inner] = unwrap(field);
      fields.push({ well, fieldId: inner.FieldId, label: fieldLabel(field), measure: MEASURE_WELLS.has(well), field });
    }
  }
  return fields;
}

/** The fields of one well. */
export function wellFields(visual, well) {
  return visualFields(visual).filter((f) => f.well === well);
}

/** The index of a field's column in a visual-data response (-1 when absent). */
export function columnIndex(data, fieldId) {
  return (data.Columns || []).findIndex((c) => c.Name === fieldId);
}

/** A label per column name of the response: the field's label, or the column's name. */
export function columnLabels(visual, data) {
  const byId = new Map(visualFields(visual).map((f) => [f.fieldId, f.label]));
  return (data.Columns || []).map((c) => byId.get(c.Name) || c.Name);
}

/** A number with thousands separators, its digits kept as the service sent them (no rounding). */
export function formatNumber(value) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  const text = String(value);
  if (/e/i.test(text)) return text;
  const [whole, fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}
