// Small DOM helpers shared by the pages: element building, formatting and the error banner.

/** h('button', {class: 'primary', onclick}, 'Save') builds an element; children may be strings, nodes or arrays. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled form control: label text, then the control (the label's for= points at it). */
let nextId = 0;
export function field(label, control, hint) {
  if (!control.id) control.id = `f${++nextId}`;
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    hint ? h('small', { class: 'hint' }, hint) : null);
}

/** A select of options given as strings or [value, label] pairs. */
export function select(options, value, attributes = {}) {
  return h('select', attributes, options.map((o) => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value }, label);
  }));
}

/** An error box with the AWS error code and message (role=alert, so it is announced). */
export function errorBox(error) {
  const code = error && error.code ? `${error.code}: ` : '';
  return h('div', { class: 'error', role: 'alert' }, code + (error && error.message ? error.message : String(error)));
}

/** A table of column names and rows of values (null shown as an empty cell). */
export function dataTable(columns, rows, attributes = {}) {
  return h('table', { class: 'data', ...attributes },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((v) => h('td', {}, v === null ? '' : v))))));
}

export function formatBytes(bytes) {
  if (bytes === undefined || bytes === null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export function formatMillis(millis) {
  if (millis === undefined || millis === null) return '';
  return millis < 1000 ? `${Math.round(millis)} ms` : `${(millis / 1000).toFixed(2)} s`;
}

/** An epoch-seconds (AWS JSON timestamp) or ISO value as local date-time text. */
export function formatTime(value) {
  if (value === undefined || value === null) return '';
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return date.toLocaleString();
}
