// The forms for a parameter (name, type, single or multiple values, defaults), a sheet control setting it, and
// a calculated field (whose expression error shows with a caret at its position).
import { h, field, select, replace, errorBox } from '../ui/dom.js';
import { PARAMETER_TYPES, CONTROL_KINDS, parameterProblem, controlProblem } from './parameters.js';
import { expressionError, caret } from './errors.js';

const lines = (text) => text.split('\n').map((v) => v.trim()).filter(Boolean);

/** A form around a body of controls: a heading, the body, the message area and submit / cancel buttons. */
function formShell(title, label, submitLabel, body, check, onSubmit, onCancel) {
  const message = h('div', { class: 'form-message' });
  const form = h('form', { class: 'panel side-form', 'aria-label': label }, h('h2', {}, title), body, message,
    h('div', { class: 'row actions' }, h('button', { type: 'submit', class: 'primary' }, submitLabel),
      h('button', { type: 'button', onclick: onCancel }, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { problem, value } = check();
    if (problem) {
      replace(message, errorBox(new Error(problem)));
      return;
    }
    try {
      replace(message);
      await onSubmit(value);
    } catch (error) {
      replace(message, errorBox(error));
    }
  });
  return form;
}

export function parameterForm({ spec, onSubmit, onCancel, isNew }) {
  const state = { name: '', type: 'String', multi: false, defaults: [], ...spec };
  const name = h('input', { name: 'parameter-name', value: state.name, pattern: '[A-Za-z0-9]+' });
  const type = select(PARAMETER_TYPES, state.type, { name: 'parameter-type' });
  const multi = h('input', { type: 'checkbox', name: 'parameter-multi', checked: state.multi });
  const defaults = h('textarea', { name: 'parameter-defaults', rows: 2 }, state.defaults.join('\n'));
  const body = h('div', {}, h('div', { class: 'row' }, field('Name', name, 'Letters and digits'), field('Type', type),
    h('label', { class: 'check' }, multi, ' Multiple values')),
  field('Default values (one a line)', defaults, 'Dates as 2024-01-31'));
  return formShell(isNew ? 'New parameter' : `Edit parameter ${spec.name}`, isNew ? 'New parameter' : 'Edit parameter',
    isNew ? 'Add parameter' : 'Update parameter', body, () => {
      const value = { name: name.value.trim(), type: type.value, multi: multi.checked, defaults: lines(defaults.value) };
      return { problem: parameterProblem(value), value };
    }, onSubmit, onCancel);
}

/**
 * @param parameters [{name, type, multi}] the declared parameters
 * @param columns [{DataSetIdentifier, name}] the datasets' columns a dropdown may take its values from
 */
export function controlForm({ spec, parameters, columns = [], onSubmit, onCancel, isNew }) {
  const state = { kind: 'dropdown', title: '', values: [], parameterName: parameters[0]?.name || '', ...spec };
  const parameter = select(parameters.map((p) => p.name), state.parameterName, { name: 'control-parameter' });
  const kind = select(Object.entries(CONTROL_KINDS).map(([k, v]) => [k, v.label]), state.kind, { name: 'control-kind' });
  const title = h('input', { name: 'control-title', value: state.title || state.parameterName });
  const columnKey = (c) => `${c.DataSetIdentifier}/${c.ColumnName ?? c.name}`;
  const source = select([['', 'the list below'], ...columns.map((c) => [columnKey(c), columns.some((d) =>
    d.DataSetIdentifier !== c.DataSetIdentifier) ? `${c.name} (${c.DataSetIdentifier})` : c.name])],
  state.link ? columnKey(state.link) : '', { name: 'control-values-column' });
  const values = h('textarea', { name: 'control-values', rows: 3 }, state.values.join('\n'));
  const body = h('div', {}, h('div', { class: 'row' }, field('Parameter', parameter), field('Control', kind),
    field('Title', title)), field('Dropdown values from', source, 'a dataset column lists its distinct values'),
  field('Values offered (dropdown, one a line)', values));
  return formShell(isNew ? 'New control' : 'Edit control', isNew ? 'New control' : 'Edit control',
    isNew ? 'Add control' : 'Update control', body, () => {
      const column = columns.find((c) => columnKey(c) === source.value);
      const dropdown = kind.value === 'dropdown';
      const value = { controlId: state.controlId, kind: kind.value, parameterName: parameter.value,
        title: title.value.trim() || parameter.value, values: dropdown && !column ? lines(values.value) : [],
        link: dropdown && column ? { DataSetIdentifier: column.DataSetIdentifier, ColumnName: column.name } : null };
      return { problem: controlProblem({ ...value, controlId: value.controlId || 'new' }, parameters), value };
    }, onSubmit, onCancel);
}

/** @param error an error of saving this field (shown with a caret under its position), if any */
export function calculatedFieldForm({ field: calc, dataSetIdentifiers, error, onSubmit, onCancel, isNew }) {
  const state = { Name: '', Expression: '', DataSetIdentifier: dataSetIdentifiers[0], ...calc };
  const name = h('input', { name: 'calc-name', value: state.Name });
  const dataSet = select(dataSetIdentifiers, state.DataSetIdentifier, { name: 'calc-dataset' });
  const expression = h('textarea', { name: 'calc-expression', rows: 3, spellcheck: 'false' }, state.Expression);
  const body = h('div', {}, h('div', { class: 'row' }, field('Name', name),
    dataSetIdentifiers.length > 1 ? field('Dataset', dataSet) : null),
  field('Expression', expression, 'e.g. {quantity} * {unit_price}, or ${Parameter} for a parameter'),
  error ? expressionErrorBox(error, state) : null);
  return formShell(isNew ? 'New calculated field' : `Edit ${calc.Name}`, isNew ? 'New calculated field'
    : 'Edit calculated field', isNew ? 'Add calculated field' : 'Update calculated field', body, () => {
    const value = { Name: name.value.trim(), DataSetIdentifier: dataSet.value, Expression: expression.value };
    return { problem: !value.Name ? 'A calculated field needs a name.' : !value.Expression.trim()
      ? 'A calculated field needs an expression.' : null, value };
  }, onSubmit, onCancel);
}

/** An error about an expression, with the expression and a caret at the position it names. */
export function expressionErrorBox(error, calc) {
  const box = errorBox(error);
  const { position } = expressionError(error.message, [calc.Name]);
  if (position !== null) box.append(h('pre', { class: 'caret' }, caret(calc.Expression, position)));
  return box;
}
