// Turning GetQueryResults pages into the editor's header and rows, and paging over them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultPage, ResultPager } from '../../main/resources/io/glaux/ui/js/query/results.js';

const columnInfo = (...names) => ({ ColumnInfo: names.map((n) => ({ Name: n, Label: n, Type: 'varchar' })) });
const row = (...values) => ({ Data: values.map((v) => (v === null ? {} : { VarCharValue: v })) });

test('the first page drops the header row Athena repeats and keeps NULL as null', () => {
  const page = resultPage({ ResultSet: { ResultSetMetadata: columnInfo('country', 'customers'),
    Rows: [row('country', 'customers'), row('DE', '3'), row(null, '1')] }, NextToken: 't1' }, true);
  assert.deepEqual(page.columns, ['country', 'customers']);
  assert.deepEqual(page.rows, [['DE', '3'], [null, '1']]);
  assert.equal(page.nextToken, 't1');
});

test('a later page keeps a row that happens to equal the column labels', () => {
  const page = resultPage({ ResultSet: { ResultSetMetadata: columnInfo('a'), Rows: [row('a'), row('b')] } }, false);
  assert.deepEqual(page.rows, [['a'], ['b']]);
  assert.equal(page.nextToken, null);
});

test('a first page without a header row (a DDL result) keeps its first row', () => {
  const page = resultPage({ ResultSet: { ResultSetMetadata: columnInfo('tab_name'),
    Rows: [row('customers'), row('orders')] } }, true);
  assert.deepEqual(page.rows, [['customers'], ['orders']]);
});

/** A fake GetQueryResults over a header and n data rows, paged by row offset as Athena pages the CSV. */
function fakeResults(n) {
  const all = [row('id'), ...Array.from({ length: n }, (_, i) => row(String(i + 1)))];
  const requests = [];
  const fetchPage = async (input) => {
    requests.push(input);
    const offset = input.NextToken ? Number(input.NextToken) : 0;
    const end = Math.min(all.length, offset + input.MaxResults);
    return { ResultSet: { ResultSetMetadata: columnInfo('id'), Rows: all.slice(offset, end) },
      ...(end < all.length ? { NextToken: String(end) } : {}) };
  };
  return { fetchPage, requests };
}

test('pages forwards and backwards with pageSize data rows on every page', async () => {
  const { fetchPage, requests } = fakeResults(25);
  const pager = new ResultPager(fetchPage, 'q1', 10);
  await pager.first();
  assert.deepEqual(pager.page.rows.map((r) => r[0]), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  assert.deepEqual(requests[0], { QueryExecutionId: 'q1', MaxResults: 11 });
  assert.equal(pager.firstRow, 0);
  assert.equal(pager.hasPrevious, false);
  await pager.next();
  assert.deepEqual(pager.page.rows.map((r) => r[0]), ['11', '12', '13', '14', '15', '16', '17', '18', '19', '20']);
  assert.deepEqual(requests[1], { QueryExecutionId: 'q1', MaxResults: 10, NextToken: '11' });
  assert.equal(pager.firstRow, 10);
  await pager.next();
  assert.deepEqual(pager.page.rows.map((r) => r[0]), ['21', '22', '23', '24', '25']);
  assert.equal(pager.hasNext, false);
  assert.equal(pager.firstRow, 20);
  await pager.previous();
  assert.equal(pager.page.rows[0][0], '11');
  assert.equal(pager.firstRow, 10);
  await pager.previous();
  assert.equal(pager.page.rows[0][0], '1');
  assert.deepEqual(pager.columns, ['id']);
  await assert.rejects(() => pager.previous(), /no previous page/);
});

test('the first page never asks for more than GetQueryResults allows', async () => {
  const { fetchPage, requests } = fakeResults(3);
  const pager = new ResultPager(fetchPage, 'q', 1000);
  await pager.first();
  assert.equal(requests[0].MaxResults, 1000);
  assert.equal(pager.page.rows.length, 3);
  assert.equal(pager.hasNext, false);
});
