// Query executions as the editor shows them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historyRow, isActive, newestFirst, shorten, summary }
  from '../../main/resources/io/glaux/ui/js/query/executions.js';
import { formatTime } from '../../main/resources/io/glaux/ui/js/ui/dom.js';

const execution = (id, state, submitted, extra = {}) => ({ QueryExecutionId: id, Query: 'SELECT 1',
  Status: { State: state, SubmissionDateTime: submitted, ...extra.status },
  Statistics: { TotalExecutionTimeInMillis: 1500, EngineExecutionTimeInMillis: 900, DataScannedInBytes: 2048 },
  ResultConfiguration: { OutputLocation: `s3://results/${id}.csv` }, ...extra.top });

test('QUEUED and RUNNING are active, the final states are not', () => {
  assert.deepEqual(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'].map(isActive),
    [true, true, false, false, false]);
});

test('a succeeded query shows its run time, engine time, data scanned and result object', () => {
  assert.deepEqual(summary(execution('a', 'SUCCEEDED', 1)), { id: 'a', state: 'SUCCEEDED', runTime: '1.50 s',
    engineTime: '900 ms', dataScanned: '2.00 KB', reason: '', error: '', outputLocation: 's3://results/a.csv' });
});

test('a failed query shows Athena\'s reason and error classification, and no result object', () => {
  const failed = summary(execution('b', 'FAILED', 1, { status: { StateChangeReason: "COLUMN_NOT_FOUND: line 1:8",
    AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false } } }));
  assert.equal(failed.reason, 'COLUMN_NOT_FOUND: line 1:8');
  assert.equal(failed.error, 'ErrorCategory 2, ErrorType 1006');
  assert.equal(failed.outputLocation, '');
});

test('a query is shortened to one line', () => {
  assert.equal(shorten('SELECT a,\n   b\nFROM t'), 'SELECT a, b FROM t');
  assert.equal(shorten('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
});

test('history rows come newest first with their formatted columns', () => {
  const rows = newestFirst([execution('old', 'FAILED', 100), execution('new', 'SUCCEEDED', 300),
    execution('mid', 'CANCELLED', 200)]).map(historyRow);
  assert.deepEqual(rows.map((r) => r.id), ['new', 'mid', 'old']);
  assert.deepEqual(rows[0], { id: 'new', query: 'SELECT 1', state: 'SUCCEEDED', submitted: formatTime(300),
    runTime: '1.50 s', dataScanned: '2.00 KB' });
});
