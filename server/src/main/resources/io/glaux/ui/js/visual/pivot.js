// A pivot table visual's rows (Rows dimensions, Columns dimensions, then Values, as the visual-data endpoint gives
// them) turned into a grid: one line per Rows combination, one column per Columns combination and measure.
import { columnIndex, wellFields } from './fields.js';

/**
 * {rowHeaders: [label], columnKeys: [[value]], measures: [label], lines: [{key: [value], cells: [value]}]}; cells
 * run column key by column key, each with its measures; a missing combination is null.
 */
export function pivot(visual, data) {
  const indexes = (well) => wellFields(visual, well).map((f) => ({ ...f, at: columnIndex(data, f.fieldId) }))
    .filter((f) => f.at >= 0);
  const rowFields = indexes('Rows');
  const columnFields = indexes('Columns');
  const measures = indexes('Values');
  const columnKeys = [];
  const columnPosition = new Map();
  const lines = [];
  const linePosition = new Map();
  const values = [];
  for (const row of data.Rows || []) {
    const lineKey = rowFields.map((f) => row[f.at]);
    const columnKey = columnFields.map((f) => row[f.at]);
    const l = position(linePosition, lines, lineKey, () => ({ key: lineKey }));
    const c = position(columnPosition, columnKeys, columnKey, () => columnKey);
    measures.forEach((m, k) => { (values[l] ||= [])[c * measures.length + k] = row[m.at]; });
  }
  const width = columnKeys.length * measures.length;
  lines.forEach((line, l) => {
    line.cells = Array.from({ length: width }, (_, i) => (values[l] && values[l][i] !== undefined
      ? values[l][i] : null));
  });
  return { rowHeaders: rowFields.map((f) => f.label), columnKeys, measures: measures.map((m) => m.label), lines };
}

function position(map, list, key, make) {
  const text = JSON.stringify(key);
  if (!map.has(text)) {
    map.set(text, list.length);
    list.push(make());
  }
  return map.get(text);
}

/** The header of one grid column: its column key's values and, with several measures, the measure. */
export function columnHeader(grid, index) {
  const key = grid.columnKeys[Math.floor(index / grid.measures.length)];
  const parts = key.map((v) => (v === null ? '(empty)' : String(v)));
  if (grid.measures.length > 1 || parts.length === 0) parts.push(grid.measures[index % grid.measures.length]);
  return parts.join(' · ');
}

/** The grid as flat columns and rows (what a pivot shows, e.g. for CSV). */
export function pivotTable(grid) {
  const width = grid.columnKeys.length * grid.measures.length;
  const columns = [...grid.rowHeaders, ...Array.from({ length: width }, (_, i) => columnHeader(grid, i))];
  return { columns, rows: grid.lines.map((line) => [...line.key, ...line.cells]) };
}
