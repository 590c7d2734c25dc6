// The analysis Definition the editor edits: every change is a pure function from a Definition to a new one, so
// what the page shows, what it saves and what DescribeAnalysisDefinition gives back are the same JSON.
import { idFromName, uniqueId } from './ids.js';
import { unwrapVisual } from './visuals.js';
import { parameterNameOf } from './parameters.js';

const clone = (value) => JSON.parse(JSON.stringify(value));

/** A new Definition over datasets [{Identifier, DataSetArn}] with one empty sheet. */
export function newDefinition(dataSets, sheetName = 'Sheet 1') {
  if (!dataSets.length) throw new Error('Pick at least one dataset.');
  return {
    DataSetIdentifierDeclarations: dataSets.map((d) => ({ Identifier: d.Identifier, DataSetArn: d.DataSetArn })),
    Sheets: [{ SheetId: idFromName(sheetName) || 'sheet-1', Name: sheetName, Visuals: [] }],
  };
}

/** A dataset identifier for a dataset's name, unique among those given. */
export function dataSetIdentifier(name, taken) {
  return uniqueId(String(name).trim().slice(0, 2048) || 'dataset', taken);
}

export function sheets(definition) {
  return definition.Sheets || [];
}

export function sheet(definition, sheetId) {
  const found = sheets(definition).find((s) => s.SheetId === sheetId);
  if (!found) throw new Error(`No sheet ${sheetId}`);
  return found;
}

/** Adds a sheet named name; returns {definition, sheetId}. */
export function addSheet(definition, name) {
  const next = clone(definition);
  const sheetId = uniqueId(idFromName(name) || 'sheet', sheets(next).map((s) => s.SheetId));
  (next.Sheets ||= []).push({ SheetId: sheetId, Name: name, Visuals: [] });
  return { definition: next, sheetId };
}

export function renameSheet(definition, sheetId, name) {
  if (!String(name).trim()) throw new Error('A sheet needs a name.');
  const next = clone(definition);
  sheet(next, sheetId).Name = name;
  return next;
}

/** Removes a sheet, its visuals and the filter scopes naming it (a definition keeps at least one sheet). */
export function removeSheet(definition, sheetId) {
  if (sheets(definition).length < 2) throw new Error('An analysis keeps at least one sheet.');
  let next = clone(definition);
  for (const visual of sheet(next, sheetId).Visuals || []) next = removeVisual(next, unwrapVisual(visual).inner.VisualId);
  next.Sheets = next.Sheets.filter((s) => s.SheetId !== sheetId);
  const kept = [];
  for (const group of next.FilterGroups || []) {
    const selected = group.ScopeConfiguration?.SelectedSheets;
    if (selected) {
      selected.SheetVisualScopingConfigurations = scopings(group).filter((s) => s.SheetId !== sheetId);
      if (!selected.SheetVisualScopingConfigurations.length) continue;
    }
    kept.push(group);
  }
  if (kept.length) next.FilterGroups = kept;
  else delete next.FilterGroups;
  return next;
}

/** Every visual: [{sheetId, visual, kind, visualId}]. */
export function visuals(definition) {
  return sheets(definition).flatMap((s) => (s.Visuals || []).map((visual) => {
    const { kind, inner } = unwrapVisual(visual);
    return { sheetId: s.SheetId, visual, kind, visualId: inner.VisualId };
  }));
}

/** An id for a new visual from its title, unique in the definition. */
export function newVisualId(definition, title) {
  return uniqueId(idFromName(title) || 'visual', visuals(definition).map((v) => v.visualId));
}

/** Adds a visual to a sheet, or replaces the visual of the same VisualId where it is. */
export function putVisual(definition, sheetId, visual) {
  const next = clone(definition);
  const id = unwrapVisual(visual).inner.VisualId;
  for (const s of sheets(next)) {
    const index = (s.Visuals || []).findIndex((v) => unwrapVisual(v).inner.VisualId === id);
    if (index >= 0) {
      s.Visuals[index] = clone(visual);
      return next;
    }
  }
  (sheet(next, sheetId).Visuals ||= []).push(clone(visual));
  return next;
}

/** Removes a visual and its id from the filter groups scoped to selected visuals. */
export function removeVisual(definition, visualId) {
  const next = clone(definition);
  for (const s of sheets(next)) s.Visuals = (s.Visuals || []).filter((v) => unwrapVisual(v).inner.VisualId !== visualId);
  for (const group of next.FilterGroups || []) {
    for (const scoping of scopings(group)) {
      if (scoping.VisualIds) scoping.VisualIds = scoping.VisualIds.filter((id) => id !== visualId);
    }
  }
  return next;
}

function scopings(group) {
  return group.ScopeConfiguration?.SelectedSheets?.SheetVisualScopingConfigurations || [];
}

/** Adds or replaces (by previousName, else by Name) a calculated field {Name, DataSetIdentifier, Expression}. */
export function putCalculatedField(definition, field, previousName) {
  if (!/\S/.test(field.Name || '')) throw new Error('A calculated field needs a name.');
  if (!/\S/.test(field.Expression || '')) throw new Error('A calculated field needs an expression.');
  const next = clone(definition);
  const list = (next.CalculatedFields ||= []);
  const key = previousName || field.Name;
  const clash = list.find((f) => f.Name === field.Name && f.Name !== key);
  if (clash) throw new Error(`There is already a calculated field ${field.Name}.`);
  const index = list.findIndex((f) => f.Name === key);
  const value = { DataSetIdentifier: field.DataSetIdentifier, Name: field.Name, Expression: field.Expression };
  if (index >= 0) list[index] = value;
  else list.push(value);
  return next;
}

export function removeCalculatedField(definition, name) {
  const next = clone(definition);
  next.CalculatedFields = (next.CalculatedFields || []).filter((f) => f.Name !== name);
  if (!next.CalculatedFields.length) delete next.CalculatedFields;
  return next;
}

/** Adds or replaces (by FilterGroupId) a filter group. */
export function putFilterGroup(definition, group) {
  const next = clone(definition);
  const list = (next.FilterGroups ||= []);
  const index = list.findIndex((g) => g.FilterGroupId === group.FilterGroupId);
  if (index >= 0) list[index] = clone(group);
  else list.push(clone(group));
  return next;
}

export function removeFilterGroup(definition, filterGroupId) {
  const next = clone(definition);
  next.FilterGroups = (next.FilterGroups || []).filter((g) => g.FilterGroupId !== filterGroupId);
  if (!next.FilterGroups.length) delete next.FilterGroups;
  return next;
}

export function setFilterGroupStatus(definition, filterGroupId, enabled) {
  const next = clone(definition);
  const group = (next.FilterGroups || []).find((g) => g.FilterGroupId === filterGroupId);
  if (!group) throw new Error(`No filter group ${filterGroupId}`);
  group.Status = enabled ? 'ENABLED' : 'DISABLED';
  return next;
}

export function newFilterGroupId(definition, columnName) {
  return uniqueId(`${idFromName(columnName) || 'filter'}-filter`,
    (definition.FilterGroups || []).map((g) => g.FilterGroupId));
}

/** Adds or replaces (by previousName, else by Name) a parameter declaration. */
export function putParameter(definition, declaration, previousName) {
  const next = clone(definition);
  const list = (next.ParameterDeclarations ||= []);
  const name = parameterNameOf(declaration);
  const key = previousName || name;
  if (list.some((d) => parameterNameOf(d) === name && name !== key)) throw new Error(`There is already a parameter ${name}.`);
  const index = list.findIndex((d) => parameterNameOf(d) === key);
  if (index >= 0) list[index] = clone(declaration);
  else list.push(clone(declaration));
  return next;
}

/** Removes a parameter; refused while a control, filter or calculated field uses it. */
export function removeParameter(definition, name) {
  const users = parameterUsers(definition, name);
  if (users.length) throw new Error(`Parameter ${name} is used by ${users.join(', ')}.`);
  const next = clone(definition);
  next.ParameterDeclarations = (next.ParameterDeclarations || []).filter((d) => parameterNameOf(d) !== name);
  if (!next.ParameterDeclarations.length) delete next.ParameterDeclarations;
  return next;
}

/** What reads a parameter: controls, filter groups and calculated fields, named. */
export function parameterUsers(definition, name) {
  const users = [];
  for (const s of sheets(definition)) {
    for (const control of s.ParameterControls || []) {
      const c = Object.values(control)[0];
      if (c.SourceParameterName === name) users.push(`control ${c.ParameterControlId}`);
    }
  }
  for (const group of definition.FilterGroups || []) {
    if (JSON.stringify(group.Filters).match(new RegExp(`"(ParameterName|Parameter)":"${name}"`))) {
      users.push(`filter ${group.FilterGroupId}`);
    }
  }
  for (const field of definition.CalculatedFields || []) {
    if (field.Expression.includes(`\${${name}}`)) users.push(`calculated field ${field.Name}`);
  }
  return users;
}

/** Adds or replaces (by ParameterControlId) a parameter control on a sheet. */
export function putControl(definition, sheetId, control) {
  const next = clone(definition);
  const id = Object.values(control)[0].ParameterControlId;
  const list = (sheet(next, sheetId).ParameterControls ||= []);
  const index = list.findIndex((c) => Object.values(c)[0].ParameterControlId === id);
  if (index >= 0) list[index] = clone(control);
  else list.push(clone(control));
  return next;
}

export function removeControl(definition, sheetId, controlId) {
  const next = clone(definition);
  const s = sheet(next, sheetId);
  s.ParameterControls = (s.ParameterControls || []).filter((c) => Object.values(c)[0].ParameterControlId !== controlId);
  if (!s.ParameterControls.length) delete s.ParameterControls;
  return next;
}

export function newControlId(definition, parameterName) {
  const taken = sheets(definition).flatMap((s) => (s.ParameterControls || [])
    .map((c) => Object.values(c)[0].ParameterControlId));
  return uniqueId(`${idFromName(parameterName) || 'parameter'}-control`, taken);
}

/** The fields a dataset identifier offers: its OutputColumns, then its calculated fields (Type null). */
export function fieldsOfDataSet(definition, identifier, outputColumns = []) {
  return [...outputColumns.map((c) => ({ name: c.Name, type: c.Type })),
    ...(definition.CalculatedFields || []).filter((f) => f.DataSetIdentifier === identifier)
      .map((f) => ({ name: f.Name, type: null, calculated: true }))];
}

/** The members a DashboardVersionDefinition takes from an AnalysisDefinition (it has no QueryExecutionOptions). */
const DASHBOARD_MEMBERS = ['DataSetIdentifierDeclarations', 'Sheets', 'CalculatedFields', 'ParameterDeclarations',
  'FilterGroups', 'ColumnConfigurations', 'AnalysisDefaults', 'Options'];

export function dashboardDefinition(definition) {
  const out = {};
  for (const member of DASHBOARD_MEMBERS) if (definition[member] !== undefined) out[member] = clone(definition[member]);
  return out;
}
