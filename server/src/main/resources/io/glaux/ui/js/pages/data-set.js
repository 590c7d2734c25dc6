// A dataset: its source (a table browsed through Athena's metadata, or custom SQL), its columns, calculated columns
// and filters, a preview of its rows, saving it, and for SPICE its refreshes.
import { h, replace, field, select, errorBox, dataTable, formatBytes, formatMillis } from '../ui/dom.js';
import { listAll, runQuery, arnId } from '../data/api.js';
import { inputColumns, tableInputColumns, columnsProbeSql } from '../data/types.js';
import { buildDataSet, stateFromDataSet, updateBody } from '../data/dataset-body.js';
import { locateError } from '../data/errors.js';
import { tableBrowser } from '../data/table-browser.js';
import { columnsEditor, clearExpressionErrors, markExpressionError } from '../data/columns-editor.js';
import { refreshPanel } from '../data/refresh-panel.js';

function newState(sources, dataSourceId) {
  const usable = sources.filter((s) => /SUCCESSFUL$/.test(s.Status || ''));
  const chosen = sources.find((s) => s.DataSourceId === dataSourceId) || usable[0] || sources[0];
  return { id: '', name: '', importMode: 'SPICE', dataSourceArn: chosen ? chosen.Arn : '', physicalId: 'physical',
    logicalId: 'logical', source: { kind: 'table', catalog: '', database: '', table: '' }, columns: [],
    calculated: [], filters: [] };
}

function editorColumns(inputs, previous = []) {
  return inputs.map((c) => {
    const before = previous.find((p) => p.name === c.Name);
    return { name: c.Name, type: c.Type, subType: c.SubType || '', rename: before ? before.rename : '',
      castTo: before ? before.castTo : '', hidden: before ? before.hidden : false };
  });
}

function previewView(result) {
  return h('div', {},
    h('p', { class: 'preview-meta muted', id: 'preview-meta' }, `${result.Rows.length} rows`,
      result.ElapsedMillis != null ? ` · ${formatMillis(result.ElapsedMillis)}` : '',
      result.DataScannedInBytes != null ? ` · ${formatBytes(result.DataScannedInBytes)} scanned` : '',
      result.QueryExecutionId ? [' · query ', h('a', { href: `#/query?id=${encodeURIComponent(
        result.QueryExecutionId)}` }, result.QueryExecutionId)] : ''),
    h('div', { class: 'scroll' }, dataTable(result.Columns.map((c) => c.Name), result.Rows, { id: 'preview' })));
}

export async function render(main, params, app) {
  const { client } = app;
  const sources = await listAll(client, '/data-sources', 'DataSources');
  const dataSet = params.id ? (await client.quickSight('GET', `/data-sets/${encodeURIComponent(params.id)}`)).DataSet
    : null;
  const state = dataSet ? stateFromDataSet(dataSet) : newState(sources, params.query.get('dataSource'));
  let learnedSql = dataSet && state.source.kind === 'sql' ? state.source.sql : null;

  // Details
  const id = dataSet ? null : h('input', { type: 'text', name: 'dataSetId', required: true, pattern: '[\\w\\-]+',
    oninput: (e) => { state.id = e.target.value.trim(); } });
  const name = h('input', { type: 'text', name: 'dataSetName', required: true, value: state.name,
    oninput: (e) => { state.name = e.target.value; } });
  const importMode = select(['SPICE', 'DIRECT_QUERY'], state.importMode, { name: 'importMode',
    onchange: (e) => { state.importMode = e.target.value; } });
  const sourceOptions = sources.map((s) => [s.Arn, `${s.Name} (${s.DataSourceId}, ${s.Status})`]);
  if (state.dataSourceArn && !sources.some((s) => s.Arn === state.dataSourceArn)) {
    sourceOptions.push([state.dataSourceArn, `${arnId(state.dataSourceArn)} (missing)`]);
  }
  const dataSource = select(sourceOptions, state.dataSourceArn, { name: 'dataSource',
    onchange: (e) => { state.dataSourceArn = e.target.value; } });

  // Columns
  const columnsHost = h('div');
  const drawColumns = () => replace(columnsHost, columnsEditor(state));
  drawColumns();

  // Source
  const browser = tableBrowser(client, state.source.kind === 'table' ? state.source : {},
    (catalog, database, metadata) => {
      state.source = { kind: 'table', catalog, database, table: metadata.Name };
      state.columns = editorColumns(tableInputColumns(metadata), state.columns);
      if (!state.name) {
        state.name = metadata.Name;
        name.value = metadata.Name;
      }
      drawColumns();
    });
  const sqlName = h('input', { type: 'text', name: 'sqlName', value: state.source.kind === 'sql' ? state.source.name
    : 'query' });
  const sql = h('textarea', { name: 'sql', rows: 6, spellcheck: false },
    state.source.kind === 'sql' ? state.source.sql : '');
  const sqlPane = h('div', { class: 'sql-pane' }, field('Query name', sqlName), field('Custom SQL', sql,
    'Its columns are read by running it through Athena with LIMIT 0 when you preview or save.'));
  const tablePane = h('div', {}, browser.element);
  const readSql = () => {
    state.source = { kind: 'sql', name: sqlName.value.trim() || 'query', sql: sql.value };
  };
  sqlName.addEventListener('input', readSql);
  sql.addEventListener('input', readSql);
  const kindRadio = (value, label) => h('label', {}, h('input', { type: 'radio', name: 'sourceKind', value,
    checked: state.source.kind === value, onchange: () => setKind(value) }), ' ', label);
  const setKind = (kind) => {
    if (kind === state.source.kind) return;
    tablePane.hidden = kind !== 'table';
    sqlPane.hidden = kind !== 'sql';
    state.columns = [];
    if (kind === 'sql') {
      readSql();
      learnedSql = null;
    } else {
      state.source = { kind: 'table', catalog: '', database: '', table: '' };
      browser.element.querySelectorAll('select[name=table]').forEach((s) => { s.value = ''; });
    }
    drawColumns();
  };
  tablePane.hidden = state.source.kind !== 'table';
  sqlPane.hidden = state.source.kind !== 'sql';

  /** For custom SQL, the columns of the SQL as it is now, learnt from Athena. */
  const ensureColumns = async () => {
    if (state.source.kind !== 'sql' || (state.columns.length && learnedSql === state.source.sql)) return;
    const source = sources.find((s) => s.Arn === state.dataSourceArn);
    const params = source && source.DataSourceParameters && source.DataSourceParameters.AthenaParameters;
    const results = await runQuery(client, columnsProbeSql(state.source.sql), params && params.WorkGroup);
    state.columns = editorColumns(inputColumns(results.ResultSet.ResultSetMetadata.ColumnInfo), state.columns);
    learnedSql = state.source.sql;
    drawColumns();
  };

  // Actions
  const messages = h('div', { 'aria-live': 'polite', id: 'data-set-messages' });
  const previewHost = h('div', { id: 'preview-host' });
  const fail = (error, origins) => {
    messages.append(errorBox(error));
    if (origins) markExpressionError(columnsHost, locateError(error.message, origins));
  };
  const begin = () => {
    messages.replaceChildren();
    clearExpressionErrors(columnsHost);
  };
  const preview = async (button) => {
    begin();
    button.disabled = true;
    let origins = null;
    try {
      await ensureColumns();
      const built = buildDataSet(state);
      origins = built.origins;
      const body = { ...built.body, DataSetId: state.id || 'preview', Name: state.name || 'preview', MaxRows: 100 };
      replace(previewHost, h('p', { class: 'muted' }, 'Running the preview…'));
      replace(previewHost, previewView(await client.previewDataSet(body)));
    } catch (error) {
      replace(previewHost);
      fail(error, origins);
    } finally {
      button.disabled = false;
    }
  };
  const save = async (event) => {
    event.preventDefault();
    begin();
    let origins = null;
    try {
      await ensureColumns();
      const built = buildDataSet(state);
      origins = built.origins;
      if (dataSet) {
        await client.quickSight('PUT', `/data-sets/${encodeURIComponent(dataSet.DataSetId)}`,
          updateBody(built.body));
        await render(main, params, app);
        main.querySelector('#data-set-messages').append(h('p', { class: 'notice' }, 'Saved.'));
      } else {
        await client.quickSight('POST', '/data-sets', built.body);
        app.navigate(`#/data-sets/${encodeURIComponent(state.id)}`);
      }
    } catch (error) {
      fail(error, origins);
    }
  };
  const previewButton = h('button', { type: 'button', id: 'preview-button', onclick: () => preview(previewButton) },
    'Preview');

  replace(main,
    h('h1', {}, dataSet ? `Dataset ${dataSet.Name}` : 'New dataset'),
    h('form', { id: 'data-set-form', onsubmit: save, novalidate: false },
      h('section', { class: 'panel', 'aria-label': 'Details' },
        h('div', { class: 'row' }, id ? field('Dataset id', id, 'Letters, digits, - and _') : field('Dataset id',
          h('input', { type: 'text', value: dataSet.DataSetId, readOnly: true })), field('Name', name),
        field('Import mode', importMode), field('Data source', dataSource))),
      h('section', { class: 'panel', 'aria-label': 'Source' }, h('h2', {}, 'Source'),
        h('fieldset', { class: 'tabs' }, h('legend', { class: 'muted' }, 'Read'),
          kindRadio('table', 'From a table'), kindRadio('sql', 'Custom SQL')), tablePane, sqlPane),
      h('section', { class: 'panel', 'aria-label': 'Columns' }, h('h2', {}, 'Columns'), columnsHost),
      h('div', { class: 'actions' }, previewButton,
        h('button', { type: 'submit', class: 'primary', id: 'save-button' }, dataSet ? 'Save' : 'Create dataset')),
      messages),
    h('section', { class: 'panel', 'aria-label': 'Preview' }, h('h2', {}, 'Preview'), previewHost),
    dataSet && dataSet.ImportMode === 'SPICE' ? refreshPanel(client, dataSet) : null);
  await browser.ready;
}
