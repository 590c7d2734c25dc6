// Editing helpers for the SQL text: names as Athena reads them, text put in at the cursor.

/** An identifier as SQL: bare when it is lower-case letters, digits and _, else in double quotes. */
export function identifier(name) {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${String(name).replace(/"/g, '""')}"`;
}

/** database.table, each part quoted when needed. */
export function qualifiedName(database, table) {
  return database ? `${identifier(database)}.${identifier(table)}` : identifier(table);
}

/** The text with `insert` replacing the selection [start, end), and where the cursor goes after it. */
export function insertText(text, start, end, insert) {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
