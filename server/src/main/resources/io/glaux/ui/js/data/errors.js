// Where a dataset error from the server points: the transform, the calculated column or filter, and the position
// in its expression. The server's messages read like
//   "LogicalTable logical (orders) DataTransforms[2] CreateColumnsOperation column 'margin': expression 'x +': ...
//    at position 3".

/** The parts of a dataset error message: transformIndex, operation, column, expression, position, problem. */
export function parseDataSetError(message) {
  const text = String(message || '');
  const transform = /DataTransforms\[(\d+)\]\s+(\w+)/.exec(text);
  const column = /DataTransforms\[\d+\]\s+\w+\s+column '((?:[^']|'')*)'/.exec(text);
  const expression = /(?:expression|condition) '(.*)'(?=:| must| is| aggregates)/.exec(text);
  const position = /at position (\d+)\s*\.?\s*$/.exec(text) || /\bposition (\d+)/.exec(text);
  return {
    transformIndex: transform ? Number(transform[1]) : null,
    operation: transform ? transform[2] : null,
    column: column ? column[1] : null,
    expression: expression ? expression[1] : null,
    position: position ? Number(position[1]) : null,
    problem: text,
  };
}

/**
 * The form entry an error is about, given the origins of the dataset's transforms (one per DataTransforms entry,
 * e.g. {kind: 'calculated', key: 'c1'} or {kind: 'filter', key: 'f1'}): {kind, key, position, message} or null.
 */
export function locateError(message, origins) {
  const parsed = parseDataSetError(message);
  if (parsed.transformIndex === null) return null;
  const origin = origins[parsed.transformIndex];
  if (!origin) return null;
  let key = origin.key;
  if (origin.kind === 'calculated' && parsed.column !== null && origin.keys) {
    key = origin.keys[parsed.column] ?? null;
  }
  if (key === null || key === undefined) return null;
  return { kind: origin.kind, key, position: parsed.position, message: parsed.problem };
}

/** An expression split around a position, for marking it: [before, at, after] (at may be a space past the end). */
export function splitAt(expression, position) {
  const text = String(expression);
  if (position === null || position === undefined || position < 0) return [text, '', ''];
  const p = Math.min(position, text.length);
  return [text.slice(0, p), text.slice(p, p + 1) || ' ', text.slice(p + 1)];
}
