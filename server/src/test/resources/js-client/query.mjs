// Runs one query against an Athena endpoint with the AWS SDK for JavaScript v3 and prints JSON to stdout:
// {"queryExecutionId", "state", "columns": [{name, type}], "rows": [[...], ...], "pages"} (rows without the header),
// or for a failed query {"queryExecutionId", "state", "reason", "resultsError": {name, message, status}}.
// Usage: node query.mjs <endpoint> <workgroup> <database> <sql> [pageSize]
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  paginateGetQueryResults,
} from "@aws-sdk/client-athena";

const [endpoint, workGroup, database, sql, pageSize] = process.argv.slice(2);
if (!sql) {
  console.error("usage: node query.mjs <endpoint> <workgroup> <database> <sql> [pageSize]");
  process.exit(2);
}

const client = new AthenaClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
  maxAttempts: 1,
});

const { QueryExecutionId: id } = await client.send(new StartQueryExecutionCommand({
  QueryString: sql,
  WorkGroup: workGroup,
  QueryExecutionContext: { Database: database },
}));

const deadline = Date.now() + 60_000;
let status;
for (;;) {
  const { QueryExecution } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
  status = QueryExecution.Status;
  if (["SUCCEEDED", "FAILED", "CANCELLED"].includes(status.State)) break;
  if (Date.now() > deadline) throw new Error(`query ${id} still ${status.State} after 60 s`);
  await new Promise((resolve) => setTimeout(resolve, 20));
}

// How the SDK surfaces a service error: its modeled exception class, message and HTTP status.
async function errorOf(command) {
  try {
    await client.send(command);
    return null;
  } catch (e) {
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
}

if (status.State !== "SUCCEEDED") {
  const resultsError = await errorOf(new GetQueryResultsCommand({ QueryExecutionId: id }));
  console.log(JSON.stringify({ queryExecutionId: id, state: status.State, reason: status.StateChangeReason,
    resultsError }));
} else {
  let columns = null;
  const rows = [];
  let pages = 0;
  const paginator = paginateGetQueryResults(
    { client, pageSize: pageSize ? Number(pageSize) : undefined },
    { QueryExecutionId: id },
  );
  for await (const page of paginator) {
    pages++;
    if (columns === null) {
      columns = page.ResultSet.ResultSetMetadata.ColumnInfo.map((c) => ({ name: c.Name, type: c.Type }));
    }
    for (const row of page.ResultSet.Rows) rows.push(row.Data.map((d) => d.VarCharValue ?? null));
  }
  rows.shift(); // the header row: the column labels
  console.log(JSON.stringify({ queryExecutionId: id, state: status.State, columns, rows, pages }));
}
client.destroy();
