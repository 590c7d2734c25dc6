// A sheet's ParameterControls as labelled form controls bound to a {Name: [values]} object of parameter values,
// starting from the ParameterDeclarations' static defaults.
import { field, h, replace } from '../ui/dom.js';
import { unwrap } from './fields.js';

/** The declaration of a parameter: {type: 'String'|'Integer'|'Decimal'|'DateTime', Name, multi, ...}. */
export function parameterDeclaration(definition, name) {
  for (const declaration of (definition && definition.ParameterDeclarations) || []) {
    const [kind, inner] = unwrap(declaration);
    if (inner.Name === name) {
      return { ...inner, type: kind.replace('ParameterDeclaration', ''),
        multi: inner.ParameterValueType === 'MULTI_VALUED' };
    }
  }
  return null;
}

/** Every declared parameter's static default values: {Name: [values]} (those without defaults left out). */
export function parameterDefaults(definition) {
  const values = {};
  for (const declaration of (definition && definition.ParameterDeclarations) || []) {
    const [, inner] = unwrap(declaration);
    const defaults = inner.DefaultValues && inner.DefaultValues.StaticValues;
    if (defaults && defaults.length) values[inner.Name] = [...defaults];
  }
  return values;
}

/** A date-time parameter value (epoch seconds or ISO text) as an input's yyyy-mm-dd, in UTC. */
export function isoDate(value) {
  if (value === undefined || value === null || value === '') return '';
  const date = typeof value === 'number' || /^\d+(\.\d+)?$/.test(String(value))
    ? new Date(Number(value) * 1000) : new Date(String(value).replace(' ', 'T').replace(/Z?$/, 'Z'));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * The sheet's parameter controls in a container; values are updated in place, then onChange() is called. With a
 * client, a dropdown linked to a dataset column lists that column's values.
 */
export function renderParameterControls(container, { sheet, definition, values, onChange = () => {}, client }) {
  const context = client ? { linkedValues: (link) => linkedColumnValues(client, definition, link) } : {};
  for (const [name, defaults] of Object.entries(parameterDefaults(definition))) {
    if (!(name in values)) values[name] = defaults;
  }
  const controls = ((sheet && sheet.ParameterControls) || []).map((control) => {
    const [kind, inner] = unwrap(control);
    const declaration = parameterDeclaration(definition, inner.SourceParameterName) || { type: 'String' };
    const set = (list) => {
      values[inner.SourceParameterName] = list;
      onChange(inner.SourceParameterName, list);
    };
    const current = values[inner.SourceParameterName] || [];
    const make = MAKERS[kind];
    if (!make) return null;
    const element = make(inner, declaration, current, set, context);
    element.dataset.parameter = inner.SourceParameterName;
    return field(inner.Title || inner.SourceParameterName, element);
  });
  return replace(container, h('div', { class: 'parameter-controls row' }, controls));
}

const MAKERS = {
  Dropdown: listControl,
  List: listControl,
  TextField: (inner, declaration, current, set) => h('input', { type: declaration.type === 'String' ? 'text'
    : 'number', value: current.length ? String(current[0]) : '',
  onchange: (e) => set(e.target.value === '' ? [] : [typed(declaration, e.target.value)]) }),
  TextArea: (inner, declaration, current, set) => {
    const delimiter = { COMMA: ',', SEMICOLON: ';', PIPE: '|', NEW_LINE: '\n' }[inner.Delimiter] || '\n';
    return h('textarea', { rows: 3, value: current.join(delimiter), onchange: (e) => set(e.target.value
      .split(delimiter).map((v) => v.trim()).filter(Boolean).map((v) => typed(declaration, v))) });
  },
  DateTimePicker: (inner, declaration, current, set) => h('input', { type: 'date', value: isoDate(current[0]),
    onchange: (e) => set(e.target.value ? [e.target.value] : []) }),
  Slider: (inner, declaration, current, set) => {
    const value = current.length ? current[0] : inner.MinimumValue;
    const output = h('output', {}, String(value));
    const input = h('input', { type: 'range', min: inner.MinimumValue, max: inner.MaximumValue,
      step: inner.StepSize || 1, value: String(value),
      oninput: (e) => { output.textContent = e.target.value; },
      onchange: (e) => set([Number(e.target.value)]) });
    return h('span', { class: 'slider' }, input, output);
  },
};

/**
 * A dropdown or list: a single select with "(all)" meaning no value, or a multiple select. Its values are the
 * control's static SelectableValues, or those of the dataset column it links to (LinkToDataSetColumn), loaded with
 * {@code linkedValues}; with neither, a text field of comma-separated values.
 */
function listControl(inner, declaration, current, set, { linkedValues } = {}) {
  const link = inner.SelectableValues && inner.SelectableValues.LinkToDataSetColumn;
  const options = ((inner.SelectableValues && inner.SelectableValues.Values) || []).map(String);
  if (!options.length && !(link && linkedValues)) {
    return h('input', { type: 'text', value: current.join(', '), placeholder: 'values, comma-separated',
      onchange: (e) => set(e.target.value.split(',').map((v) => v.trim()).filter(Boolean)
        .map((v) => typed(declaration, v))) });
  }
  const multi = inner.Type ? inner.Type === 'MULTI_SELECT' && declaration.multi : declaration.multi;
  const select = h('select', { multiple: multi, onchange: () => set([...select.selectedOptions].map((o) => o.value)
    .filter((v) => v !== '').map((v) => typed(declaration, v))) });
  const fill = (values, chosen) => {
    const all = [...values];
    for (const value of chosen) if (!all.includes(value)) all.push(value);
    replace(select, multi ? null : h('option', { value: '', selected: chosen.size === 0 }, '(all)'),
      all.map((o) => h('option', { value: o, selected: chosen.has(o) }, o)));
    if (multi) select.size = Math.min(6, Math.max(1, all.length));
  };
  fill(options, new Set(current.map(String)));
  if (link && linkedValues) {
    select.setAttribute('aria-busy', 'true');
    linkedValues(link)
      .then((values) => fill(values, new Set([...select.selectedOptions].map((o) => o.value).filter(Boolean))),
        (error) => { select.title = `The values of ${link.ColumnName} could not be loaded: ${error.message}`; })
      .finally(() => select.removeAttribute('aria-busy'));
  }
  return select;
}

/** The distinct values of the dataset column a control links to, from the dataset's rows. */
export async function linkedColumnValues(client, definition, { DataSetIdentifier, ColumnName }) {
  const declaration = ((definition && definition.DataSetIdentifierDeclarations) || [])
    .find((d) => d.Identifier === DataSetIdentifier);
  if (!declaration) throw new Error(`Data set identifier ${DataSetIdentifier} is not declared`);
  const { Rows } = await client.columnValues(declaration.DataSetArn.split(':dataset/').pop(), ColumnName);
  return Rows.map((row) => String(row[0]));
}

/** A control's text as the parameter's type wants it (numbers for Integer and Decimal). */
function typed(declaration, text) {
  return declaration.type === 'Integer' || declaration.type === 'Decimal' ? Number(text) : text;
}
