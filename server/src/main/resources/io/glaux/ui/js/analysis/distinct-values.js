// A column's distinct values for the category filter's list, read through Athena when the dataset is one table
// (or custom SQL) of an Athena data source whose column reaches the dataset under its own name; otherwise there is
// no query and the user types the values.

const quote = (name) => `"${String(name).replace(/"/g, '""')}"`;

/**
 * The SQL listing a dataset column's distinct values, or null when it cannot be read straight from the source.
 * @param dataSet DescribeDataSet's DataSet (PhysicalTableMap, LogicalTableMap)
 */
export function distinctValuesSql(dataSet, columnName, limit = 1000) {
  const tables = Object.values(dataSet?.PhysicalTableMap || {});
  if (tables.length !== 1 || renamesOrAdds(dataSet, columnName)) return null;
  const table = tables[0];
  let from;
  if (table.RelationalTable) {
    const t = table.RelationalTable;
    if (!(t.InputColumns || []).some((c) => c.Name === columnName)) return null;
    from = [t.Catalog, t.Schema, t.Name].filter(Boolean).map(quote).join('.');
  } else if (table.CustomSql) {
    if (!(table.CustomSql.Columns || []).some((c) => c.Name === columnName)) return null;
    from = `(${table.CustomSql.SqlQuery}) AS "source"`;
  } else {
    return null;
  }
  const c = quote(columnName);
  return `SELECT DISTINCT CAST(${c} AS VARCHAR) AS ${c} FROM ${from} WHERE ${c} IS NOT NULL ORDER BY 1 LIMIT ${limit}`;
}

/** Whether the logical tables rename a column to this name or compute it. */
function renamesOrAdds(dataSet, columnName) {
  for (const table of Object.values(dataSet.LogicalTableMap || {})) {
    for (const op of table.DataTransforms || []) {
      if (op.RenameColumnOperation?.NewColumnName === columnName) return true;
      if ((op.CreateColumnsOperation?.Columns || []).some((c) => c.ColumnName === columnName)) return true;
    }
  }
  return false;
}

/** The data source ARN of a dataset's one physical table. */
export function dataSourceArnOf(dataSet) {
  const table = Object.values(dataSet?.PhysicalTableMap || {})[0] || {};
  return (table.RelationalTable || table.CustomSql || {}).DataSourceArn;
}

/** Runs a query through Athena (in the data source's workgroup) and gives its first column's values. */
export async function athenaValues(client, sql, workGroup, { pollMillis = 150, timeoutMillis = 60000 } = {}) {
  const start = { QueryString: sql };
  if (workGroup) start.WorkGroup = workGroup;
  const { QueryExecutionId } = await client.athena('StartQueryExecution', start);
  const deadline = Date.now() + timeoutMillis;
  for (;;) {
    const { QueryExecution } = await client.athena('GetQueryExecution', { QueryExecutionId });
    const state = QueryExecution.Status.State;
    if (state === 'SUCCEEDED') break;
    if (state === 'FAILED' || state === 'CANCELLED') {
      throw new Error(QueryExecution.Status.StateChangeReason || `The query ${state}`);
    }
    if (Date.now() > deadline) throw new Error('The distinct values query is still running');
    await new Promise((resolve) => setTimeout(resolve, pollMillis));
  }
  const values = [];
  let NextToken;
  do {
    const page = await client.athena('GetQueryResults', NextToken ? { QueryExecutionId, NextToken } : { QueryExecutionId });
    const rows = page.ResultSet.Rows.map((r) => (r.Data[0] || {}).VarCharValue);
    values.push(...(values.length || NextToken ? rows : rows.slice(1)));
    NextToken = page.NextToken;
  } while (NextToken);
  return values.filter((v) => v !== undefined);
}

/** A column's distinct values, or null when they cannot be queried (the user then types them). */
export async function distinctValues(client, dataSet, columnName) {
  const sql = distinctValuesSql(dataSet, columnName);
  if (!sql) return null;
  let workGroup;
  const arn = dataSourceArnOf(dataSet);
  if (arn) {
    const id = arn.split('/').pop();
    const { DataSource } = await client.quickSight('GET', `/data-sources/${encodeURIComponent(id)}`);
    if (DataSource?.Type && DataSource.Type !== 'ATHENA') return null;
    workGroup = DataSource?.DataSourceParameters?.AthenaParameters?.WorkGroup;
  }
  return athenaValues(client, sql, workGroup);
}

/** The values matching a search text (case-insensitive), for the filter's search box. */
export function matching(values, search) {
  const s = String(search || '').toLowerCase();
  return s ? values.filter((v) => String(v).toLowerCase().includes(s)) : values;
}
