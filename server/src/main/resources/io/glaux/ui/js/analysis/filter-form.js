// The form adding or editing a filter group: the field, the kind of filter and its values, which visuals of the
// sheet it applies to, enabled or not. It edits a filter spec (see filters.js).
import { h, field, select, replace, errorBox } from '../ui/dom.js';
import { FILTER_KINDS, RELATIVE_TYPES, filterProblem } from './filters.js';
import { GRANULARITIES } from './visuals.js';
import { matching } from './distinct-values.js';

const kindFor = (type) => (type === 'DATETIME' ? 'time-range' : type === 'INTEGER' || type === 'DECIMAL'
  ? 'numeric-range' : 'category');

/**
 * @param {object} options spec, fields: [{DataSetIdentifier, name, type}], sheetVisuals: [{visualId, title}],
 *   parameters: [{name, type}], loadValues(DataSetIdentifier, column) → Promise<[values] | null>,
 *   onSubmit(spec), onCancel, isNew
 */
export function filterForm({ spec, fields, sheetVisuals, parameters, loadValues, onSubmit, onCancel, isNew }) {
  const state = JSON.parse(JSON.stringify(spec));
  state.category ||= { operator: 'EQUALS', values: [] };
  state.range ||= { min: '', max: '', minParameter: '', maxParameter: '' };
  state.time ||= { from: '', to: '' };
  state.relative ||= { granularity: 'DAY', type: 'LAST', n: 7 };
  const form = h('form', { class: 'panel filter-form', 'aria-label': isNew ? 'New filter' : 'Edit filter' });
  const message = h('div', { class: 'form-message' });
  let values = null; // the column's distinct values once loaded (null: type them)
  let search = '';
  let loadedFor = null;
  let valuesBox = null; // where the values part is drawn, while the form shows one

  const key = (f) => `${f.DataSetIdentifier}\u0000${f.name}`;
  const current = () => fields.find((f) => f.DataSetIdentifier === state.column?.DataSetIdentifier
    && f.name === state.column?.ColumnName);

  async function load() {
    const f = current();
    if (!f || state.kind !== 'category' || loadedFor === key(f)) return;
    loadedFor = key(f);
    values = undefined;
    if (valuesBox) drawValues(valuesBox);
    let loaded;
    try {
      loaded = await loadValues(f.DataSetIdentifier, f.name);
    } catch (error) {
      loaded = null;
      replace(message, errorBox(error));
    }
    if (loadedFor !== key(f)) return;
    values = loaded;
    if (valuesBox) drawValues(valuesBox); // only the list: the rest of the form keeps its focus
  }

  /** The values part: loading, a text area to type them, or the distinct values with a search box. */
  function drawValues(box) {
    const c = state.category;
    if (values === undefined) return replace(box, h('p', { class: 'muted' }, 'Loading the values…'));
    if (values === null) {
      return replace(box, field('Values (one a line)', h('textarea', { name: 'category-values', rows: 4,
        oninput: (e) => { c.values = e.target.value.split('\n').map((v) => v.trim()).filter(Boolean); } },
      c.values.join('\n'))));
    }
    const list = h('div', { class: 'value-list', role: 'group', 'aria-label': 'Values' });
    const drawList = () => replace(list, matching(values, search).map((v) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'category-value', value: v, checked: c.values.includes(v),
        onchange: (e) => {
          c.values = e.target.checked ? [...c.values, v] : c.values.filter((x) => x !== v);
        } }), ` ${v}`)));
    drawList();
    return replace(box, field('Search values', h('input', { type: 'search', name: 'value-search', value: search,
      oninput: (e) => { search = e.target.value; drawList(); } })), list);
  }

  function categoryPart() {
    const c = state.category;
    const parameterNames = parameters.map((p) => p.name);
    const source = select([['values', 'A list of values'], ['parameter', 'A parameter']], c.parameter !== undefined
      && c.parameter !== null && c.parameter !== '' ? 'parameter' : 'values', { name: 'category-source',
      onchange: (e) => { c.parameter = e.target.value === 'parameter' ? parameterNames[0] || '' : ''; draw(); } });
    const parts = [h('div', { class: 'row' }, field('Match', select([['EQUALS', 'equals'], ['DOES_NOT_EQUAL',
      'does not equal']], c.operator || 'EQUALS', { name: 'operator', onchange: (e) => { c.operator = e.target.value; } })),
    field('Values from', source))];
    if (c.parameter) {
      parts.push(field('Parameter', select(parameterNames, c.parameter, { name: 'category-parameter',
        onchange: (e) => { c.parameter = e.target.value; } })));
    } else {
      valuesBox = h('div', { class: 'values-box' });
      drawValues(valuesBox);
      parts.push(valuesBox);
    }
    return parts;
  }

  function rangePart() {
    const r = state.range;
    const numeric = [['', '—'], ...parameters.filter((p) => p.type === 'Integer' || p.type === 'Decimal')
      .map((p) => p.name)];
    const input = (name, label, prop) => field(label, h('input', { type: 'number', step: 'any', name,
      value: r[prop] ?? '', oninput: (e) => { r[prop] = e.target.value; } }));
    return [h('div', { class: 'row' }, input('range-min', 'Minimum', 'min'), input('range-max', 'Maximum', 'max'),
      field('Minimum from parameter', select(numeric, r.minParameter || '', { name: 'range-min-parameter',
        onchange: (e) => { r.minParameter = e.target.value; } })),
      field('Maximum from parameter', select(numeric, r.maxParameter || '', { name: 'range-max-parameter',
        onchange: (e) => { r.maxParameter = e.target.value; } })))];
  }

  function timePart() {
    const t = state.time;
    return [h('div', { class: 'row' },
      field('From', h('input', { type: 'date', name: 'time-from', value: (t.from || '').slice(0, 10),
        oninput: (e) => { t.from = e.target.value; } })),
      field('To', h('input', { type: 'date', name: 'time-to', value: (t.to || '').slice(0, 10),
        oninput: (e) => { t.to = e.target.value; } })))];
  }

  function relativePart() {
    const r = state.relative;
    const needsN = r.type === 'LAST' || r.type === 'NEXT';
    return [h('div', { class: 'row' },
      field('Period', select(RELATIVE_TYPES.map((t) => [t, { LAST: 'Last N', THIS: 'This', PREVIOUS: 'Previous',
        NOW: 'To date', NEXT: 'Next N' }[t]]), r.type, { name: 'relative-type',
        onchange: (e) => { r.type = e.target.value; draw(); } })),
      needsN ? field('N', h('input', { type: 'number', min: 1, name: 'relative-n', value: r.n ?? '',
        oninput: (e) => { r.n = e.target.value === '' ? '' : Number(e.target.value); } })) : null,
      field('Unit', select(GRANULARITIES.filter((g) => g !== 'MINUTE'), r.granularity, { name: 'relative-unit',
        onchange: (e) => { r.granularity = e.target.value; } })))];
  }

  function scopePart() {
    const selected = !!state.scope.visualIds;
    const radio = (value, label) => h('label', { class: 'check' }, h('input', { type: 'radio', name: 'scope',
      value, checked: (value === 'selected') === selected, onchange: () => {
        state.scope.visualIds = value === 'selected' ? [] : null;
        draw();
      } }), ` ${label}`);
    return h('fieldset', {}, h('legend', {}, 'Applies to'), radio('all', 'All visuals of this sheet'),
      radio('selected', 'Selected visuals'),
      selected ? h('div', { class: 'value-list' }, sheetVisuals.map((v) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'scope-visual', value: v.visualId,
          checked: state.scope.visualIds.includes(v.visualId), onchange: (e) => {
            state.scope.visualIds = e.target.checked ? [...state.scope.visualIds, v.visualId]
              : state.scope.visualIds.filter((id) => id !== v.visualId);
          } }), ` ${v.title}`))) : null);
  }

  function draw() {
    const column = select([['', '— pick a field —'], ...fields.map((f) => [key(f), `${f.name}${fields.some((g) =>
      g.DataSetIdentifier !== f.DataSetIdentifier) ? ` (${f.DataSetIdentifier})` : ''}`])],
    current() ? key(current()) : '', { name: 'filter-column', onchange: (e) => {
      const f = fields.find((g) => key(g) === e.target.value);
      state.column = f ? { DataSetIdentifier: f.DataSetIdentifier, ColumnName: f.name } : {};
      if (f) state.kind = kindFor(f.type);
      state.category.values = [];
      draw();
      load();
    } });
    const kind = select(Object.entries(FILTER_KINDS).map(([k, v]) => [k, v.label]), state.kind, {
      name: 'filter-kind', onchange: (e) => { state.kind = e.target.value; draw(); load(); } });
    valuesBox = null;
    const body = { category: categoryPart, 'numeric-range': rangePart, 'time-range': timePart,
      'relative-dates': relativePart }[state.kind]();
    replace(form, h('h2', {}, isNew ? 'New filter' : `Edit filter ${state.filterGroupId}`),
      h('div', { class: 'row' }, field('Field', column), field('Filter type', kind),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'filter-enabled',
          checked: state.enabled !== false, onchange: (e) => { state.enabled = e.target.checked; } }), ' Enabled')),
      body, scopePart(), message,
      h('div', { class: 'row actions' },
        h('button', { type: 'submit', class: 'primary' }, isNew ? 'Add filter' : 'Update filter'),
        h('button', { type: 'button', onclick: onCancel }, 'Cancel')));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = JSON.parse(JSON.stringify(state));
    for (const part of ['category', 'range', 'time', 'relative']) {
      if ({ category: 'category', range: 'numeric-range', time: 'time-range', relative: 'relative-dates' }[part]
        !== out.kind) delete out[part];
    }
    const problem = filterProblem({ ...out, filterGroupId: out.filterGroupId || 'new' }); // a new one's id comes later
    if (problem) {
      replace(message, errorBox(new Error(problem)));
      return;
    }
    try {
      replace(message);
      await onSubmit(out);
    } catch (error) {
      replace(message, errorBox(error));
    }
  });
  draw();
  load();
  return form;
}
