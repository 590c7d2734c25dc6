// Ids for the resources and parts of an analysis: readable ones derived from names, unique within their list.

/** A QuickSight resource id (ShortRestrictiveResourceId, [\w-]+) from a name: "Sales by month" → "sales-by-month". */
export function idFromName(name) {
  const id = String(name || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 200);
  return id;
}

/** base, or base-2, base-3... whichever is not in taken (an iterable or a Set of ids). */
export function uniqueId(base, taken) {
  const used = taken instanceof Set ? taken : new Set(taken);
  const start = base || 'item';
  if (!used.has(start)) return start;
  for (let n = 2; ; n++) {
    if (!used.has(`${start}-${n}`)) return `${start}-${n}`;
  }
}

/** A parameter name from a label (ParameterName is alphanumeric): "Min amount" → "MinAmount". */
export function parameterName(label) {
  return String(label || '').split(/[^A-Za-z0-9]+/).filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
