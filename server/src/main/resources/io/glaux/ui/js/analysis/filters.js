// Filter groups as QuickSight Definitions hold them, built from (and read back into) the spec the editor edits:
//   {filterGroupId, kind, column: {DataSetIdentifier, ColumnName}, enabled,
//    scope: {sheetId, visualIds: null (all visuals of the sheet) | [VisualId...]},
//    category:  {operator: 'EQUALS'|'DOES_NOT_EQUAL', values: [...]} or {parameter: Name}  (kind 'category')
//    range:     {min, max, minParameter, maxParameter}                                   (kind 'numeric-range')
//    time:      {from, to}  ISO dates or date-times, stored as epoch seconds              (kind 'time-range')
//    relative:  {granularity, type: 'LAST'|'THIS'|'PREVIOUS'|'NOW'|'NEXT', n}             (kind 'relative-dates')
// One filter per group, whose FilterId is the group's id with "-filter".

export const FILTER_KINDS = {
  category: { label: 'Category (list of values)', member: 'CategoryFilter' },
  'numeric-range': { label: 'Numeric range', member: 'NumericRangeFilter' },
  'time-range': { label: 'Date range', member: 'TimeRangeFilter' },
  'relative-dates': { label: 'Relative dates', member: 'RelativeDatesFilter' },
};

export const RELATIVE_TYPES = ['LAST', 'THIS', 'PREVIOUS', 'NOW', 'NEXT'];

/** Epoch seconds of an ISO date (UTC midnight) or date-time (UTC unless it says otherwise). */
export function epochSeconds(text) {
  const s = String(text).trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z`
    : /(Z|[+-]\d{2}:\d{2})$/.test(s) ? s : `${s}Z`;
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`'${text}' is not a date (use 2024-01-31 or 2024-01-31T10:00)`);
  return Math.round(millis / 1000);
}

/** An epoch-seconds value as an ISO date (or date-time when not at midnight UTC). */
export function isoFromEpoch(seconds) {
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

const blank = (v) => v === undefined || v === null || v === '';

/** Why a filter spec cannot be built, or null. */
export function filterProblem(spec) {
  if (!spec.filterGroupId || !/^[\w-]+$/.test(spec.filterGroupId)) return 'The filter needs an id.';
  if (!FILTER_KINDS[spec.kind]) return `Unknown filter kind ${spec.kind}`;
  if (!spec.column?.ColumnName) return 'Pick the field to filter.';
  if (!spec.scope?.sheetId) return 'The filter needs a sheet.';
  if (spec.scope.visualIds && !spec.scope.visualIds.length) return 'Pick the visuals the filter applies to.';
  if (spec.kind === 'category' && !spec.category?.parameter && !(spec.category?.values || []).length) {
    return 'Pick at least one value (or a parameter).';
  }
  if (spec.kind === 'numeric-range') {
    const r = spec.range || {};
    if (blank(r.min) && blank(r.max) && !r.minParameter && !r.maxParameter) return 'Give a minimum or a maximum.';
    for (const v of [r.min, r.max]) if (!blank(v) && !Number.isFinite(Number(v))) return `'${v}' is not a number.`;
  }
  if (spec.kind === 'time-range') {
    if (blank(spec.time?.from) && blank(spec.time?.to)) return 'Give a start or an end date.';
    try {
      for (const v of [spec.time.from, spec.time.to]) if (!blank(v)) epochSeconds(v);
    } catch (error) {
      return error.message;
    }
  }
  if (spec.kind === 'relative-dates') {
    const r = spec.relative || {};
    if (!RELATIVE_TYPES.includes(r.type)) return 'Pick last, this, previous, to date or next.';
    if ((r.type === 'LAST' || r.type === 'NEXT') && !(Number.isInteger(Number(r.n)) && Number(r.n) >= 1)) {
      return 'How many periods? (a whole number ≥ 1)';
    }
  }
  return null;
}

/** The FilterGroup of a spec; throws when filterProblem says why not. */
export function buildFilterGroup(spec) {
  const problem = filterProblem(spec);
  if (problem) throw new Error(problem);
  const filter = { FilterId: `${spec.filterGroupId}-filter`, Column: { ...spec.column } };
  if (spec.kind === 'category') {
    const c = spec.category;
    filter.Configuration = c.parameter
      ? { CustomFilterConfiguration: { MatchOperator: c.operator || 'EQUALS', ParameterName: c.parameter,
        NullOption: 'NON_NULLS_ONLY' } }
      : { FilterListConfiguration: { MatchOperator: c.operator || 'EQUALS', CategoryValues: [...c.values],
        NullOption: 'NON_NULLS_ONLY' } };
  } else if (spec.kind === 'numeric-range') {
    const r = spec.range;
    const bound = (value, parameter) => (parameter ? { Parameter: parameter }
      : blank(value) ? undefined : { StaticValue: Number(value) });
    const min = bound(r.min, r.minParameter);
    const max = bound(r.max, r.maxParameter);
    if (min) Object.assign(filter, { IncludeMinimum: true, RangeMinimum: min });
    if (max) Object.assign(filter, { IncludeMaximum: true, RangeMaximum: max });
    filter.NullOption = 'NON_NULLS_ONLY';
  } else if (spec.kind === 'time-range') {
    if (!blank(spec.time.from)) {
      Object.assign(filter, { IncludeMinimum: true, RangeMinimumValue: { StaticValue: epochSeconds(spec.time.from) } });
    }
    if (!blank(spec.time.to)) {
      Object.assign(filter, { IncludeMaximum: true, RangeMaximumValue: { StaticValue: epochSeconds(spec.time.to) } });
    }
    // Bounds that are whole days compare by day, so the last day counts whole (as the date picker means it).
    const day = (text) => blank(text) || /^\d{4}-\d{2}-\d{2}$/.test(String(text).trim());
    if (day(spec.time.from) && day(spec.time.to)) filter.TimeGranularity = 'DAY';
    filter.NullOption = 'NON_NULLS_ONLY';
  } else {
    const r = spec.relative;
    Object.assign(filter, { AnchorDateConfiguration: { AnchorOption: 'NOW' }, TimeGranularity: r.granularity || 'DAY',
      RelativeDateType: r.type });
    if (r.type === 'LAST' || r.type === 'NEXT') filter.RelativeDateValue = Number(r.n);
    filter.NullOption = 'NON_NULLS_ONLY';
  }
  const scope = spec.scope.visualIds
    ? { SheetId: spec.scope.sheetId, Scope: 'SELECTED_VISUALS', VisualIds: [...spec.scope.visualIds] }
    : { SheetId: spec.scope.sheetId, Scope: 'ALL_VISUALS' };
  return {
    FilterGroupId: spec.filterGroupId,
    Filters: [{ [FILTER_KINDS[spec.kind].member]: filter }],
    ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [scope] } },
    Status: spec.enabled === false ? 'DISABLED' : 'ENABLED',
    CrossDataset: 'SINGLE_DATASET',
  };
}

/** The spec of a FilterGroup of one filter the editor knows; null otherwise. */
export function specFromFilterGroup(group) {
  const filters = group.Filters || [];
  if (filters.length !== 1) return null;
  const member = Object.keys(filters[0])[0];
  const kind = Object.keys(FILTER_KINDS).find((k) => FILTER_KINDS[k].member === member);
  if (!kind) return null;
  const f = filters[0][member];
  const scoping = group.ScopeConfiguration?.SelectedSheets?.SheetVisualScopingConfigurations?.[0];
  const spec = { filterGroupId: group.FilterGroupId, kind, column: { ...f.Column }, enabled: group.Status !== 'DISABLED',
    scope: { sheetId: scoping?.SheetId, visualIds: scoping?.Scope === 'SELECTED_VISUALS' ? [...(scoping.VisualIds || [])]
      : null } };
  if (kind === 'category') {
    const custom = f.Configuration?.CustomFilterConfiguration;
    const list = f.Configuration?.FilterListConfiguration;
    spec.category = custom ? { operator: custom.MatchOperator, parameter: custom.ParameterName, values: [] }
      : { operator: list?.MatchOperator || 'EQUALS', values: [...(list?.CategoryValues || [])] };
  } else if (kind === 'numeric-range') {
    spec.range = { min: f.RangeMinimum?.StaticValue ?? '', max: f.RangeMaximum?.StaticValue ?? '',
      minParameter: f.RangeMinimum?.Parameter || '', maxParameter: f.RangeMaximum?.Parameter || '' };
  } else if (kind === 'time-range') {
    const side = (v) => (v?.StaticValue === undefined ? '' : isoFromEpoch(v.StaticValue));
    spec.time = { from: side(f.RangeMinimumValue), to: side(f.RangeMaximumValue) };
  } else {
    spec.relative = { granularity: f.TimeGranularity, type: f.RelativeDateType, n: f.RelativeDateValue ?? '' };
  }
  return spec;
}

/** A short description of a filter spec, e.g. "channel = web, store" or "order_date: last 7 days". */
export function describeFilter(spec) {
  const name = spec.column?.ColumnName;
  switch (spec.kind) {
    case 'category':
      return spec.category.parameter ? `${name} = \${${spec.category.parameter}}`
        : `${name} ${spec.category.operator === 'DOES_NOT_EQUAL' ? '≠' : '='} ${spec.category.values.join(', ')}`;
    case 'numeric-range': {
      const r = spec.range;
      const side = (v, p) => (p ? `\${${p}}` : blank(v) ? '…' : v);
      return `${name} in [${side(r.min, r.minParameter)}, ${side(r.max, r.maxParameter)}]`;
    }
    case 'time-range':
      return `${name} from ${spec.time.from || '…'} to ${spec.time.to || '…'}`;
    default: {
      const r = spec.relative;
      const unit = String(r.granularity || 'DAY').toLowerCase();
      return `${name}: ${r.type.toLowerCase()}${r.type === 'LAST' || r.type === 'NEXT' ? ` ${r.n}` : ''} ${unit}s`;
    }
  }
}
