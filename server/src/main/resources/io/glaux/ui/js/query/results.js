// GetQueryResults pages as the editor shows them: column names, data rows (VarCharValue, null for a missing value)
// and paging forwards and backwards over NextToken.

/** The column names of a result set (ColumnInfo's Label, else Name). */
export function columnNames(resultSet) {
  const info = (resultSet && resultSet.ResultSetMetadata && resultSet.ResultSetMetadata.ColumnInfo) || [];
  return info.map((c) => c.Label || c.Name);
}

/** A row's values: VarCharValue, or null where Athena sent no value (SQL NULL). */
export function rowValues(row) {
  return (row.Data || []).map((d) => (d && d.VarCharValue !== undefined ? d.VarCharValue : null));
}

/**
 * A GetQueryResults answer as {columns, rows}. On the first page of a SELECT Athena's first row repeats the column
 * labels: it is dropped there (and only there), so a data row that happens to equal the labels later is kept.
 */
export function resultPage(response, firstPage) {
  const resultSet = response.ResultSet || {};
  const columns = columnNames(resultSet);
  let rows = (resultSet.Rows || []).map(rowValues);
  if (firstPage && rows.length > 0 && columns.length > 0 && sameValues(rows[0], columns)) {
    rows = rows.slice(1);
  }
  return { columns, rows, nextToken: response.NextToken || null };
}

function sameValues(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** GetQueryResults' largest MaxResults. */
export const MAX_RESULTS = 1000;

/**
 * Pages through one execution's results. fetchPage({QueryExecutionId, MaxResults, NextToken}) is GetQueryResults.
 * The first page asks for one row more, as its first row is the header, so every page shows pageSize data rows
 * (at most 999 on the first when pageSize is 1000). Previous pages are fetched again by the token that led to them.
 */
export class ResultPager {
  constructor(fetchPage, queryExecutionId, pageSize) {
    this.fetchPage = fetchPage;
    this.queryExecutionId = queryExecutionId;
    this.pageSize = Math.max(1, Math.min(MAX_RESULTS, pageSize));
    this.tokens = [null]; // the NextToken that opens each page seen so far; page i opens with tokens[i]
    this.firstRows = [0]; // the 0-based index of each page's first data row
    this.index = -1;
    this.page = null;
    this.columns = [];
  }

  get hasNext() {
    return Boolean(this.page && this.page.nextToken);
  }

  get hasPrevious() {
    return this.index > 0;
  }

  /** The 0-based index of the current page's first data row. */
  get firstRow() {
    return this.firstRows[this.index] || 0;
  }

  async load(index) {
    const first = index === 0;
    const request = { QueryExecutionId: this.queryExecutionId,
      MaxResults: first ? Math.min(MAX_RESULTS, this.pageSize + 1) : this.pageSize };
    if (this.tokens[index]) request.NextToken = this.tokens[index];
    const page = resultPage(await this.fetchPage(request), first);
    if (first || page.columns.length) this.columns = page.columns;
    this.index = index;
    this.page = page;
    if (page.nextToken) {
      this.tokens[index + 1] = page.nextToken;
      this.firstRows[index + 1] = this.firstRows[index] + page.rows.length;
    }
    return page;
  }

  first() {
    return this.load(0);
  }

  async next() {
    if (!this.hasNext) throw new Error('There is no next page');
    return this.load(this.index + 1);
  }

  async previous() {
    if (!this.hasPrevious) throw new Error('There is no previous page');
    return this.load(this.index - 1);
  }
}
