// The start page: every data source, dataset, analysis and dashboard of the account, each linked to its page,
// with SPICE datasets' last ingestion.
import { h, replace, dataTable, errorBox, formatTime } from '../ui/dom.js';
import { listAll, statusClass } from '../data/api.js';
import { newestFirst } from '../data/refresh.js';

function link(hash, text) {
  return h('a', { href: hash }, text);
}

function status(value) {
  return h('span', { class: statusClass(value) }, value || '');
}

function section(title, actions, build, wide) {
  const body = h('div', { class: 'scroll' }, h('p', { class: 'muted' }, 'Loading…'));
  const panel = h('section', { class: wide ? 'panel wide' : 'panel', 'aria-label': title },
    h('div', { class: 'section-head' }, h('h2', {}, title), actions), body);
  build().then((content) => replace(body, content), (error) => replace(body, errorBox(error)));
  return panel;
}

function emptyOr(rows, table) {
  return rows.length ? table : h('p', { class: 'muted' }, 'None yet.');
}

async function lastIngestion(client, dataSetId) {
  const list = await listAll(client, `/data-sets/${encodeURIComponent(dataSetId)}/ingestions`, 'Ingestions');
  return newestFirst(list)[0] || null;
}

async function dataSetsTable(client) {
  const sets = await listAll(client, '/data-sets', 'DataSetSummaries');
  const last = await Promise.all(sets.map((s) => (s.ImportMode === 'SPICE'
    ? lastIngestion(client, s.DataSetId).catch(() => null) : null)));
  const rows = sets.map((s, i) => {
    const ingestion = last[i];
    const rowInfo = ingestion && ingestion.RowInfo;
    return [link(`#/data-sets/${encodeURIComponent(s.DataSetId)}`, s.Name), s.DataSetId, s.ImportMode,
      ingestion ? status(ingestion.IngestionStatus) : (s.ImportMode === 'SPICE' ? 'never refreshed' : ''),
      ingestion ? formatTime(ingestion.CreatedTime) : '',
      rowInfo && rowInfo.RowsIngested != null ? String(rowInfo.RowsIngested) : ''];
  });
  return emptyOr(rows, dataTable(['Dataset', 'Id', 'Import mode', 'Last ingestion', 'Started', 'Rows ingested'],
    rows, { id: 'data-sets' }));
}

async function dataSourcesTable(client) {
  const sources = await listAll(client, '/data-sources', 'DataSources');
  const rows = sources.map((s) => [link(`#/data-sources/${encodeURIComponent(s.DataSourceId)}`, s.Name),
    s.DataSourceId, s.Type, status(s.Status), s.ErrorInfo ? s.ErrorInfo.Message : '']);
  return emptyOr(rows, dataTable(['Data source', 'Id', 'Type', 'Status', 'Error'], rows, { id: 'data-sources' }));
}

async function analysesTable(client) {
  const analyses = await listAll(client, '/analyses', 'AnalysisSummaryList');
  const rows = analyses.filter((a) => a.Status !== 'DELETED').map((a) => [
    link(`#/analyses/${encodeURIComponent(a.AnalysisId)}`, a.Name), a.AnalysisId, status(a.Status),
    formatTime(a.LastUpdatedTime)]);
  return emptyOr(rows, dataTable(['Analysis', 'Id', 'Status', 'Updated'], rows, { id: 'analyses' }));
}

async function dashboardsTable(client) {
  const dashboards = await listAll(client, '/dashboards', 'DashboardSummaryList');
  const rows = dashboards.map((d) => [link(`#/dashboards/${encodeURIComponent(d.DashboardId)}`, d.Name),
    d.DashboardId, d.PublishedVersionNumber == null ? '' : String(d.PublishedVersionNumber),
    formatTime(d.LastPublishedTime)]);
  return emptyOr(rows, dataTable(['Dashboard', 'Id', 'Published version', 'Published'], rows,
    { id: 'dashboards' }));
}

export async function render(main, params, app) {
  const { client } = app;
  const action = (text, hash) => h('button', { type: 'button', onclick: () => app.navigate(hash) }, text);
  replace(main,
    h('h1', {}, 'Start'),
    h('div', { class: 'start-grid' },
      section('Data sources', action('New data source', '#/data-sources/new'), () => dataSourcesTable(client)),
      section('Datasets', action('New dataset', '#/data-sets/new'), () => dataSetsTable(client), true),
      section('Analyses', action('New analysis', '#/analyses/new'), () => analysesTable(client)),
      section('Dashboards', null, () => dashboardsTable(client))));
}
