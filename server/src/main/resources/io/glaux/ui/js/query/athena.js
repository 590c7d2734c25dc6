// The Athena calls the query editor makes that take more than one request: whole lists, batched gets, polling.
// `athena` is a function (operation, input) => Promise of the answer, e.g. client.athena.bind(client).
import { isActive, newestFirst, stateOf } from './executions.js';

/** Every item of a paginated list operation, following NextToken. */
export async function listAll(athena, operation, input, key) {
  const items = [];
  let token;
  do {
    const answer = await athena(operation, token ? { ...input, NextToken: token } : input);
    items.push(...(answer[key] || []));
    token = answer.NextToken;
  } while (token);
  return items;
}

/** A Batch* operation over any number of ids, 50 at a time (the operations' limit), in the ids' order. */
export async function batchGet(athena, operation, idsKey, resultKey, ids) {
  const found = [];
  for (let i = 0; i < ids.length; i += 50) {
    const answer = await athena(operation, { [idsKey]: ids.slice(i, i + 50) });
    found.push(...(answer[resultKey] || []));
  }
  return found;
}

/**
 * A page of a workgroup's executions, newest first: ListQueryExecutions (from nextToken, when given) and the
 * executions' details by BatchGetQueryExecution. Answers {executions, nextToken}.
 */
export async function recentExecutions(athena, workGroup, nextToken = null, pageSize = 50) {
  const listed = await athena('ListQueryExecutions', { WorkGroup: workGroup, MaxResults: Math.min(50, pageSize),
    ...(nextToken ? { NextToken: nextToken } : {}) });
  const ids = listed.QueryExecutionIds || [];
  const executions = ids.length
    ? newestFirst(await batchGet(athena, 'BatchGetQueryExecution', 'QueryExecutionIds', 'QueryExecutions', ids))
    : [];
  return { executions, nextToken: listed.NextToken || null };
}

/** A workgroup's named queries, by name. */
export async function savedQueries(athena, workGroup) {
  const ids = await listAll(athena, 'ListNamedQueries', { WorkGroup: workGroup }, 'NamedQueryIds');
  if (!ids.length) return [];
  const queries = await batchGet(athena, 'BatchGetNamedQuery', 'NamedQueryIds', 'NamedQueries', ids);
  return queries.sort((a, b) => a.Name.localeCompare(b.Name));
}

const sleep = (millis) => new Promise((resolve) => { setTimeout(resolve, millis); });

/**
 * Polls GetQueryExecution until the query is no longer QUEUED or RUNNING, calling onUpdate(execution) with each
 * answer. Stops early (returning null) once stillWanted() is false. The pause grows from 100 ms to 1 s.
 */
export async function waitForQuery(athena, queryExecutionId, { onUpdate = () => {}, stillWanted = () => true,
  pause = sleep } = {}) {
  let delay = 100;
  while (stillWanted()) {
    const { QueryExecution: execution } = await athena('GetQueryExecution', { QueryExecutionId: queryExecutionId });
    if (!stillWanted()) return null;
    onUpdate(execution);
    if (!isActive(stateOf(execution))) return execution;
    await pause(delay);
    delay = Math.min(1000, delay * 2);
  }
  return null;
}
