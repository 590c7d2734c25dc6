// The analysis editor's filter groups and parameters: QuickSight's member names, and back to the form's specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFilterGroup, specFromFilterGroup, filterProblem, describeFilter, epochSeconds, isoFromEpoch }
  from '../../main/resources/io/glaux/ui/js/analysis/filters.js';
import { buildParameter, specFromParameter, buildControl, specFromControl, parameterProblem, controlProblem,
  defaultParameterValues } from '../../main/resources/io/glaux/ui/js/analysis/parameters.js';

const column = { DataSetIdentifier: 'orders', ColumnName: 'channel' };
const sheetScope = { sheetId: 'overview', visualIds: null };

test('a category filter over a list of values, on the whole sheet', () => {
  const spec = { filterGroupId: 'channel-filter', kind: 'category', column, enabled: true, scope: sheetScope,
    category: { operator: 'EQUALS', values: ['web', 'store'] } };
  assert.deepEqual(buildFilterGroup(spec), {
    FilterGroupId: 'channel-filter',
    Filters: [{ CategoryFilter: { FilterId: 'channel-filter-filter', Column: column, Configuration: {
      FilterListConfiguration: { MatchOperator: 'EQUALS', CategoryValues: ['web', 'store'],
        NullOption: 'NON_NULLS_ONLY' } } } }],
    ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [
      { SheetId: 'overview', Scope: 'ALL_VISUALS' }] } },
    Status: 'ENABLED', CrossDataset: 'SINGLE_DATASET' });
  assert.deepEqual(specFromFilterGroup(buildFilterGroup(spec)), spec);
  assert.equal(describeFilter(spec), 'channel = web, store');
});

test('a category filter reading a parameter, on selected visuals, disabled', () => {
  const spec = { filterGroupId: 'f', kind: 'category', column, enabled: false,
    scope: { sheetId: 'overview', visualIds: ['by-channel', 'total'] },
    category: { operator: 'EQUALS', parameter: 'Channel', values: [] } };
  const group = buildFilterGroup(spec);
  assert.deepEqual(group.Filters[0].CategoryFilter.Configuration, { CustomFilterConfiguration: {
    MatchOperator: 'EQUALS', ParameterName: 'Channel', NullOption: 'NON_NULLS_ONLY' } });
  assert.deepEqual(group.ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations,
    [{ SheetId: 'overview', Scope: 'SELECTED_VISUALS', VisualIds: ['by-channel', 'total'] }]);
  assert.equal(group.Status, 'DISABLED');
  assert.deepEqual(specFromFilterGroup(group), spec);
  assert.equal(describeFilter(spec), 'channel = ${Channel}');
});

test('a numeric range filter with a static minimum and a parameter maximum', () => {
  const spec = { filterGroupId: 'q', kind: 'numeric-range', column: { ...column, ColumnName: 'quantity' },
    enabled: true, scope: sheetScope, range: { min: '2', max: '', minParameter: '', maxParameter: 'MaxQuantity' } };
  const f = buildFilterGroup(spec).Filters[0].NumericRangeFilter;
  assert.deepEqual(f, { FilterId: 'q-filter', Column: { DataSetIdentifier: 'orders', ColumnName: 'quantity' },
    IncludeMinimum: true, RangeMinimum: { StaticValue: 2 }, IncludeMaximum: true,
    RangeMaximum: { Parameter: 'MaxQuantity' }, NullOption: 'NON_NULLS_ONLY' });
  assert.deepEqual(specFromFilterGroup(buildFilterGroup(spec)).range,
    { min: 2, max: '', minParameter: '', maxParameter: 'MaxQuantity' });
  assert.match(filterProblem({ ...spec, range: { min: 'x' } }), /not a number/);
  assert.match(filterProblem({ ...spec, range: {} }), /minimum or a maximum/);
});

test('a date range filter stores epoch seconds (a REST-JSON Timestamp) and reads back as ISO dates', () => {
  const spec = { filterGroupId: 'd', kind: 'time-range', column: { ...column, ColumnName: 'order_date' },
    enabled: true, scope: sheetScope, time: { from: '2024-01-01', to: '2024-03-31T12:30:00' } };
  const f = buildFilterGroup(spec).Filters[0].TimeRangeFilter;
  assert.deepEqual(f.RangeMinimumValue, { StaticValue: 1704067200 });
  assert.deepEqual(f.RangeMaximumValue, { StaticValue: 1711888200 });
  assert.equal(f.IncludeMinimum, true);
  assert.equal(f.NullOption, 'NON_NULLS_ONLY');
  assert.equal(f.TimeGranularity, undefined, 'a bound with a time compares to the second');
  const days = buildFilterGroup({ ...spec, time: { from: '2024-02-01', to: '2024-02-29' } }).Filters[0].TimeRangeFilter;
  assert.equal(days.TimeGranularity, 'DAY', 'whole days: the last one counts whole');
  assert.deepEqual(specFromFilterGroup(buildFilterGroup(spec)).time, spec.time);
  assert.equal(epochSeconds('2024-01-01T00:00:00+01:00'), 1704063600);
  assert.equal(isoFromEpoch(1704067200), '2024-01-01');
  assert.match(filterProblem({ ...spec, time: { from: 'soon' } }), /not a date/);
});

test('relative dates: last 7 days anchored now; this month has no value', () => {
  const spec = { filterGroupId: 'r', kind: 'relative-dates', column: { ...column, ColumnName: 'order_date' },
    enabled: true, scope: sheetScope, relative: { granularity: 'DAY', type: 'LAST', n: 7 } };
  assert.deepEqual(buildFilterGroup(spec).Filters[0].RelativeDatesFilter, { FilterId: 'r-filter',
    Column: { DataSetIdentifier: 'orders', ColumnName: 'order_date' }, AnchorDateConfiguration: { AnchorOption: 'NOW' },
    TimeGranularity: 'DAY', RelativeDateType: 'LAST', RelativeDateValue: 7, NullOption: 'NON_NULLS_ONLY' });
  assert.deepEqual(specFromFilterGroup(buildFilterGroup(spec)), spec);
  const thisMonth = buildFilterGroup({ ...spec, relative: { granularity: 'MONTH', type: 'THIS' } });
  assert.equal(thisMonth.Filters[0].RelativeDatesFilter.RelativeDateValue, undefined);
  assert.equal(describeFilter(spec), 'order_date: last 7 days');
  assert.match(filterProblem({ ...spec, relative: { type: 'LAST', n: 0 } }), /whole number/);
});

test('a filter needs a value, a field and visuals when scoped to selected ones', () => {
  const spec = { filterGroupId: 'c', kind: 'category', column, scope: sheetScope, category: { values: [] } };
  assert.match(filterProblem(spec), /at least one value/);
  assert.match(filterProblem({ ...spec, column: {} }), /field/);
  assert.match(filterProblem({ ...spec, category: { values: ['a'] }, scope: { sheetId: 's', visualIds: [] } }),
    /visuals/);
  assert.throws(() => buildFilterGroup(spec), /at least one value/);
});

test('parameters of each type with their defaults as the declarations hold them', () => {
  assert.deepEqual(buildParameter({ name: 'Channel', type: 'String', multi: false, defaults: ['web'] }),
    { StringParameterDeclaration: { Name: 'Channel', ParameterValueType: 'SINGLE_VALUED',
      DefaultValues: { StaticValues: ['web'] } } });
  assert.deepEqual(buildParameter({ name: 'MinQty', type: 'Integer', multi: true, defaults: ['1', '2'] }),
    { IntegerParameterDeclaration: { Name: 'MinQty', ParameterValueType: 'MULTI_VALUED',
      DefaultValues: { StaticValues: [1, 2] } } });
  assert.deepEqual(buildParameter({ name: 'Rate', type: 'Decimal', multi: false, defaults: [] }),
    { DecimalParameterDeclaration: { Name: 'Rate', ParameterValueType: 'SINGLE_VALUED' } });
  const since = buildParameter({ name: 'Since', type: 'DateTime', defaults: ['2024-02-01'] });
  assert.deepEqual(since, { DateTimeParameterDeclaration: { Name: 'Since',
    DefaultValues: { StaticValues: [1706745600] }, TimeGranularity: 'DAY' } });
  assert.deepEqual(specFromParameter(since), { name: 'Since', type: 'DateTime', multi: false,
    defaults: ['2024-02-01'] });
  assert.match(parameterProblem({ name: 'Min qty', type: 'Integer' }), /letters and digits/);
  assert.match(parameterProblem({ name: 'N', type: 'Integer', defaults: ['1.5'] }), /whole number/);
  assert.match(parameterProblem({ name: 'N', type: 'String', defaults: ['a', 'b'] }), /one default/);
  assert.deepEqual(defaultParameterValues({ ParameterDeclarations: [since,
    buildParameter({ name: 'Channel', type: 'String', defaults: ['web'] })] }),
  { Since: ['2024-02-01'], Channel: ['web'] });
});

test('parameter controls: dropdown of static values, text field, date picker', () => {
  const parameters = [{ name: 'Channel', type: 'String', multi: false }, { name: 'Since', type: 'DateTime' }];
  const dropdown = { controlId: 'channel-control', kind: 'dropdown', parameterName: 'Channel', title: 'Channel',
    values: ['web', 'store'], multi: false, link: null };
  assert.deepEqual(buildControl(dropdown, parameters), { Dropdown: { ParameterControlId: 'channel-control',
    Title: 'Channel', SourceParameterName: 'Channel', Type: 'SINGLE_SELECT',
    SelectableValues: { Values: ['web', 'store'] } } });
  assert.deepEqual(specFromControl(buildControl(dropdown, parameters)), dropdown);
  assert.deepEqual(buildControl({ controlId: 't', kind: 'text', parameterName: 'Channel', title: 'Type' }, parameters),
    { TextField: { ParameterControlId: 't', Title: 'Type', SourceParameterName: 'Channel' } });
  assert.deepEqual(buildControl({ controlId: 'd', kind: 'datetime', parameterName: 'Since', title: 'Since' },
    parameters), { DateTimePicker: { ParameterControlId: 'd', Title: 'Since', SourceParameterName: 'Since' } });
  assert.match(controlProblem({ controlId: 'd', kind: 'text', parameterName: 'Since', title: 'x' }, parameters),
    /date picker/);
  assert.match(controlProblem({ ...dropdown, values: [] }, parameters), /values/);
  assert.match(controlProblem({ ...dropdown, parameterName: 'Nope' }, parameters), /parameter/);
  const linked = { ...dropdown, values: [], link: { DataSetIdentifier: 'orders', ColumnName: 'channel' } };
  assert.deepEqual(buildControl(linked, parameters).Dropdown.SelectableValues,
    { LinkToDataSetColumn: { DataSetIdentifier: 'orders', ColumnName: 'channel' } }, 'values from a dataset column');
  assert.deepEqual(specFromControl(buildControl(linked, parameters)), linked);
  assert.equal(controlProblem(linked, parameters), null);
});
