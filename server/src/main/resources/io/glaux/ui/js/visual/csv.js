// CSV text as RFC 4180 writes it: CRLF line ends, a field quoted when it holds a comma, quote, CR or LF, quotes
// doubled inside; NULL is an empty field.
import { visualKind } from './fields.js';
import { pivot, pivotTable } from './pivot.js';

export function csvField(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line of column names, then one line per row. */
export function toCsv(columns, rows) {
  return [columns, ...rows].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** What a visual shows as columns and rows: a pivot table's grid, otherwise the response's columns and rows. */
export function visualTable(visual, data) {
  if (visualKind(visual) === 'PivotTableVisual') return pivotTable(pivot(visual, data));
  return { columns: (data.Columns || []).map((c) => c.Name), rows: data.Rows || [] };
}

/** The CSV of what a visual shows. */
export function visualCsv(visual, data) {
  const { columns, rows } = visualTable(visual, data);
  return toCsv(columns, rows);
}
