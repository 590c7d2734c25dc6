// The alerts page's rows: what an Athena or ingestion event is about, its error, its state change and deliveries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { subject, failure, transition, deliveries, matching }
  from '../../main/resources/io/glaux/ui/js/events/summary.js';

const failedQuery = { source: 'aws.athena', 'detail-type': 'Athena Query State Change', detail: {
  currentState: 'FAILED', previousState: 'RUNNING', queryExecutionId: 'q-1', workgroupName: 'primary',
  athenaError: { errorCategory: 2.0, errorType: 1301.0, errorMessage: "TABLE_NOT_FOUND: line 1:15: Table 'x' does not exist" } } };
const queued = { source: 'aws.athena', detail: { currentState: 'QUEUED', queryExecutionId: 'q-2',
  workgroupName: 'team-a' } };
const ingestion = { source: 'glaux.quicksight', detail: { currentState: 'FAILED', previousState: 'RUNNING',
  dataSetId: 'orders', ingestionId: 'i-1', errorInfo: { Type: 'SQL_TABLE_NOT_FOUND', Message: 'gone' } } };

test('an event is about its query or its dataset ingestion', () => {
  assert.deepEqual(subject(failedQuery), { kind: 'query', id: 'q-1', scope: 'primary' });
  assert.deepEqual(subject(ingestion), { kind: 'ingestion', id: 'i-1', scope: 'orders' });
  assert.equal(subject({ source: 'other', id: 'e' }).kind, 'other');
});

test('a failure shows Athena\'s message or the ingestion\'s type and message', () => {
  assert.equal(failure(failedQuery), "TABLE_NOT_FOUND: line 1:15: Table 'x' does not exist");
  assert.equal(failure(ingestion), 'SQL_TABLE_NOT_FOUND: gone');
  assert.equal(failure(queued), '');
});

test('a state change reads previous → current, a first state alone', () => {
  assert.equal(transition(failedQuery), 'RUNNING → FAILED');
  assert.equal(transition(queued), 'QUEUED');
  assert.equal(transition({ detail: { previousState: 'INITIALIZED', currentState: 'QUEUED' } }), 'QUEUED');
});

test('deliveries name rule, target, state, attempts and the last failure', () => {
  assert.deepEqual(deliveries({ deliveries: [
    { rule: 'failed', target: 'hook', state: 'DELIVERED', attempts: 1 },
    { rule: 'failed', target: 'pager', state: 'PENDING', attempts: 3, lastError: 'ConnectException' },
    { rule: 'failed', target: 'chat', state: 'FAILED', attempts: 1, lastStatusCode: 400 }] }), [
    'failed/hook DELIVERED (1 attempt)', 'failed/pager PENDING (3 attempts, ConnectException)',
    'failed/chat FAILED (1 attempt, HTTP 400)']);
  assert.deepEqual(deliveries({}), []);
});

test('events are filtered by state and by text', () => {
  const all = [failedQuery, queued, ingestion].map((event) => ({ event, deliveries: [] }));
  assert.equal(matching(all, ['FAILED'], '').length, 2);
  assert.equal(matching(all, [], 'team-a').length, 1);
  assert.equal(matching(all, ['FAILED'], 'orders')[0].event, ingestion);
  assert.equal(matching(all, [], '').length, 3);
});
