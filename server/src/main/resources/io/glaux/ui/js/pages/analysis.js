// The analysis pages: #/analyses/new creates one over datasets; #/analyses/:id edits its Definition (sheets,
// visuals, calculated fields, filters, parameters and controls), saving it with UpdateAnalysis after each change,
// and publishes it as a dashboard. What the page shows is what DescribeAnalysisDefinition gives back.
import { h, field, replace, errorBox, formatTime } from '../ui/dom.js';
import { idFromName } from '../analysis/ids.js';
import * as defs from '../analysis/definition.js';
import { buildVisual, specFromVisual, visualTitle, unwrapVisual, VISUAL_TYPES } from '../analysis/visuals.js';
import { buildFilterGroup, specFromFilterGroup, describeFilter } from '../analysis/filters.js';
import { buildParameter, specFromParameter, buildControl, specFromControl, defaultParameterValues, CONTROL_KINDS }
  from '../analysis/parameters.js';
import { visualForm } from '../analysis/visual-form.js';
import { filterForm } from '../analysis/filter-form.js';
import { parameterForm, controlForm, calculatedFieldForm, expressionErrorBox } from '../analysis/parameter-form.js';
import { distinctValues } from '../analysis/distinct-values.js';
import { publishDashboard, embedUrl } from '../analysis/publish.js';
import { saveQueue } from '../analysis/save-queue.js';
import { expressionError } from '../analysis/errors.js';

export async function render(main, params, app) {
  if (!params.id) return renderNew(main, app);
  return renderEditor(main, params.id, app);
}

// ---- #/analyses/new

async function renderNew(main, app) {
  const { client } = app;
  const [{ DataSetSummaries = [] }, { AnalysisSummaryList = [] }] = await Promise.all([
    client.quickSight('GET', '/data-sets'), client.quickSight('GET', '/analyses')]);
  const name = h('input', { name: 'analysis-name', required: true });
  const id = h('input', { name: 'analysis-id', required: true, pattern: '[\\w\\-]+' });
  let idEdited = false;
  name.addEventListener('input', () => { if (!idEdited) id.value = idFromName(name.value); });
  id.addEventListener('input', () => { idEdited = true; });
  const boxes = DataSetSummaries.map((d) => h('label', { class: 'check' }, h('input', { type: 'checkbox',
    name: 'dataset', value: d.DataSetId, dataset: { arn: d.Arn, name: d.Name } }), ` ${d.Name} `,
  h('span', { class: 'muted' }, `(${d.DataSetId}, ${d.ImportMode})`)));
  const message = h('div');
  const form = h('form', { class: 'panel', 'aria-label': 'New analysis' },
    h('div', { class: 'row' }, field('Name', name), field('ID', id, 'From the name unless you change it')),
    h('fieldset', {}, h('legend', {}, 'Datasets'), boxes.length ? boxes
      : h('p', { class: 'muted' }, 'No datasets yet. ', h('a', { href: '#/data-sets/new' }, 'Create one'))),
    message, h('button', { type: 'submit', class: 'primary' }, 'Create analysis'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = [...form.querySelectorAll('input[name=dataset]:checked')];
    const taken = [];
    const dataSets = picked.map((box) => {
      const identifier = defs.dataSetIdentifier(box.dataset.name, taken);
      taken.push(identifier);
      return { Identifier: identifier, DataSetArn: box.dataset.arn };
    });
    try {
      if (!name.value.trim() || !/^[\w-]+$/.test(id.value)) {
        throw new Error('Give a name and an ID of letters, digits, _ and -.');
      }
      const definition = defs.newDefinition(dataSets);
      await client.quickSight('POST', `/analyses/${encodeURIComponent(id.value)}`, { Name: name.value.trim(),
        Definition: definition });
      app.navigate(`#/analyses/${encodeURIComponent(id.value)}`);
    } catch (error) {
      replace(message, errorBox(error));
    }
  });
  replace(main, h('h1', {}, 'New analysis'), form,
    AnalysisSummaryList.length ? h('section', { class: 'panel' }, h('h2', {}, 'Analyses'),
      h('ul', {}, AnalysisSummaryList.map((a) => h('li', {},
        h('a', { href: `#/analyses/${encodeURIComponent(a.AnalysisId)}` }, a.Name), ' ',
        h('span', { class: `muted status-${a.Status}` }, a.Status))))) : null);
  name.focus();
}

// ---- #/analyses/:id

const dataSetIdOf = (arn) => arn.split('/').pop();

async function renderEditor(main, analysisId, app) {
  const { client } = app;
  const path = `/analyses/${encodeURIComponent(analysisId)}`;
  const described = await client.quickSight('GET', `${path}/definition`);
  const state = {
    name: described.Name,
    definition: described.Definition,
    sheetId: described.Definition.Sheets?.[0]?.SheetId,
    dataSets: {}, // identifier → DescribeDataSet's DataSet
    values: defaultParameterValues(described.Definition),
    form: null, // the open form: {kind, ...}
    lastError: null, // {error, calculatedField?}
    mounted: [],
  };
  await Promise.all(described.Definition.DataSetIdentifierDeclarations.map(async (d) => {
    try {
      state.dataSets[d.Identifier] = (await client.quickSight('GET', `/data-sets/${dataSetIdOf(d.DataSetArn)}`)).DataSet;
    } catch (error) {
      state.dataSets[d.Identifier] = { OutputColumns: [], error };
    }
  }));
  const identifiers = () => state.definition.DataSetIdentifierDeclarations.map((d) => d.Identifier);
  const fieldsFor = (identifier) => defs.fieldsOfDataSet(state.definition, identifier,
    state.dataSets[identifier]?.OutputColumns || []);
  const allFields = () => identifiers().flatMap((i) => fieldsFor(i).map((f) => ({ ...f, DataSetIdentifier: i })));
  const dataSetColumns = () => identifiers().flatMap((i) => (state.dataSets[i]?.OutputColumns || [])
    .map((c) => ({ DataSetIdentifier: i, name: c.Name })));
  const parameterSpecs = () => (state.definition.ParameterDeclarations || []).map(specFromParameter);

  // layout
  const status = h('span', { id: 'save-status', role: 'status', class: 'save-status' });
  const problems = h('div', { class: 'save-problems' });
  const title = h('input', { name: 'analysis-title', value: state.name, 'aria-label': 'Analysis name',
    class: 'analysis-title', onchange: () => {
      if (title.value.trim()) {
        state.name = title.value.trim();
        save();
      }
    } });
  const publishArea = h('div', { class: 'publish-result' });
  const tabs = h('div', { class: 'sheet-tabs', role: 'tablist', 'aria-label': 'Sheets' });
  const sheetTools = h('div', { class: 'row sheet-tools' });
  const formArea = h('div', { class: 'form-area' });
  const controlsArea = h('div', { class: 'sheet-controls', role: 'group', 'aria-label': 'Parameter controls' });
  const grid = h('div', { class: 'grid sheet-visuals' });
  const side = h('aside', { class: 'analysis-side' });
  replace(main,
    h('div', { class: 'analysis-head row' }, h('h1', {}, title), status,
      h('button', { type: 'button', onclick: () => save() }, 'Save'),
      h('button', { type: 'button', class: 'primary', onclick: () => publish() }, 'Publish'),
      h('span', { class: 'muted' }, `ID ${analysisId}`)),
    problems, publishArea,
    h('div', { class: 'analysis-layout' }, side,
      h('div', { class: 'analysis-canvas' }, tabs, sheetTools, formArea, controlsArea, grid)));

  // saving: UpdateAnalysis, then DescribeAnalysisDefinition for the errors of an UPDATE_FAILED definition
  const queue = saveQueue(async () => {
    await client.quickSight('PUT', path, { Name: state.name, Definition: state.definition });
    const after = await client.quickSight('GET', `${path}/definition`);
    if (after.Errors?.length) {
      const error = new Error(after.Errors.map((e) => `${e.Type}: ${e.Message}`
        + (e.ViolatedEntities?.length ? ` (${e.ViolatedEntities.map((v) => v.Path).join(', ')})` : '')).join('\n'));
      error.code = after.ResourceStatus;
      throw error;
    }
  }, (s, error) => {
    status.dataset.state = s;
    status.textContent = s === 'saving' ? 'Saving…' : s === 'saved'
      ? `Saved ${formatTime(new Date().toISOString())}` : 'Not saved';
    if (s === 'saved') {
      state.lastError = null;
      replace(problems);
      drawSide();
      drawSheet();
    }
    if (s === 'error') {
      const names = (state.definition.CalculatedFields || []).map((c) => c.Name);
      const named = expressionError(error.message, names).field;
      const calc = (state.definition.CalculatedFields || []).find((f) => f.Name === named);
      state.lastError = { error, calculatedField: calc?.Name };
      replace(problems, calc ? expressionErrorBox(error, calc) : errorBox(error));
      drawSide();
    }
  });
  const save = () => queue();

  /** Applies a change to the Definition, redraws, and saves it. */
  function change(update) {
    state.definition = update(state.definition);
    state.form = null;
    drawAll();
    return save();
  }

  // sheets
  function drawTabs() {
    replace(tabs, defs.sheets(state.definition).map((s) => h('button', { type: 'button', role: 'tab',
      'aria-selected': String(s.SheetId === state.sheetId), class: s.SheetId === state.sheetId ? 'tab current' : 'tab',
      dataset: { sheetId: s.SheetId }, onclick: () => {
        state.sheetId = s.SheetId;
        state.form = null;
        drawAll();
      } }, s.Name || s.SheetId)));
    const sheetName = h('input', { name: 'sheet-name', value: defs.sheet(state.definition, state.sheetId).Name || '',
      onchange: () => {
        if (sheetName.value.trim()) change((d) => defs.renameSheet(d, state.sheetId, sheetName.value.trim()));
      } });
    const newSheet = h('input', { name: 'new-sheet-name',
      placeholder: `Sheet ${defs.sheets(state.definition).length + 1}` });
    replace(sheetTools, field('Sheet name', sheetName),
      h('button', { type: 'button', onclick: () => openForm({ kind: 'visual', isNew: true }) }, 'Add visual'),
      field('New sheet', newSheet),
      h('button', { type: 'button', onclick: () => {
        const added = defs.addSheet(state.definition, newSheet.value.trim() || newSheet.placeholder);
        state.sheetId = added.sheetId;
        change(() => added.definition);
      } }, 'Add sheet'),
      defs.sheets(state.definition).length > 1 ? h('button', { type: 'button', onclick: () => {
        if (!confirm('Remove this sheet and its visuals?')) return;
        const next = defs.removeSheet(state.definition, state.sheetId);
        state.sheetId = next.Sheets[0].SheetId;
        change(() => next);
      } }, 'Remove sheet') : null);
  }

  // the open form
  function openForm(form) {
    state.form = form;
    drawForm();
    formArea.querySelector('select, input, textarea')?.focus();
  }
  const closeForm = () => {
    state.form = null;
    drawForm();
  };

  function drawForm() {
    const f = state.form;
    if (!f) return replace(formArea);
    const sheetVisuals = (defs.sheet(state.definition, state.sheetId).Visuals || [])
      .map((v) => ({ visualId: unwrapVisual(v).inner.VisualId, title: visualTitle(v) }));
    let element;
    if (f.kind === 'visual') {
      const spec = f.visual ? specFromVisual(f.visual) : { type: 'bar', visualId: '', title: '', wells: {},
        sort: null, limit: null };
      element = visualForm({ spec, isNew: f.isNew, dataSetIdentifiers: identifiers(), fieldsFor, onCancel: closeForm,
        onSubmit: (s) => {
          const visualId = f.isNew ? defs.newVisualId(state.definition, s.title || VISUAL_TYPES[s.type].label)
            : s.visualId;
          const visual = buildVisual({ ...s, visualId });
          return change((d) => defs.putVisual(d, state.sheetId, visual));
        } });
    } else if (f.kind === 'filter') {
      const spec = f.group ? specFromFilterGroup(f.group) : { filterGroupId: '', kind: 'category', column: {},
        enabled: true, scope: { sheetId: state.sheetId, visualIds: null } };
      element = filterForm({ spec, isNew: !f.group, fields: allFields(), sheetVisuals, parameters: parameterSpecs(),
        loadValues: (identifier, column) => distinctValues(client, state.dataSets[identifier], column),
        onCancel: closeForm, onSubmit: (s) => {
          const group = buildFilterGroup({ ...s, filterGroupId: s.filterGroupId
            || defs.newFilterGroupId(state.definition, s.column.ColumnName) });
          return change((d) => defs.putFilterGroup(d, group));
        } });
    } else if (f.kind === 'parameter') {
      element = parameterForm({ spec: f.spec || {}, isNew: !f.spec, onCancel: closeForm, onSubmit: (s) => {
        const declaration = buildParameter(s);
        const next = defs.putParameter(state.definition, declaration, f.spec?.name);
        if (f.spec && f.spec.name !== s.name) delete state.values[f.spec.name];
        state.values[s.name] = s.defaults;
        return change(() => next);
      } });
    } else if (f.kind === 'control') {
      element = controlForm({ spec: f.spec || {}, isNew: !f.spec, parameters: parameterSpecs(),
        columns: dataSetColumns(), onCancel: closeForm,
        onSubmit: (s) => {
          const control = buildControl({ ...s, controlId: s.controlId || defs.newControlId(state.definition,
            s.parameterName) }, parameterSpecs());
          return change((d) => defs.putControl(d, state.sheetId, control));
        } });
    } else if (f.kind === 'calculated') {
      const error = state.lastError && f.field && state.lastError.calculatedField === f.field.Name
        ? state.lastError.error : null;
      element = calculatedFieldForm({ field: f.field || {}, isNew: !f.field, error, dataSetIdentifiers: identifiers(),
        onCancel: closeForm, onSubmit: (s) => {
          const next = defs.putCalculatedField(state.definition, s, f.field?.Name);
          return change(() => next);
        } });
    }
    return replace(formArea, element);
  }

  // the side panel: datasets, calculated fields, filters, parameters and this sheet's controls
  function drawSide() {
    const item = (label, actions) => h('li', {}, h('span', { class: 'item-label' }, label), ' ', actions);
    const button = (text, labelText, onclick) => h('button', { type: 'button', class: 'link', 'aria-label': labelText,
      onclick }, text);
    const calculated = state.definition.CalculatedFields || [];
    const groups = state.definition.FilterGroups || [];
    const params = parameterSpecs();
    const controls = (defs.sheet(state.definition, state.sheetId).ParameterControls || []).map(specFromControl);
    replace(side,
      h('section', { class: 'panel', 'aria-label': 'Datasets' }, h('h2', {}, 'Datasets'),
        h('ul', {}, identifiers().map((i) => h('li', {}, i, ' ', h('span', { class: 'muted' },
          `${(state.dataSets[i].OutputColumns || []).length} fields`), state.dataSets[i].error
          ? errorBox(state.dataSets[i].error) : null)))),
      h('section', { class: 'panel', 'aria-label': 'Calculated fields' }, h('h2', {}, 'Calculated fields'),
        h('ul', {}, calculated.map((c) => item(h('span', {}, h('strong', {}, c.Name), ' ', h('code', {}, c.Expression),
          state.lastError?.calculatedField === c.Name ? h('span', { class: 'error-mark' }, ' (error)') : null), [
          button('Edit', `Edit calculated field ${c.Name}`, () => openForm({ kind: 'calculated', field: c })),
          button('Remove', `Remove calculated field ${c.Name}`,
            () => change((d) => defs.removeCalculatedField(d, c.Name)))]))),
        h('button', { type: 'button', onclick: () => openForm({ kind: 'calculated' }) }, 'Add calculated field')),
      h('section', { class: 'panel', 'aria-label': 'Filters' }, h('h2', {}, 'Filters'),
        h('ul', {}, groups.map((g) => {
          const spec = specFromFilterGroup(g);
          const label = spec ? describeFilter(spec) : g.FilterGroupId;
          return item(h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'filter-status',
            value: g.FilterGroupId, checked: g.Status !== 'DISABLED',
            onchange: (e) => change((d) => defs.setFilterGroupStatus(d, g.FilterGroupId, e.target.checked)) }),
          ` ${label}`), [spec ? button('Edit', `Edit filter ${g.FilterGroupId}`,
            () => openForm({ kind: 'filter', group: g })) : null,
          button('Remove', `Remove filter ${g.FilterGroupId}`,
            () => change((d) => defs.removeFilterGroup(d, g.FilterGroupId)))]);
        })),
        h('button', { type: 'button', onclick: () => openForm({ kind: 'filter' }) }, 'Add filter')),
      h('section', { class: 'panel', 'aria-label': 'Parameters' }, h('h2', {}, 'Parameters'),
        h('ul', {}, params.map((p) => item(h('span', {}, h('strong', {}, p.name), ` ${p.type}`,
          p.defaults.length ? ` = ${p.defaults.join(', ')}` : ''), [
          button('Edit', `Edit parameter ${p.name}`, () => openForm({ kind: 'parameter', spec: p })),
          button('Remove', `Remove parameter ${p.name}`, () => {
            try {
              const next = defs.removeParameter(state.definition, p.name);
              delete state.values[p.name];
              change(() => next);
            } catch (error) {
              replace(problems, errorBox(error));
            }
          })]))),
        h('button', { type: 'button', onclick: () => openForm({ kind: 'parameter' }) }, 'Add parameter'),
        h('h3', {}, 'Controls on this sheet'),
        h('ul', {}, controls.map((c) => item(`${c.title} (${CONTROL_KINDS[c.kind].label.toLowerCase()} → `
          + `${c.parameterName})`, [
          button('Edit', `Edit control ${c.controlId}`, () => openForm({ kind: 'control', spec: c })),
          button('Remove', `Remove control ${c.controlId}`,
            () => change((d) => defs.removeControl(d, state.sheetId, c.controlId)))]))),
        params.length ? h('button', { type: 'button', onclick: () => openForm({ kind: 'control' }) }, 'Add control')
          : h('p', { class: 'muted' }, 'Add a parameter to put a control on the sheet.')));
  }

  // the sheet: its parameter controls and visuals, drawn by the visual component
  function drawSheet() {
    state.mounted.forEach((m) => m.dispose?.());
    state.mounted = [];
    const sheet = defs.sheet(state.definition, state.sheetId);
    replace(grid, (sheet.Visuals || []).map((visual) => {
      const { inner } = unwrapVisual(visual);
      const slot = h('div', { class: 'visual-mount' });
      const editable = !!specFromVisual(visual);
      const wrapper = h('div', { class: 'visual-slot', dataset: { slotFor: inner.VisualId } },
        h('div', { class: 'visual-tools row' }, h('span', { class: 'muted' }, `${inner.VisualId}`),
          editable ? h('button', { type: 'button', class: 'link', 'aria-label': `Edit visual ${visualTitle(visual)}`,
            onclick: () => openForm({ kind: 'visual', visual }) }, 'Edit') : null,
          h('button', { type: 'button', class: 'link', 'aria-label': `Remove visual ${visualTitle(visual)}`,
            onclick: () => change((d) => defs.removeVisual(d, inner.VisualId)) }, 'Remove')), slot);
      mountSheetVisual(slot, visual);
      return wrapper;
    }), (sheet.Visuals || []).length ? null : h('p', { class: 'muted' }, 'No visuals on this sheet yet.'));
    drawControls(sheet);
  }

  /** The one place a visual is drawn: the visual component (ui/js/visual/visual-view.js). */
  async function mountSheetVisual(slot, visual) {
    try {
      const { mountVisual } = await import('../visual/visual-view.js');
      state.mounted.push(mountVisual(slot, { client, source: { kind: 'analyses', id: analysisId }, visual,
        definition: state.definition, parameters: () => state.values }));
    } catch (error) {
      replace(slot, errorBox(error));
    }
  }

  /** The one place the sheet's parameter controls are drawn (ui/js/visual/controls.js). */
  async function drawControls(sheet) {
    replace(controlsArea);
    if (!(sheet.ParameterControls || []).length) return;
    try {
      const { renderParameterControls } = await import('../visual/controls.js');
      renderParameterControls(controlsArea, { sheet, definition: state.definition, values: state.values, client,
        onChange: () => state.mounted.forEach((m) => m.refresh?.()) });
    } catch (error) {
      replace(controlsArea, errorBox(error));
    }
  }

  // publishing: the saved definition as a new dashboard version, published; then an embed URL on request
  async function publish() {
    replace(publishArea, h('span', { class: 'muted' }, 'Publishing…'));
    try {
      await save();
      if (status.dataset.state === 'error') throw new Error('The analysis is not saved: fix its errors first.');
      const result = await publishDashboard(client, { dashboardId: analysisId, name: state.name,
        definition: state.definition });
      const embed = h('span', { class: 'embed' });
      replace(publishArea, h('div', { class: 'panel published', role: 'status' },
        `${result.created ? 'Published' : 'Republished'} dashboard `,
        h('a', { href: `#/dashboards/${encodeURIComponent(result.dashboardId)}`, class: 'dashboard-link' },
          result.dashboardId),
        ' version ', h('strong', { class: 'published-version' }, String(result.versionNumber)), ' ',
        h('button', { type: 'button', onclick: async () => {
          replace(embed, 'Generating…');
          try {
            const url = await embedUrl(client, result.arn, result.dashboardId);
            replace(embed, h('a', { href: url, class: 'embed-url', target: '_blank', rel: 'noopener' }, 'Embed URL'));
          } catch (error) {
            replace(embed, errorBox(error));
          }
        } }, 'Embed'), ' ', embed));
    } catch (error) {
      replace(publishArea, errorBox(error));
    }
  }

  function drawAll() {
    drawTabs();
    drawForm();
    drawSide();
    drawSheet();
  }

  drawAll();
  status.dataset.state = described.Errors?.length ? 'error' : 'saved';
  status.textContent = (described.ResourceStatus || '').replace(/_/g, ' ').toLowerCase();
  if (described.Errors?.length) {
    replace(problems, errorBox(new Error(described.Errors.map((e) => `${e.Type}: ${e.Message}`).join('\n'))));
  }
}
