// The analysis Definition as the editor changes it: sheets, visuals, calculated fields, filters, parameters and
// controls, publishing and the distinct values of a category filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as d from '../../main/resources/io/glaux/ui/js/analysis/definition.js';
import { buildVisual } from '../../main/resources/io/glaux/ui/js/analysis/visuals.js';
import { buildFilterGroup } from '../../main/resources/io/glaux/ui/js/analysis/filters.js';
import { buildParameter, buildControl } from '../../main/resources/io/glaux/ui/js/analysis/parameters.js';
import { publishDashboard, versionNumberOf, anonymousEmbedRequest }
  from '../../main/resources/io/glaux/ui/js/analysis/publish.js';
import { distinctValues, matching } from '../../main/resources/io/glaux/ui/js/analysis/distinct-values.js';
import { idFromName, uniqueId, parameterName } from '../../main/resources/io/glaux/ui/js/analysis/ids.js';
import { expressionError, caret } from '../../main/resources/io/glaux/ui/js/analysis/errors.js';

const ARN = 'arn:aws:quicksight:us-east-1:000000000000:dataset/orders';
const kpi = (id) => buildVisual({ type: 'kpi', visualId: id, dataSetIdentifier: 'orders',
  wells: { Values: [{ column: 'amount', kind: 'numerical', aggregation: 'SUM' }] } });

test('a new analysis declares its datasets and has one empty sheet', () => {
  assert.deepEqual(d.newDefinition([{ Identifier: 'orders', DataSetArn: ARN, Name: 'ignored' }]), {
    DataSetIdentifierDeclarations: [{ Identifier: 'orders', DataSetArn: ARN }],
    Sheets: [{ SheetId: 'sheet-1', Name: 'Sheet 1', Visuals: [] }] });
  assert.throws(() => d.newDefinition([]), /at least one dataset/);
  assert.equal(d.dataSetIdentifier('Orders', ['Orders']), 'Orders-2');
});

test('ids come from names and stay unique', () => {
  assert.equal(idFromName('Sales by Month (2024) é'), 'sales-by-month-2024-e');
  assert.equal(uniqueId('a', ['a', 'a-2']), 'a-3');
  assert.equal(parameterName('min order qty'), 'MinOrderQty');
});

test('sheets are added, renamed and removed without touching the definition given', () => {
  const start = d.newDefinition([{ Identifier: 'orders', DataSetArn: ARN }]);
  const { definition, sheetId } = d.addSheet(start, 'Details');
  assert.equal(sheetId, 'details');
  assert.equal(start.Sheets.length, 1, 'pure: the old definition is unchanged');
  const renamed = d.renameSheet(definition, 'details', 'More details');
  assert.deepEqual(renamed.Sheets.map((s) => [s.SheetId, s.Name]), [['sheet-1', 'Sheet 1'], ['details', 'More details']]);
  assert.equal(d.addSheet(renamed, 'Details').sheetId, 'details-2');
  assert.throws(() => d.renameSheet(renamed, 'details', ' '), /name/);
  assert.throws(() => d.removeSheet(start, 'sheet-1'), /at least one sheet/);
});

test('visuals are added, replaced in place and removed, also from filter scopes', () => {
  let def = d.newDefinition([{ Identifier: 'orders', DataSetArn: ARN }]);
  def = d.addSheet(def, 'Two').definition;
  def = d.putVisual(def, 'sheet-1', kpi('total'));
  def = d.putVisual(def, 'two', kpi('other'));
  assert.equal(d.newVisualId(def, 'Total'), 'total-2');
  const retitled = buildVisual({ type: 'kpi', visualId: 'total', title: 'Sum', dataSetIdentifier: 'orders',
    wells: { Values: [{ column: 'amount', kind: 'numerical', aggregation: 'MAX' }] } });
  def = d.putVisual(def, 'two', retitled);
  assert.deepEqual(d.visuals(def).map((v) => [v.sheetId, v.visualId, v.kind]),
    [['sheet-1', 'total', 'KPIVisual'], ['two', 'other', 'KPIVisual']], 'replaced where it is');
  def = d.putFilterGroup(def, buildFilterGroup({ filterGroupId: 'f', kind: 'category',
    column: { DataSetIdentifier: 'orders', ColumnName: 'channel' }, scope: { sheetId: 'sheet-1',
      visualIds: ['total'] }, category: { values: ['web'] } }));
  def = d.removeVisual(def, 'total');
  assert.deepEqual(def.Sheets[0].Visuals, []);
  assert.deepEqual(def.FilterGroups[0].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations[0].VisualIds,
    []);
  const removed = d.removeSheet(def, 'sheet-1');
  assert.deepEqual(removed.Sheets.map((s) => s.SheetId), ['two']);
  assert.equal(removed.FilterGroups, undefined, 'a group scoped to the removed sheet only goes with it');
});

test('calculated fields are named, renamed and offered among the dataset fields', () => {
  let def = d.newDefinition([{ Identifier: 'orders', DataSetArn: ARN }]);
  def = d.putCalculatedField(def, { Name: 'net', DataSetIdentifier: 'orders', Expression: '{amount} * 0.8' });
  def = d.putCalculatedField(def, { Name: 'net2', DataSetIdentifier: 'orders', Expression: '{amount} * ${Rate}' },
    'net');
  assert.deepEqual(def.CalculatedFields, [{ DataSetIdentifier: 'orders', Name: 'net2',
    Expression: '{amount} * ${Rate}' }]);
  assert.deepEqual(d.fieldsOfDataSet(def, 'orders', [{ Name: 'amount', Type: 'DECIMAL' }]),
    [{ name: 'amount', type: 'DECIMAL' }, { name: 'net2', type: null, calculated: true }]);
  def = d.putCalculatedField(def, { Name: 'other', DataSetIdentifier: 'orders', Expression: '1' });
  assert.throws(() => d.putCalculatedField(def, { Name: 'other', DataSetIdentifier: 'orders', Expression: '2' },
    'net2'), /already/);
  assert.throws(() => d.putCalculatedField(def, { Name: 'x', Expression: ' ' }), /expression/);
  assert.equal(d.removeCalculatedField(d.removeCalculatedField(def, 'net2'), 'other').CalculatedFields, undefined);
});

test('parameters cannot be removed while a control, filter or calculated field reads them', () => {
  let def = d.newDefinition([{ Identifier: 'orders', DataSetArn: ARN }]);
  const channel = { name: 'Channel', type: 'String', multi: false, defaults: ['web'] };
  def = d.putParameter(def, buildParameter(channel));
  def = d.putControl(def, 'sheet-1', buildControl({ controlId: d.newControlId(def, 'Channel'), kind: 'dropdown',
    parameterName: 'Channel', title: 'Channel', values: ['web', 'store'] }, [channel]));
  def = d.putFilterGroup(def, buildFilterGroup({ filterGroupId: 'by-channel', kind: 'category',
    column: { DataSetIdentifier: 'orders', ColumnName: 'channel' }, scope: { sheetId: 'sheet-1', visualIds: null },
    category: { parameter: 'Channel' } }));
  assert.deepEqual(def.Sheets[0].ParameterControls[0].Dropdown.ParameterControlId, 'channel-control');
  assert.deepEqual(d.parameterUsers(def, 'Channel'), ['control channel-control', 'filter by-channel']);
  assert.throws(() => d.removeParameter(def, 'Channel'), /used by control channel-control, filter by-channel/);
  def = d.removeControl(d.removeFilterGroup(def, 'by-channel'), 'sheet-1', 'channel-control');
  assert.equal(def.Sheets[0].ParameterControls, undefined);
  assert.equal(d.removeParameter(def, 'Channel').ParameterDeclarations, undefined);
  assert.throws(() => d.putParameter(d.putParameter(def, buildParameter({ ...channel, name: 'B' })),
    buildParameter(channel), 'B'), /already/);
  assert.equal(d.setFilterGroupStatus(d.putFilterGroup(def, { FilterGroupId: 'g', Filters: [] }), 'g', false)
    .FilterGroups[0].Status, 'DISABLED');
});

test('a dashboard definition leaves out what only analyses have', () => {
  const def = { ...d.newDefinition([{ Identifier: 'orders', DataSetArn: ARN }]),
    QueryExecutionOptions: { QueryExecutionMode: 'AUTO' } };
  assert.deepEqual(Object.keys(d.dashboardDefinition(def)), ['DataSetIdentifierDeclarations', 'Sheets']);
});

/** A client answering QuickSight calls from a script of [method, path, answer or error]. */
function scriptedClient(script) {
  const calls = [];
  return { calls, async quickSight(method, path, body) {
    calls.push([method, path, body]);
    const [m, p, answer] = script.shift();
    assert.equal(`${method} ${path}`, `${m} ${p}`);
    if (answer instanceof Error) throw answer;
    return answer;
  } };
}

test('publishing creates the dashboard the first time, then adds a version, and publishes it', async () => {
  const def = d.newDefinition([{ Identifier: 'orders', DataSetArn: ARN }]);
  const missing = Object.assign(new Error('not found'), { code: 'ResourceNotFoundException' });
  const arn = 'arn:aws:quicksight:us-east-1:000000000000:dashboard/sales';
  const first = scriptedClient([['GET', '/dashboards/sales', missing],
    ['POST', '/dashboards/sales', { Arn: arn, VersionArn: `${arn}/version/1` }],
    ['PUT', '/dashboards/sales/versions/1', {}]]);
  assert.deepEqual(await publishDashboard(first, { dashboardId: 'sales', name: 'Sales', definition: def }),
    { dashboardId: 'sales', arn, versionNumber: 1, created: true });
  assert.deepEqual(first.calls[1][2], { Name: 'Sales', Definition: def });
  const again = scriptedClient([['GET', '/dashboards/sales', { Dashboard: {} }],
    ['PUT', '/dashboards/sales', { Arn: arn, VersionArn: `${arn}/version/2` }],
    ['PUT', '/dashboards/sales/versions/2', {}]]);
  assert.equal((await publishDashboard(again, { dashboardId: 'sales', name: 'Sales', definition: def }))
    .versionNumber, 2);
  const denied = scriptedClient([['GET', '/dashboards/sales', Object.assign(new Error('no'),
    { code: 'AccessDeniedException' })]]);
  await assert.rejects(publishDashboard(denied, { dashboardId: 'sales', name: 'S', definition: def }), /no/);
  assert.throws(() => versionNumberOf('arn:x'), /version ARN/);
  assert.deepEqual(anonymousEmbedRequest(arn, 'sales'), { SessionLifetimeInMinutes: 60, Namespace: 'default',
    AuthorizedResourceArns: [arn], ExperienceConfiguration: { Dashboard: { InitialDashboardId: 'sales' } } });
});

test('distinct values are asked of the dataset for its own columns only', async () => {
  const calls = [];
  const client = { async columnValues(...args) {
    calls.push(args);
    return { Columns: [{ Name: 'quantity', Type: 'INTEGER' }], Rows: [[1], [2], [10]] };
  } };
  const dataSet = { DataSetId: 'orders', OutputColumns: [{ Name: 'quantity' }, { Name: 'channel' }] };
  assert.deepEqual(await distinctValues(client, dataSet, 'quantity'), ['1', '2', '10']);
  assert.deepEqual(calls, [['orders', 'quantity', 1000]]);
  assert.equal(await distinctValues(client, dataSet, 'revenue'), null, 'an analysis calculated field: typed');
  assert.equal(await distinctValues(client, undefined, 'quantity'), null);
  assert.equal(calls.length, 1);
  assert.deepEqual(matching(['Web', 'store', 'webshop'], 'WEB'), ['Web', 'webshop']);
});

test('an expression error names its field and position', () => {
  assert.deepEqual(expressionError("Calculated field 'net': unknown column {amout} at position 1", ['net', 'x']),
    { field: 'net', position: 1 });
  assert.deepEqual(expressionError('Something else'), { field: null, position: null });
  assert.equal(caret('{amout} * 2', 1), '{amout} * 2\n ^');
});

test('saves run one at a time, and changes made meanwhile are saved once after', async () => {
  const { saveQueue } = await import('../../main/resources/io/glaux/ui/js/analysis/save-queue.js');
  const statuses = [];
  let saves = 0;
  let release;
  const request = saveQueue(async () => {
    saves++;
    if (saves === 1) await new Promise((resolve) => { release = resolve; });
    if (saves === 3) throw new Error('refused');
  }, (status, error) => statuses.push(error ? `${status}: ${error.message}` : status));
  const first = request();
  request();
  request();
  release();
  await first;
  assert.equal(saves, 2, 'the two requests made during the first save are one more save');
  assert.deepEqual(statuses, ['saving', 'saving', 'saved']);
  await request();
  assert.deepEqual(statuses.slice(3), ['saving', 'error: refused']);
});
