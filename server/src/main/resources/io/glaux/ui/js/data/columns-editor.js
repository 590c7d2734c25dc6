// The dataset's columns (rename, retype, hide), calculated columns and filters, editing the page's state in place,
// and marking an expression error next to the expression it is about.
import { h, replace, select } from '../ui/dom.js';
import { CAST_TYPES, fieldType } from './dataset-body.js';
import { splitAt } from './errors.js';

let counter = 0;

/** A new unique key and ColumnId for a calculated column or filter. */
export function newKey(prefix) {
  const random = globalThis.crypto && crypto.randomUUID ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  counter += 1;
  return `${prefix}-${counter}-${random.slice(0, 8)}`;
}

function columnsTable(state) {
  return h('table', { class: 'data columns', id: 'columns' },
    h('thead', {}, h('tr', {}, ['Column', 'Source type', 'Name in dataset', 'Type in dataset', 'Included']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, state.columns.map((column) => h('tr', { dataset: { column: column.name } },
      h('td', {}, column.name),
      h('td', {}, column.type + (column.subType ? ` (${column.subType})` : '')),
      h('td', {}, h('input', { type: 'text', name: 'rename', value: column.rename, placeholder: column.name,
        'aria-label': `Name in dataset for ${column.name}`,
        oninput: (e) => { column.rename = e.target.value; } })),
      h('td', {}, select([['', `${fieldType(column.type)} (as read)`], ...CAST_TYPES.filter((t) => t !==
        fieldType(column.type))], column.castTo, { name: 'cast', 'aria-label': `Type in dataset for ${column.name}`,
      onchange: (e) => { column.castTo = e.target.value; } })),
      h('td', {}, h('input', { type: 'checkbox', name: 'included', checked: !column.hidden,
        'aria-label': `Include ${column.name}`, onchange: (e) => { column.hidden = !e.target.checked; } }))))));
}

function expressionRow(entry, kind, remove) {
  const label = kind === 'calculated' ? 'calculated column' : 'filter';
  const expression = h('input', { type: 'text', name: 'expression', value: entry.expression,
    placeholder: kind === 'calculated' ? '{quantity} * {unit_price}' : "{status} = 'shipped'",
    'aria-label': kind === 'calculated' ? `Expression of ${entry.name || 'new calculated column'}` : 'Filter condition',
    oninput: (e) => { entry.expression = e.target.value; } });
  const name = kind === 'calculated' ? h('input', { type: 'text', name: 'name', value: entry.name,
    placeholder: 'Column name', 'aria-label': 'Calculated column name',
    oninput: (e) => {
      entry.name = e.target.value;
      expression.setAttribute('aria-label', `Expression of ${entry.name || 'new calculated column'}`);
    } }) : h('span', { class: 'muted' }, 'Keep rows where');
  return h('div', { class: 'expression-row', dataset: { key: entry.key, kind } }, name, expression,
    h('button', { type: 'button', onclick: remove, 'aria-label': `Remove ${label}` }, 'Remove'));
}

function expressionList(entries, kind, make, title, addText) {
  const list = h('div', { class: 'expressions', id: kind === 'calculated' ? 'calculated-columns' : 'filters' });
  const draw = () => replace(list, entries.map((entry) => expressionRow(entry, kind, () => {
    entries.splice(entries.indexOf(entry), 1);
    draw();
  })));
  draw();
  return h('div', {}, h('h3', {}, title), list,
    h('button', { type: 'button', onclick: () => {
      entries.push(make());
      draw();
      list.lastElementChild.querySelector('input').focus();
    } }, addText));
}

/** The editor for a state's columns, calculated columns and filters. */
export function columnsEditor(state) {
  if (!state.columns.length) {
    return h('p', { class: 'muted', id: 'columns' }, 'Pick a table, or preview the custom SQL, to see its columns.');
  }
  return h('div', {},
    h('div', { class: 'scroll' }, columnsTable(state)),
    expressionList(state.calculated, 'calculated', () => {
      const key = newKey('calc');
      return { key, id: key, name: '', expression: '' };
    }, 'Calculated columns', 'Add calculated column'),
    expressionList(state.filters, 'filter', () => ({ key: newKey('filter'), expression: '' }), 'Filters',
      'Add filter'));
}

/** Removes the expression error marks under an element. */
export function clearExpressionErrors(root) {
  root.querySelectorAll('.expression-error').forEach((e) => e.remove());
  root.querySelectorAll('input.invalid').forEach((input) => {
    input.classList.remove('invalid');
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  });
}

/** Shows an error located by locateError() next to its expression, the position marked; whether it was shown. */
export function markExpressionError(root, located) {
  if (!located || !['calculated', 'filter'].includes(located.kind)) return false;
  const row = [...root.querySelectorAll('.expression-row')].find((r) => r.dataset.key === located.key);
  if (!row) return false;
  const input = row.querySelector('input[name=expression]');
  const [before, at, after] = splitAt(input.value, located.position);
  const id = `error-${located.key}`;
  const note = h('div', { class: 'error expression-error', id, role: 'alert' }, located.message,
    located.position !== null ? h('div', {}, 'At position ', String(located.position), ': ',
      h('code', {}, before, h('mark', {}, at), after)) : null);
  row.append(note);
  input.classList.add('invalid');
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
  input.focus();
  if (located.position !== null) {
    const p = Math.min(located.position, input.value.length);
    input.setSelectionRange(p, Math.min(p + 1, input.value.length));
  }
  return true;
}
