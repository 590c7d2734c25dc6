// Pivot tables, KPIs and CSV export of visual-data responses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnHeader, pivot, pivotTable } from '../../main/resources/io/glaux/ui/js/visual/pivot.js';
import { kpiView } from '../../main/resources/io/glaux/ui/js/visual/kpi.js';
import { csvField, toCsv, visualCsv } from '../../main/resources/io/glaux/ui/js/visual/csv.js';
import { columnLabels, formatNumber } from '../../main/resources/io/glaux/ui/js/visual/fields.js';
import { date, kpi, pivotVisual, response, sum, table } from './visual-fixtures.mjs';

const channelStatus = response([['channel-f', 'STRING'], ['status-f', 'STRING'], ['quantity-f', 'INTEGER']],
  [['store', 'returned', 5], ['store', 'shipped', 40], ['web', 'cancelled', 2], ['web', 'shipped', 80]]);

test('a pivot has a line per Rows value and a column per Columns value, missing cells null', () => {
  const grid = pivot(pivotVisual(), channelStatus);
  assert.deepEqual(grid.rowHeaders, ['channel']);
  assert.deepEqual(grid.columnKeys, [['returned'], ['shipped'], ['cancelled']]);
  assert.deepEqual(grid.lines, [{ key: ['store'], cells: [5, 40, null] }, { key: ['web'], cells: [null, 80, 2] }]);
  assert.deepEqual(pivotTable(grid), { columns: ['channel', 'returned', 'shipped', 'cancelled'],
    rows: [['store', 5, 40, null], ['web', null, 80, 2]] });
});

test('a pivot with two measures has a column per Columns value and measure', () => {
  const data = response([['channel-f', 'STRING'], ['status-f', 'STRING'], ['quantity-f', 'INTEGER'],
    ['revenue-f', 'DECIMAL']], [['store', 'shipped', 40, 400.5], ['web', 'shipped', 80, 812]]);
  const grid = pivot(pivotVisual([sum('quantity-f', 'quantity'), sum('revenue-f', 'revenue')]), data);
  assert.deepEqual(grid.lines.map((l) => l.cells), [[40, 400.5], [80, 812]]);
  assert.equal(columnHeader(grid, 0), 'shipped · quantity (Sum)');
  assert.equal(columnHeader(grid, 1), 'shipped · revenue (Sum)');
});

test('a KPI shows its one value, grouped by thousands without rounding', () => {
  const view = kpiView(kpi(), response([['revenue-f', 'DECIMAL']], [[1234567.89]]));
  assert.equal(view.value, '1,234,567.89');
  assert.equal(view.label, 'revenue (Sum)');
  assert.equal(view.trend, undefined);
  assert.equal(kpiView(kpi(), response([['revenue-f', 'DECIMAL']], [])).value, '');
});

test('a KPI with trend groups shows the last period and its change; with a target, the share of it', () => {
  const visual = kpi({ TrendGroups: [date('month-f', 'ordered_at', 'MONTH')],
    TargetValues: [sum('target-f', 'target')] });
  const data = response([['month-f', 'DATETIME'], ['revenue-f', 'DECIMAL'], ['target-f', 'DECIMAL']],
    [['2024-03-01 00:00:00.000', 800, 1000], ['2024-04-01 00:00:00.000', 1000, 1250]]);
  const view = kpiView(visual, data);
  assert.equal(view.value, '1,000');
  assert.equal(view.period, '2024-04');
  assert.equal(view.trend, '▲ +200 (+25%) vs 2024-03');
  assert.equal(view.target, '80% of target 1,250');
});

test('numbers keep their digits and group thousands', () => {
  assert.equal(formatNumber(1234), '1,234');
  assert.equal(formatNumber(-98765.4321), '-98,765.4321');
  assert.equal(formatNumber(0.5), '0.5');
  assert.equal(formatNumber(null), '');
  assert.equal(formatNumber('NaN'), 'NaN');
});

test('CSV quotes commas, quotes and line breaks as RFC 4180 says, with CRLF line ends', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(12.5), '12.5');
  assert.equal(toCsv(['a', 'b'], [[1, null], ['x,y', 'z']]), 'a,b\r\n1,\r\n"x,y",z\r\n');
});

test('a table visual exports its columns and rows; a pivot exports its grid', () => {
  const data = response([['country-f', 'STRING'], ['quantity-f', 'INTEGER'], ['revenue-f', 'DECIMAL']],
    [['DE', 10, 99.5], ['United States, of America', 3, 12]]);
  assert.equal(visualCsv(table, data), 'country-f,quantity-f,revenue-f\r\nDE,10,99.5\r\n'
    + '"United States, of America",3,12\r\n');
  assert.deepEqual(columnLabels(table, data), ['country', 'quantity (Sum)', 'revenue (Sum)']);
  assert.equal(visualCsv(pivotVisual(), channelStatus), 'channel,returned,shipped,cancelled\r\nstore,5,40,\r\n'
    + 'web,,80,2\r\n');
});
