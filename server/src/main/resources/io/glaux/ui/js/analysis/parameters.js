// Parameters and their sheet controls as QuickSight Definitions hold them, from the specs the editor edits:
//   parameter {name, type: 'String'|'Integer'|'Decimal'|'DateTime', multi, defaults: [text...]}
//   control   {controlId, kind: 'dropdown'|'text'|'datetime', parameterName, title, values: [text...], multi}
import { epochSeconds, isoFromEpoch } from './filters.js';

export const PARAMETER_TYPES = ['String', 'Integer', 'Decimal', 'DateTime'];

export const CONTROL_KINDS = {
  dropdown: { label: 'Dropdown', member: 'Dropdown' },
  text: { label: 'Text field', member: 'TextField' },
  datetime: { label: 'Date picker', member: 'DateTimePicker' },
};

/** A default value as the declaration's StaticValues hold it (numbers as numbers, dates as epoch seconds). */
function staticValue(type, text) {
  const s = String(text).trim();
  if (type === 'Integer') {
    if (!/^-?\d+$/.test(s)) throw new Error(`'${text}' is not a whole number`);
    return Number(s);
  }
  if (type === 'Decimal') {
    if (s === '' || !Number.isFinite(Number(s))) throw new Error(`'${text}' is not a number`);
    return Number(s);
  }
  if (type === 'DateTime') return epochSeconds(s);
  return String(text);
}

/** Why a parameter spec cannot be built, or null. */
export function parameterProblem(spec) {
  if (!/^[A-Za-z0-9]+$/.test(spec.name || '')) return 'A parameter name has only letters and digits.';
  if (!PARAMETER_TYPES.includes(spec.type)) return `Unknown parameter type ${spec.type}`;
  if (spec.type === 'DateTime' && spec.multi) return 'A date parameter takes one value.';
  if (!spec.multi && (spec.defaults || []).length > 1) return 'A single-valued parameter has one default.';
  try {
    (spec.defaults || []).forEach((v) => staticValue(spec.type, v));
  } catch (error) {
    return `Default of ${spec.name}: ${error.message}`;
  }
  return null;
}

/** The ParameterDeclaration of a spec; throws when parameterProblem says why not. */
export function buildParameter(spec) {
  const problem = parameterProblem(spec);
  if (problem) throw new Error(problem);
  const declaration = { Name: spec.name };
  if (spec.type !== 'DateTime') declaration.ParameterValueType = spec.multi ? 'MULTI_VALUED' : 'SINGLE_VALUED';
  const defaults = spec.defaults || [];
  if (defaults.length) declaration.DefaultValues = { StaticValues: defaults.map((v) => staticValue(spec.type, v)) };
  if (spec.type === 'DateTime') declaration.TimeGranularity = 'DAY';
  return { [`${spec.type}ParameterDeclaration`]: declaration };
}

/** The spec of a ParameterDeclaration. */
export function specFromParameter(declaration) {
  const member = Object.keys(declaration)[0];
  const type = member.replace('ParameterDeclaration', '');
  const d = declaration[member];
  const defaults = (d.DefaultValues?.StaticValues || []).map((v) => (type === 'DateTime' ? isoFromEpoch(v) : String(v)));
  return { name: d.Name, type, multi: d.ParameterValueType === 'MULTI_VALUED', defaults };
}

export function parameterNameOf(declaration) {
  const member = Object.keys(declaration)[0];
  return declaration[member].Name;
}

/** Why a control spec cannot be built, or null. */
export function controlProblem(spec, parameters = []) {
  if (!/^[\w-]+$/.test(spec.controlId || '')) return 'The control needs an id.';
  if (!CONTROL_KINDS[spec.kind]) return `Unknown control kind ${spec.kind}`;
  const parameter = parameters.find((p) => p.name === spec.parameterName);
  if (!parameter) return 'Pick the parameter the control sets.';
  if (spec.kind === 'datetime' && parameter.type !== 'DateTime') return 'A date picker sets a date parameter.';
  if (spec.kind !== 'datetime' && parameter.type === 'DateTime') return 'A date parameter takes a date picker.';
  if (spec.kind === 'dropdown' && !(spec.values || []).length && !spec.link) {
    return 'List the values the dropdown offers, or take them from a dataset column.';
  }
  if (!spec.title) return 'The control needs a title.';
  return null;
}

/** The ParameterControl of a spec, e.g. {Dropdown: {...}}; throws when controlProblem says why not. */
export function buildControl(spec, parameters) {
  const problem = controlProblem(spec, parameters);
  if (problem) throw new Error(problem);
  const control = { ParameterControlId: spec.controlId, Title: spec.title, SourceParameterName: spec.parameterName };
  if (spec.kind === 'dropdown') {
    const parameter = parameters.find((p) => p.name === spec.parameterName);
    control.Type = parameter.multi ? 'MULTI_SELECT' : 'SINGLE_SELECT';
    control.SelectableValues = spec.link
      ? { LinkToDataSetColumn: { DataSetIdentifier: spec.link.DataSetIdentifier, ColumnName: spec.link.ColumnName } }
      : { Values: spec.values.map(String) };
  }
  return { [CONTROL_KINDS[spec.kind].member]: control };
}

/** The spec of a ParameterControl. */
export function specFromControl(control) {
  const member = Object.keys(control)[0];
  const kind = Object.keys(CONTROL_KINDS).find((k) => CONTROL_KINDS[k].member === member);
  const c = control[member];
  const link = c.SelectableValues?.LinkToDataSetColumn;
  return { controlId: c.ParameterControlId, kind, parameterName: c.SourceParameterName, title: c.Title || '',
    values: [...(c.SelectableValues?.Values || [])], multi: c.Type === 'MULTI_SELECT',
    link: link ? { DataSetIdentifier: link.DataSetIdentifier, ColumnName: link.ColumnName } : null };
}

/** The starting values of the parameters, {Name: [text...]}, from their declared defaults. */
export function defaultParameterValues(definition) {
  const values = {};
  for (const declaration of definition.ParameterDeclarations || []) {
    const spec = specFromParameter(declaration);
    values[spec.name] = spec.defaults;
  }
  return values;
}
