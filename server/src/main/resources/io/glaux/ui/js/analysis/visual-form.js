// The form adding or editing one visual: type, title, dataset, the type's field wells (a row per field: the
// column, and its date granularity or aggregation), sort and top N. It edits a visual spec (see visuals.js).
import { h, field, select, replace, errorBox } from '../ui/dom.js';
import { VISUAL_TYPES, AGGREGATIONS, GRANULARITIES, dimensionKind, measureKind, fieldsOf, problemOf }
  from './visuals.js';

const SORT_DIRECTIONS = [['DESC', 'Descending'], ['ASC', 'Ascending']];

/**
 * @param {object} options spec (to edit; a new one has no wells), dataSetIdentifiers, fieldsFor(identifier) →
 *   [{name, type, calculated}], onSubmit(spec) (may throw or reject: the error shows and the form stays), onCancel
 */
export function visualForm({ spec, dataSetIdentifiers, fieldsFor, onSubmit, onCancel, isNew }) {
  const state = JSON.parse(JSON.stringify(spec));
  state.wells ||= {};
  state.dataSetIdentifier ||= dataSetIdentifiers[0];
  const form = h('form', { class: 'panel visual-form', 'aria-label': isNew ? 'New visual' : `Edit visual ${spec.visualId}` });
  const message = h('div', { class: 'form-message' });

  const columnType = (name) => (fieldsFor(state.dataSetIdentifier).find((f) => f.name === name) || {}).type ?? null;

  function fieldRow(well, item, index) {
    const fields = fieldsFor(state.dataSetIdentifier);
    const label = `${well.label} field${well.max === 1 ? '' : ` ${index + 1}`}`;
    const column = select([['', '— pick a field —'], ...fields.map((f) => [f.name, f.calculated ? `${f.name} (calculated)`
      : f.name])], item.column, { name: 'column', onchange: () => {
      item.column = column.value;
      const type = columnType(item.column);
      if (well.role === 'dimension') {
        item.kind = dimensionKind(type);
        if (item.kind === 'date') item.granularity ||= 'MONTH';
        else delete item.granularity;
      } else {
        item.kind = measureKind(type);
        if (!AGGREGATIONS[item.kind].includes(item.aggregation)) item.aggregation = AGGREGATIONS[item.kind][0];
      }
      draw();
    } });
    const parts = [field(label, column)];
    if (well.role === 'dimension' && item.kind === 'date') {
      parts.push(field('Date granularity', select(GRANULARITIES, item.granularity || 'DAY', { name: 'granularity',
        onchange: (e) => { item.granularity = e.target.value; draw(); } })));
    }
    if (well.role === 'measure') {
      parts.push(field('Aggregation', select(AGGREGATIONS[item.kind || 'numerical'], item.aggregation,
        { name: 'aggregation', onchange: (e) => { item.aggregation = e.target.value; draw(); } })));
    }
    parts.push(h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${label}`, onclick: () => {
      state.wells[well.name].splice(index, 1);
      draw();
    } }, 'Remove'));
    return h('div', { class: 'row well-field' }, parts);
  }

  function draw() {
    const type = VISUAL_TYPES[state.type];
    for (const name of Object.keys(state.wells)) if (!type.wells.some((w) => w.name === name)) delete state.wells[name];
    const fieldIds = fieldsOf(state).map((f) => f.fieldId);
    if (state.sort && !fieldIds.includes(state.sort.fieldId)) state.sort = null;
    if (!type.limit) state.limit = null;
    const wells = type.wells.map((well) => {
      const items = (state.wells[well.name] ||= []);
      const full = well.max && items.length >= well.max;
      return h('fieldset', { class: 'well', dataset: { well: well.name } }, h('legend', {}, well.label),
        items.map((item, i) => fieldRow(well, item, i)),
        full ? null : h('button', { type: 'button', onclick: () => {
          items.push(well.role === 'dimension' ? { column: '', kind: 'categorical' }
            : { column: '', kind: 'numerical', aggregation: 'SUM' });
          draw();
        } }, `Add ${well.label.toLowerCase()} field`));
    });
    const sortField = select([['', 'None (default order)'], ...fieldIds], state.sort?.fieldId || '', {
      name: 'sort-field', onchange: (e) => {
        state.sort = e.target.value ? { fieldId: e.target.value, direction: state.sort?.direction || 'DESC' } : null;
        draw();
      } });
    const sortDirection = select(SORT_DIRECTIONS, state.sort?.direction || 'DESC', { name: 'sort-direction',
      disabled: !state.sort, onchange: (e) => { state.sort.direction = e.target.value; } });
    const limit = type.limit ? field('Top N (items limit)', h('input', { type: 'number', min: 1, name: 'limit',
      value: state.limit ?? '', oninput: (e) => { state.limit = e.target.value === '' ? null : Number(e.target.value); } }),
    'Keeps the first N categories in the sort order') : null;
    replace(form,
      h('h2', {}, isNew ? 'New visual' : `Edit ${state.title || state.visualId}`),
      h('div', { class: 'row' },
        field('Visual type', select(Object.entries(VISUAL_TYPES).map(([k, t]) => [k, t.label]), state.type, {
          name: 'visual-type', onchange: (e) => { state.type = e.target.value; draw(); } })),
        field('Title', h('input', { name: 'visual-title', value: state.title || '',
          oninput: (e) => { state.title = e.target.value; } })),
        dataSetIdentifiers.length > 1 ? field('Dataset', select(dataSetIdentifiers, state.dataSetIdentifier, {
          name: 'dataset', onchange: (e) => { state.dataSetIdentifier = e.target.value; state.wells = {}; draw(); } }))
          : null),
      h('div', { class: 'wells' }, wells),
      h('div', { class: 'row' }, field('Sort by', sortField), field('Sort direction', sortDirection), limit),
      message,
      h('div', { class: 'row actions' },
        h('button', { type: 'submit', class: 'primary' }, isNew ? 'Add visual' : 'Update visual'),
        h('button', { type: 'button', onclick: onCancel }, 'Cancel')));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = problemOf({ ...state, visualId: state.visualId || 'new' }); // a new visual's id comes later
    if (problem) {
      replace(message, errorBox(new Error(problem)));
      return;
    }
    try {
      replace(message);
      await onSubmit(JSON.parse(JSON.stringify(state)));
    } catch (error) {
      replace(message, errorBox(error));
    }
  });
  draw();
  return form;
}
