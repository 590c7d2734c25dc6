// Drill-down steps and breadcrumbs, Athena's bill, provenance and the SPICE/direct query comparison, parameter
// defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breadcrumb, canDrill, dateLabel, drillable, drillInto, drillUp, levelLabel }
  from '../../main/resources/io/glaux/ui/js/visual/drill.js';
import { athenaCost, billedBytes, compareText, formatDollars, provenance, speedUp }
  from '../../main/resources/io/glaux/ui/js/visual/cost.js';
import { isoDate, parameterDeclaration, parameterDefaults }
  from '../../main/resources/io/glaux/ui/js/visual/controls.js';
import { bar, category, date, line, response } from './visual-fixtures.mjs';

const MB = 2 ** 20;

test('a date hierarchy drills year → quarter → month → day from the field granularity', () => {
  const drill = drillable(line());
  assert.deepEqual(drill.levels.map((l) => l.granularity), ['YEAR', 'QUARTER', 'MONTH', 'DAY']);
  assert.equal(drill.fieldId, 'date-f');
  let steps = drillInto(drill, [], '2024-01-01 00:00:00.000');
  assert.deepEqual(steps, [{ HierarchyId: 'dates', Value: '2024-01-01 00:00:00.000' }]);
  steps = drillInto(drill, steps, '2024-04-01 00:00:00.000');
  steps = drillInto(drill, steps, '2024-05-01 00:00:00.000');
  assert.equal(steps.length, 3);
  assert.equal(canDrill(drill, steps), false, 'days are the bottom');
  assert.equal(drillInto(drill, steps, '2024-05-02 00:00:00.000'), steps);
  assert.deepEqual(breadcrumb(drill, steps).map((c) => [c.label, c.depth]), [['All (Year)', 0],
    ['2024 (Quarter)', 1], ['2024 Q2 (Month)', 2], ['2024-05 (Day)', 3]]);
  assert.deepEqual(drillUp(steps, 1), [steps[0]]);
  assert.deepEqual(drillUp(steps, 0), []);
});

test('a visual without a hierarchy, or whose hierarchy is not declared, does not drill', () => {
  assert.equal(drillable(line(false)), null);
  assert.equal(drillable(bar({}, { Category: [category('channel-f', 'channel', { HierarchyId: 'nope' })] })), null);
  const weekly = line();
  weekly.LineChartVisual.ChartConfiguration.FieldWells.LineChartAggregatedFieldWells.Category =
    [date('date-f', 'ordered_at', 'WEEK', { HierarchyId: 'dates' })];
  assert.deepEqual(drillable(weekly).levels.map((l) => l.granularity), ['WEEK', 'DAY']);
});

test('an explicit hierarchy drills down its columns from the field column', () => {
  const visual = bar({}, { Category: [category('country-f', 'country', { HierarchyId: 'geo' })] });
  visual.BarChartVisual.ColumnHierarchies = [{ ExplicitHierarchy: { HierarchyId: 'geo', Columns: [
    { DataSetIdentifier: 'orders', ColumnName: 'country' }, { DataSetIdentifier: 'orders', ColumnName: 'channel' },
    { DataSetIdentifier: 'orders', ColumnName: 'status' }] } }];
  const drill = drillable(visual);
  assert.deepEqual(drill.levels.map((l) => l.label), ['country', 'channel', 'status']);
  const steps = drillInto(drill, [], 'DE');
  assert.deepEqual(steps, [{ HierarchyId: 'geo', Value: 'DE' }]);
  assert.deepEqual(breadcrumb(drill, steps).map((c) => c.label), ['All (country)', 'DE (channel)']);
  assert.equal(levelLabel(drill.levels[0], 'DE'), 'DE');
});

test('dates are labelled by their period', () => {
  const value = '2024-08-17 13:45:10.000';
  assert.deepEqual(['YEAR', 'QUARTER', 'MONTH', 'DAY', 'HOUR', 'MINUTE'].map((g) => dateLabel(value, g)),
    ['2024', '2024 Q3', '2024-08', '2024-08-17', '2024-08-17 13:00', '2024-08-17 13:45']);
  assert.equal(dateLabel('not a date', 'YEAR'), 'not a date');
});

test('Athena bills bytes rounded up to the next MB with a 10 MB minimum, at $5 per TB', () => {
  assert.equal(billedBytes(0), 10 * MB);
  assert.equal(billedBytes(1000), 10 * MB);
  assert.equal(billedBytes(10 * MB + 1), 11 * MB);
  assert.equal(billedBytes(15.5 * MB), 16 * MB);
  assert.equal(athenaCost(1000), 10 * MB / 2 ** 40 * 5);
  assert.equal(formatDollars(athenaCost(1000)), '$0.000048');
  assert.equal(formatDollars(athenaCost(15.5 * MB)), '$0.000076');
  assert.equal(formatDollars(athenaCost(2 ** 40)), '$5.00');
  assert.equal(formatDollars(athenaCost(2 ** 39)), '$2.50');
  assert.equal(formatDollars(athenaCost(2 ** 34)), '$0.078');
});

test('provenance: SPICE has no query; a direct query has its id, bytes and cost', () => {
  const spice = provenance(response([['a', 'STRING']], [['x'], ['y']]));
  assert.deepEqual(spice, { source: 'SPICE', time: '3 ms', rows: 2 });
  const direct = provenance(response([['a', 'STRING']], [['x']], { Source: 'DIRECT_QUERY', QueryExecutionId: 'q-1',
    ElapsedMillis: 1500, DataScannedInBytes: 2048 }));
  assert.deepEqual(direct, { source: 'Direct query', time: '1.50 s', rows: 1, queryExecutionId: 'q-1',
    scanned: 2048, billed: 10 * MB, cost: '$0.000048' });
});

test('the comparison gives both times and the speed-up, or why a side failed', () => {
  const spice = { data: { Source: 'SPICE', ElapsedMillis: 4 } };
  const direct = { data: { Source: 'DIRECT_QUERY', ElapsedMillis: 180 } };
  assert.equal(compareText(spice, direct), 'SPICE 4 ms · direct query 180 ms · SPICE 45× faster');
  assert.equal(speedUp(0, 30), 'SPICE over 30× faster');
  assert.equal(speedUp(200, 100), 'direct query 2× faster');
  assert.equal(speedUp(5, 5), 'same time');
  const error = Object.assign(new Error('The dataset is not in SPICE.'), { code: 'InvalidParameterValueException' });
  assert.equal(compareText({ error }, direct), 'SPICE failed (InvalidParameterValueException: The dataset is not in'
    + ' SPICE.) · direct query 180 ms');
  assert.equal(compareText(spice, { data: { Source: 'SPICE', ElapsedMillis: 5 } }),
    'SPICE 4 ms · direct query 5 ms (ran as SPICE) · SPICE 1.3× faster');
});

test('parameter defaults come from the declarations static values', () => {
  const definition = { ParameterDeclarations: [
    { StringParameterDeclaration: { Name: 'Channel', ParameterValueType: 'SINGLE_VALUED',
      DefaultValues: { StaticValues: ['web'] } } },
    { IntegerParameterDeclaration: { Name: 'Min', ParameterValueType: 'MULTI_VALUED' } },
    { DateTimeParameterDeclaration: { Name: 'From', DefaultValues: { StaticValues: [1704067200] } } }] };
  assert.deepEqual(parameterDefaults(definition), { Channel: ['web'], From: [1704067200] });
  assert.deepEqual(parameterDeclaration(definition, 'Min'), { Name: 'Min', ParameterValueType: 'MULTI_VALUED',
    type: 'Integer', multi: true });
  assert.equal(parameterDeclaration(definition, 'None'), null);
  assert.equal(isoDate(1704067200), '2024-01-01');
  assert.equal(isoDate('2024-03-05 00:00:00.000'), '2024-03-05');
  assert.equal(isoDate(''), '');
});
