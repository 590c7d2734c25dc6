// A dataset column's distinct values, for a category filter's list: Glaux computes them where the dataset's rows are
// (its SPICE copy, or a direct query of its SQL), renamed and calculated dataset columns included. A field that is not
// one of the dataset's columns (an analysis's own calculated field) has no list: the user types the values.

/** The values of a dataset's column as text, or null when it is not one of the dataset's OutputColumns. */
export async function distinctValues(client, dataSet, columnName, maxValues = 1000) {
  if (!(dataSet?.OutputColumns || []).some((c) => c.Name === columnName)) return null;
  const { Rows } = await client.columnValues(dataSet.DataSetId, columnName, maxValues);
  return Rows.map((row) => String(row[0]));
}

/** The values matching a search text (case-insensitive), for the filter's search box. */
export function matching(values, search) {
  const s = String(search || '').toLowerCase();
  return s ? values.filter((v) => String(v).toLowerCase().includes(s)) : values;
}
