// The query editor's multi-call Athena helpers against a scripted Athena.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchGet, listAll, recentExecutions, savedQueries, waitForQuery }
  from '../../main/resources/io/glaux/ui/js/query/athena.js';

/** An Athena answering from a table of operation => function(input), recording every call. */
function scripted(handlers) {
  const calls = [];
  const athena = async (operation, input) => {
    calls.push([operation, input]);
    return handlers[operation](input);
  };
  return { athena, calls };
}

test('listAll follows NextToken to the end', async () => {
  const { athena, calls } = scripted({ ListWorkGroups: (input) => (input.NextToken
    ? { WorkGroups: [{ Name: 'b' }] } : { WorkGroups: [{ Name: 'a' }], NextToken: 'n' }) });
  assert.deepEqual((await listAll(athena, 'ListWorkGroups', {}, 'WorkGroups')).map((w) => w.Name), ['a', 'b']);
  assert.deepEqual(calls, [['ListWorkGroups', {}], ['ListWorkGroups', { NextToken: 'n' }]]);
});

test('batchGet asks 50 ids at a time', async () => {
  const ids = Array.from({ length: 120 }, (_, i) => `q${i}`);
  const { athena, calls } = scripted({ BatchGetQueryExecution: (input) => ({
    QueryExecutions: input.QueryExecutionIds.map((id) => ({ QueryExecutionId: id })) }) });
  const found = await batchGet(athena, 'BatchGetQueryExecution', 'QueryExecutionIds', 'QueryExecutions', ids);
  assert.deepEqual(found.map((e) => e.QueryExecutionId), ids);
  assert.deepEqual(calls.map(([, input]) => input.QueryExecutionIds.length), [50, 50, 20]);
});

test('recent executions of a workgroup come a page at a time, newest first', async () => {
  const { athena, calls } = scripted({
    ListQueryExecutions: (input) => (input.WorkGroup === 'empty' ? { QueryExecutionIds: [] }
      : input.NextToken ? { QueryExecutionIds: ['c'] } : { QueryExecutionIds: ['a', 'b'], NextToken: 'more' }),
    BatchGetQueryExecution: (input) => ({ QueryExecutions: input.QueryExecutionIds.map((id) => ({
      QueryExecutionId: id, Status: { SubmissionDateTime: { a: 2, b: 3, c: 1 }[id] } })) }) });
  const first = await recentExecutions(athena, 'primary');
  assert.deepEqual(first.executions.map((e) => e.QueryExecutionId), ['b', 'a']);
  assert.equal(first.nextToken, 'more');
  assert.deepEqual(calls[0], ['ListQueryExecutions', { WorkGroup: 'primary', MaxResults: 50 }]);
  const second = await recentExecutions(athena, 'primary', first.nextToken);
  assert.deepEqual(second, { executions: [{ QueryExecutionId: 'c', Status: { SubmissionDateTime: 1 } }],
    nextToken: null });
  assert.deepEqual(calls[2], ['ListQueryExecutions', { WorkGroup: 'primary', MaxResults: 50, NextToken: 'more' }]);
  const before = calls.length;
  assert.deepEqual(await recentExecutions(athena, 'empty'), { executions: [], nextToken: null });
  assert.equal(calls.length, before + 1); // an empty workgroup needs no batch call
});

test('saved queries of a workgroup are listed, fetched and sorted by name', async () => {
  const { athena, calls } = scripted({
    ListNamedQueries: () => ({ NamedQueryIds: ['1', '2'] }),
    BatchGetNamedQuery: () => ({ NamedQueries: [{ NamedQueryId: '1', Name: 'zeta' },
      { NamedQueryId: '2', Name: 'alpha' }] }) });
  assert.deepEqual((await savedQueries(athena, 'wg')).map((q) => q.Name), ['alpha', 'zeta']);
  assert.deepEqual(calls[0], ['ListNamedQueries', { WorkGroup: 'wg' }]);
});

test('waitForQuery polls until the query leaves QUEUED and RUNNING, reporting each state', async () => {
  const states = ['QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED'];
  const { athena } = scripted({ GetQueryExecution: (input) => ({ QueryExecution: {
    QueryExecutionId: input.QueryExecutionId, Status: { State: states.shift() } } }) });
  const seen = [];
  const pauses = [];
  const done = await waitForQuery(athena, 'q', { onUpdate: (e) => seen.push(e.Status.State),
    pause: async (ms) => { pauses.push(ms); } });
  assert.equal(done.Status.State, 'SUCCEEDED');
  assert.deepEqual(seen, ['QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
  assert.deepEqual(pauses, [100, 200, 400]);
});

test('waitForQuery stops when it is no longer wanted', async () => {
  let wanted = true;
  const { athena, calls } = scripted({ GetQueryExecution: () => ({ QueryExecution: { Status: { State: 'RUNNING' } } }) });
  const done = await waitForQuery(athena, 'q', { pause: async () => { wanted = false; }, stillWanted: () => wanted });
  assert.equal(done, null);
  assert.equal(calls.length, 1);
});
