// Chart visuals → ECharts options: the numbers drawn are the response's, in its order, per series.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartOption } from '../../main/resources/io/glaux/ui/js/visual/charts.js';
import { bar, category, line, pie, response } from './visual-fixtures.mjs';

const byChannel = response([['channel-f', 'STRING'], ['quantity-f', 'INTEGER']], [['web', 120], ['store', 45],
  ['partner', 7]]);

test('a vertical bar chart has the categories on x and one bar series of the measure', () => {
  const option = chartOption(bar(), byChannel);
  assert.deepEqual(option.xAxis.data, ['web', 'store', 'partner']);
  assert.equal(option.xAxis.type, 'category');
  assert.equal(option.yAxis.type, 'value');
  assert.equal(option.series.length, 1);
  assert.equal(option.series[0].type, 'bar');
  assert.equal(option.series[0].name, 'quantity (Sum)');
  assert.deepEqual(option.series[0].data, [120, 45, 7]);
  assert.equal(option.series[0].stack, undefined);
});

test('a horizontal bar chart puts the categories on y, first on top', () => {
  const option = chartOption(bar({ Orientation: 'HORIZONTAL' }), byChannel);
  assert.equal(option.yAxis.type, 'category');
  assert.equal(option.yAxis.inverse, true);
  assert.deepEqual(option.yAxis.data, ['web', 'store', 'partner']);
  assert.equal(option.xAxis.type, 'value');
});

const byChannelAndStatus = response([['channel-f', 'STRING'], ['status-f', 'STRING'], ['quantity-f', 'INTEGER']],
  [['web', 'shipped', 80], ['store', 'shipped', 40], ['web', 'returned', 40], ['store', 'returned', 5],
    ['partner', 'shipped', 7]]);
const colored = (arrangement) => bar({ BarsArrangement: arrangement }, { Colors: [category('status-f', 'status')] });

test('colors make one series per color value, aligned on the categories, missing ones null', () => {
  const option = chartOption(colored('CLUSTERED'), byChannelAndStatus);
  assert.deepEqual(option.xAxis.data, ['web', 'store', 'partner']);
  assert.deepEqual(option.series.map((s) => [s.name, s.data, s.stack]), [
    ['shipped', [80, 40, 7], undefined], ['returned', [40, 5, null], undefined]]);
  assert.ok(option.legend);
});

test('stacked bars share one stack; 100% stacked bars are shares of each category', () => {
  assert.deepEqual(chartOption(colored('STACKED'), byChannelAndStatus).series.map((s) => s.stack), ['total', 'total']);
  const percent = chartOption(colored('STACKED_PERCENT'), byChannelAndStatus);
  assert.deepEqual(percent.series.map((s) => s.data),
    [[80 / 120 * 100, 40 / 45 * 100, 100], [40 / 120 * 100, 5 / 45 * 100, null]]);
  assert.equal(percent.yAxis.max, 100);
});

test('a line chart keeps the dates as sent on the axis and labels them at the granularity shown', () => {
  const data = response([['date-f', 'DATETIME'], ['revenue-f', 'DECIMAL']],
    [['2023-01-01 00:00:00.000', 1500.5], ['2024-01-01 00:00:00.000', 2250.25]]);
  const option = chartOption(line(), data);
  assert.deepEqual(option.xAxis.data, ['2023-01-01 00:00:00.000', '2024-01-01 00:00:00.000']);
  assert.deepEqual(option.series[0].data, [1500.5, 2250.25]);
  assert.equal(option.series[0].type, 'line');
  assert.equal(option.xAxis.axisLabel.formatter('2024-01-01 00:00:00.000'), '2024');
  const quarters = chartOption(line(), data, [{ HierarchyId: 'dates', Value: '2024-01-01 00:00:00.000' }]);
  assert.equal(quarters.xAxis.axisLabel.formatter('2024-04-01 00:00:00.000'), '2024 Q2');
  const months = chartOption(line(), data, [{ HierarchyId: 'dates', Value: '2024' },
    { HierarchyId: 'dates', Value: '2024-04-01 00:00:00.000' }]);
  assert.equal(months.xAxis.axisLabel.formatter('2024-05-01 00:00:00.000'), '2024-05');
});

test('a pie has one slice per category; a donut has a hole sized by its arc thickness', () => {
  const data = response([['status-f', 'STRING'], ['revenue-f', 'DECIMAL']], [['shipped', 900.5], ['returned', 12]]);
  const plain = chartOption(pie(), data);
  assert.deepEqual(plain.series[0].data, [{ name: 'shipped', value: 900.5 }, { name: 'returned', value: 12 }]);
  assert.equal(plain.series[0].radius, '70%');
  assert.deepEqual(chartOption(pie('MEDIUM'), data).series[0].radius, ['40%', '70%']);
  assert.deepEqual(chartOption(pie('SMALL'), data).series[0].radius, ['55%', '70%']);
});

test('a table is not a chart', () => {
  assert.throws(() => chartOption({ TableVisual: { VisualId: 't' } }, byChannel), /Not a chart/);
});
