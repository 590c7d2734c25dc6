// QuickSight and Athena calls the data pages share: paginated lists, and a query run to its end.

/** Every item of a paginated QuickSight list, e.g. listAll(client, '/data-sets', 'DataSetSummaries'). */
export async function listAll(client, path, key) {
  const items = [];
  let token;
  do {
    const query = token ? `${path.includes('?') ? '&' : '?'}next-token=${encodeURIComponent(token)}` : '';
    const page = await client.quickSight('GET', path + query);
    items.push(...(page[key] || []));
    token = page.NextToken;
  } while (token);
  return items;
}

/** Every item of a paginated Athena list, e.g. athenaAll(client, 'ListWorkGroups', {}, 'WorkGroups'). */
export async function athenaAll(client, operation, input, key) {
  const items = [];
  let token;
  do {
    const page = await client.athena(operation, token ? { ...input, NextToken: token } : input);
    items.push(...(page[key] || []));
    token = page.NextToken;
  } while (token);
  return items;
}

/** Runs a statement in a workgroup until it ends; its GetQueryResults' first page, or throws Athena's error. */
export async function runQuery(client, sql, workGroup) {
  const input = { QueryString: sql };
  if (workGroup) input.WorkGroup = workGroup;
  const { QueryExecutionId } = await client.athena('StartQueryExecution', input);
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    const { QueryExecution } = await client.athena('GetQueryExecution', { QueryExecutionId });
    const state = QueryExecution.Status.State;
    if (state === 'SUCCEEDED') break;
    if (state === 'FAILED' || state === 'CANCELLED') {
      const error = new Error(QueryExecution.Status.StateChangeReason || `Query ${state}`);
      error.code = `Athena query ${state}`;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return client.athena('GetQueryResults', { QueryExecutionId });
}

/** The id at the end of an ARN (…:datasource/<id>). */
export function arnId(arn) {
  return String(arn || '').split('/').pop();
}

/** A status as text with its colour class (glaux.css's .status-*). */
export function statusClass(status) {
  return `status-${status || 'none'}`;
}
