// The dataset pages' pure logic: Athena → QuickSight types, the CreateDataSet body and back, error positions, and
// SPICE refresh helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inputType, tableInputColumns, columnsProbeSql } from '../../main/resources/io/glaux/ui/js/data/types.js';
import { buildDataSet, stateFromDataSet, outputColumns, updateBody }
  from '../../main/resources/io/glaux/ui/js/data/dataset-body.js';
import { parseDataSetError, locateError, splitAt } from '../../main/resources/io/glaux/ui/js/data/errors.js';
import { previousTotal, progressOf, scheduleBody, scheduleForm, lookbackBody, newIngestionId, newestFirst }
  from '../../main/resources/io/glaux/ui/js/data/refresh.js';

test('Athena types map to InputColumn types', () => {
  const cases = {
    varchar: 'STRING', 'varchar(20)': 'STRING', 'char(3)': 'STRING', string: 'STRING',
    tinyint: 'INTEGER', smallint: 'INTEGER', int: 'INTEGER', integer: 'INTEGER', bigint: 'INTEGER',
    double: 'DECIMAL', float: 'DECIMAL', real: 'DECIMAL', 'decimal(10,2)': 'DECIMAL', decimal: 'DECIMAL',
    boolean: 'BOOLEAN', date: 'DATETIME', timestamp: 'DATETIME', 'timestamp(3) with time zone': 'DATETIME',
    'array<string>': 'STRING', 'struct<os:string,browser:string>': 'STRING', 'map<string,int>': 'STRING',
    varbinary: 'STRING', INTEGER: 'INTEGER',
  };
  for (const [athena, quickSight] of Object.entries(cases)) {
    assert.equal(inputType(athena).Type, quickSight, athena);
  }
  assert.deepEqual(inputType('double'), { Type: 'DECIMAL', SubType: 'FLOAT' });
  assert.deepEqual(inputType('decimal(10,2)'), { Type: 'DECIMAL', SubType: 'FIXED' });
});

test('a table gives its columns then its partition keys', () => {
  const columns = tableInputColumns({ Name: 'orders', Columns: [{ Name: 'order_id', Type: 'bigint' },
    { Name: 'unit_price', Type: 'decimal(10,2)' }], PartitionKeys: [{ Name: 'order_date', Type: 'date' }] });
  assert.deepEqual(columns, [{ Name: 'order_id', Type: 'INTEGER' },
    { Name: 'unit_price', Type: 'DECIMAL', SubType: 'FIXED' }, { Name: 'order_date', Type: 'DATETIME' }]);
  assert.equal(columnsProbeSql('SELECT 1 AS x ;; '), 'SELECT * FROM (SELECT 1 AS x) LIMIT 0');
});

function ordersState() {
  return {
    id: 'orders', name: 'Orders', importMode: 'SPICE', dataSourceArn: 'arn:ds', physicalId: 'p', logicalId: 'l',
    source: { kind: 'table', catalog: 'AwsDataCatalog', database: 'shop', table: 'orders' },
    columns: [
      { name: 'order_id', type: 'INTEGER', subType: '', rename: '', castTo: '', hidden: false },
      { name: 'quantity', type: 'INTEGER', subType: '', rename: 'qty', castTo: 'DECIMAL', hidden: false },
      { name: 'unit_price', type: 'DECIMAL', subType: 'FIXED', rename: '', castTo: '', hidden: false },
      { name: 'channel', type: 'STRING', subType: '', rename: '', castTo: '', hidden: true },
    ],
    calculated: [{ key: 'k1', id: 'c1', name: 'revenue', expression: '{qty} * {unit_price}' }],
    filters: [{ key: 'f1', expression: "{channel} = 'web'" }],
  };
}

test('the editor state becomes one logical table with its transforms in order', () => {
  const { body, origins } = buildDataSet(ordersState());
  assert.deepEqual(body.PhysicalTableMap, { p: { RelationalTable: { DataSourceArn: 'arn:ds', Catalog: 'AwsDataCatalog',
    Schema: 'shop', Name: 'orders', InputColumns: [{ Name: 'order_id', Type: 'INTEGER' },
      { Name: 'quantity', Type: 'INTEGER' }, { Name: 'unit_price', Type: 'DECIMAL', SubType: 'FIXED' },
      { Name: 'channel', Type: 'STRING' }] } } });
  assert.deepEqual(body.LogicalTableMap.l.Source, { PhysicalTableId: 'p' });
  assert.equal(body.LogicalTableMap.l.Alias, 'orders');
  assert.deepEqual(body.LogicalTableMap.l.DataTransforms, [
    { RenameColumnOperation: { ColumnName: 'quantity', NewColumnName: 'qty' } },
    { CastColumnTypeOperation: { ColumnName: 'qty', NewColumnType: 'DECIMAL' } },
    { CreateColumnsOperation: { Columns: [{ ColumnName: 'revenue', ColumnId: 'c1',
      Expression: '{qty} * {unit_price}' }] } },
    { FilterOperation: { ConditionExpression: "{channel} = 'web'" } },
    { ProjectOperation: { ProjectedColumns: ['order_id', 'qty', 'unit_price', 'revenue'] } },
  ]);
  assert.deepEqual(origins.map((o) => o.kind), ['rename', 'cast', 'calculated', 'filter', 'project']);
  assert.equal(body.ImportMode, 'SPICE');
  assert.equal(updateBody(body).DataSetId, undefined);
  assert.deepEqual(outputColumns(ordersState()).map((c) => c.name), ['order_id', 'qty', 'unit_price', 'revenue']);
});

test('a dataset read back gives the same state, and a plain one has no transforms', () => {
  const state = ordersState();
  const { body } = buildDataSet(state);
  const back = stateFromDataSet({ ...body, OutputColumns: [] });
  assert.deepEqual(back.columns, state.columns);
  assert.deepEqual(back.calculated, [{ key: 'c1', id: 'c1', name: 'revenue', expression: '{qty} * {unit_price}' }]);
  assert.deepEqual(back.filters.map((f) => f.expression), ["{channel} = 'web'"]);
  assert.deepEqual(back.source, state.source);
  assert.deepEqual(buildDataSet(back).body, body);

  const plain = buildDataSet({ ...state, columns: [state.columns[0]], calculated: [], filters: [],
    source: { kind: 'sql', name: 'q', sql: 'SELECT 1 AS order_id' }, importMode: 'DIRECT_QUERY' }).body;
  assert.equal(plain.LogicalTableMap.l.DataTransforms, undefined);
  assert.deepEqual(plain.PhysicalTableMap.p, { CustomSql: { DataSourceArn: 'arn:ds', Name: 'q',
    SqlQuery: 'SELECT 1 AS order_id', Columns: [{ Name: 'order_id', Type: 'INTEGER' }] } });
  assert.throws(() => stateFromDataSet({ DataSetId: 'x', PhysicalTableMap: { a: {}, b: {} } }), /one table/);
});

test('an expression error points at its calculated column or filter and position', () => {
  const { origins } = buildDataSet(ordersState());
  const message = "LogicalTable l (orders) DataTransforms[2] CreateColumnsOperation column 'revenue': "
    + "expression '{qty} * * 2': unexpected '*' at position 8";
  assert.deepEqual(parseDataSetError(message), { transformIndex: 2, operation: 'CreateColumnsOperation',
    column: 'revenue', expression: '{qty} * * 2', position: 8, problem: message });
  assert.deepEqual(locateError(message, origins), { kind: 'calculated', key: 'k1', position: 8, message });
  const filter = "LogicalTable l (orders) DataTransforms[3] FilterOperation: the condition '{qty} + 1' must be "
    + 'true or false, not a DECIMAL value';
  assert.deepEqual(locateError(filter, origins), { kind: 'filter', key: 'f1', position: null, message: filter });
  assert.equal(locateError('PhysicalTable p RelationalTable: no such column', origins), null);
  assert.deepEqual(splitAt('{a} +', 4), ['{a} ', '+', '']);
  assert.deepEqual(splitAt('{a} +', 5), ['{a} +', ' ', '']);
  assert.deepEqual(splitAt('{a}', null), ['{a}', '', '']);
});

test('ingestion progress uses the previous completed run\'s total, else is indeterminate', () => {
  const runs = [
    { IngestionId: 'a', CreatedTime: 10, IngestionStatus: 'COMPLETED', RowInfo: { RowsIngested: 90,
      TotalRowsInDataset: 90 } },
    { IngestionId: 'b', CreatedTime: 20, IngestionStatus: 'FAILED' },
    { IngestionId: 'c', CreatedTime: 30, IngestionStatus: 'RUNNING', RowInfo: { RowsIngested: 40 } },
  ];
  assert.deepEqual(newestFirst(runs).map((r) => r.IngestionId), ['c', 'b', 'a']);
  assert.equal(previousTotal(runs, 'c'), 90);
  assert.equal(previousTotal(runs, 'a'), null);
  assert.deepEqual(progressOf(runs[2], 90), { value: 40, max: 90 });
  assert.deepEqual(progressOf(runs[2], null), { value: null, max: null });
  assert.deepEqual(progressOf({ IngestionStatus: 'RUNNING', RowInfo: { RowsIngested: 120 } }, 90),
    { value: 90, max: 90 });
  assert.deepEqual(progressOf(runs[0], null), { value: 90, max: 90 });
  assert.match(newIngestionId(1700000000000, 0.5), /^[\w-]{1,128}$/);
  assert.notEqual(newIngestionId(1, 0.1), newIngestionId(1, 0.2));
});

test('refresh schedules and the lookback window have QuickSight\'s shapes', () => {
  const weekly = scheduleBody({ scheduleId: 's1', interval: 'WEEKLY', timeOfDay: '06:30', timezone: 'Europe/Paris',
    refreshType: 'INCREMENTAL_REFRESH', dayOfWeek: 'FRIDAY' });
  assert.deepEqual(weekly, { ScheduleId: 's1', RefreshType: 'INCREMENTAL_REFRESH', ScheduleFrequency: {
    Interval: 'WEEKLY', Timezone: 'Europe/Paris', TimeOfTheDay: '06:30', RefreshOnDay: { DayOfWeek: 'FRIDAY' } } });
  assert.deepEqual(scheduleBody({ scheduleId: 's2', interval: 'MINUTE15', timeOfDay: '06:30', refreshType:
    'FULL_REFRESH' }).ScheduleFrequency, { Interval: 'MINUTE15' });
  assert.deepEqual(scheduleBody({ scheduleId: 's3', interval: 'MONTHLY', timeOfDay: '01:00',
    dayOfMonth: 'LAST_DAY_OF_MONTH' }).ScheduleFrequency.RefreshOnDay, { DayOfMonth: 'LAST_DAY_OF_MONTH' });
  assert.deepEqual(scheduleBody(scheduleForm(weekly)), weekly);
  assert.deepEqual(lookbackBody('ordered_at', '3', 'DAY'), { DataSetRefreshProperties: { RefreshConfiguration: {
    IncrementalRefresh: { LookbackWindow: { ColumnName: 'ordered_at', Size: 3, SizeUnit: 'DAY' } } } } });
});
