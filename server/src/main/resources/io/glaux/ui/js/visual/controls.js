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

/** The sheet's parameter controls in a container; values are updated in place, then onChange() is called. */
export function renderParameterControls(container, { sheet, definition, values, onChange = () => {} }) {
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
    const element = make(inner, declaration, current, set);
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

/** A dropdown or list: a single select with "(all)" meaning no value, or a multiple select. */
function listControl(inner, declaration, current, set) {
  const options = ((inner.SelectableValues && inner.SelectableValues.Values) || []).map(String);
  for (const value of current.map(String)) if (!options.includes(value)) options.push(value);
  if (!options.length) {
    return h('input', { type: 'text', value: current.join(', '), placeholder: 'values, comma-separated',
      onchange: (e) => set(e.target.value.split(',').map((v) => v.trim()).filter(Boolean)
        .map((v) => typed(declaration, v))) });
  }
  const multi = inner.Type ? inner.Type === 'MULTI_SELECT' && declaration.multi : declaration.multi;
  const chosen = new Set(current.map(String));
  const select = h('select', { multiple: multi, size: multi ? Math.min(6, options.length) : undefined,
    onchange: () => set([...select.selectedOptions].map((o) => o.value).filter((v) => v !== '')
      .map((v) => typed(declaration, v))) },
  multi ? null : h('option', { value: '', selected: chosen.size === 0 }, '(all)'),
  options.map((o) => h('option', { value: o, selected: chosen.has(o) }, o)));
  return select;
}

/** A control's text as the parameter's type wants it (numbers for Integer and Decimal). */
function typed(declaration, text) {
  return declaration.type === 'Integer' || declaration.type === 'Decimal' ? Number(text) : text;
}
