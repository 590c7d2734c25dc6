// Where an error points in a calculated field's expression: the engine's messages end "at position N" (0-based).

/** {field, position} of an error message about an expression: the field named (if any) and the offset (or null). */
export function expressionError(message, fieldNames = []) {
  const text = String(message || '');
  const match = /at position (\d+)/.exec(text);
  const field = fieldNames.find((name) => text.includes(`'${name}'`) || text.includes(`Field ${name}:`)
    || text.includes(`calculated-field/${name}`)) || null;
  return { field, position: match ? Number(match[1]) : null };
}

/** Two lines: the expression, and a caret under the position. */
export function caret(expression, position) {
  const line = String(expression).replace(/\n/g, ' ');
  return `${line}\n${' '.repeat(Math.max(0, Math.min(position, line.length)))}^`;
}
