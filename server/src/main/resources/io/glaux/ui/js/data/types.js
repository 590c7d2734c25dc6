// Athena column types as QuickSight InputColumn types (what a dataset over a table or query declares).

const INTEGER = new Set(['tinyint', 'smallint', 'int', 'integer', 'bigint']);
const FLOAT = new Set(['double', 'float', 'real']);
const DATETIME = new Set(['date', 'timestamp', 'time']);

/** The base name of an Athena type: 'decimal(10,2)' → 'decimal', 'timestamp(3) with time zone' → 'timestamp'. */
export function baseType(athenaType) {
  return String(athenaType || '').trim().toLowerCase().split(/[\s(<]/)[0];
}

/** An Athena type as {Type, SubType?} of a QuickSight InputColumn; anything unknown reads as STRING. */
export function inputType(athenaType) {
  const base = baseType(athenaType);
  if (INTEGER.has(base)) return { Type: 'INTEGER' };
  if (FLOAT.has(base)) return { Type: 'DECIMAL', SubType: 'FLOAT' };
  if (base === 'decimal') return { Type: 'DECIMAL', SubType: 'FIXED' };
  if (base === 'boolean') return { Type: 'BOOLEAN' };
  if (DATETIME.has(base)) return { Type: 'DATETIME' };
  return { Type: 'STRING' };
}

/** Athena columns ({Name, Type} from ListTableMetadata's Columns/PartitionKeys or ColumnInfo) as InputColumns. */
export function inputColumns(athenaColumns) {
  return athenaColumns.map((c) => ({ Name: c.Name, ...inputType(c.Type) }));
}

/** A table's InputColumns from its TableMetadata: its columns, then its partition keys. */
export function tableInputColumns(tableMetadata) {
  return inputColumns([...(tableMetadata.Columns || []), ...(tableMetadata.PartitionKeys || [])]);
}

/** The SQL that learns a custom query's columns without reading rows. */
export function columnsProbeSql(sql) {
  let query = String(sql).trim();
  while (query.endsWith(';')) query = query.slice(0, -1).trim();
  return `SELECT * FROM (${query}) LIMIT 0`;
}
