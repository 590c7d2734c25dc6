// One QuickSight visual on a page: fetches its data from the visual-data endpoint and draws it (ECharts for charts,
// HTML tables, a KPI number), with drill-down, a provenance footer (source, time, rows, Athena's cost), a SPICE vs
// direct query comparison and CSV export.
import * as echarts from '/lib/echarts/echarts.esm.min.js';
import { errorBox, field, formatBytes, h, replace, select } from '../ui/dom.js';
import { columnLabels, formatNumber, visualId, visualKind, visualTitle } from './fields.js';
import { CHART_KINDS, categoryLabeller, chartOption, seriesOf } from './charts.js';
import { breadcrumb, canDrill, drillInto, drillUp, drillable } from './drill.js';
import { columnHeader, pivot } from './pivot.js';
import { kpiView } from './kpi.js';
import { visualCsv } from './csv.js';
import { compareText, provenance } from './cost.js';

/** Adds the component's stylesheet to the document once. */
function ensureStylesheet() {
  if (!document.querySelector('link[href="/css/visual.css"]')) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/css/visual.css' }));
  }
}

/**
 * mountVisual(container, {client, source, visual, definition, parameters, onParametersNeeded})
 *  - source: {kind: 'analyses'|'dashboards', id, versionNumber?}
 *  - visual: one element of a sheet's Visuals; definition: the whole Definition
 *  - parameters: () => ({Name: ['value', ...]}), read at each refresh
 * returns {element, refresh(): Promise<void>, dispose()}
 */
export function mountVisual(container, { client, source, visual, definition, parameters = () => ({}),
  onParametersNeeded } = {}) {
  ensureStylesheet();
  const kind = visualKind(visual);
  const id = visualId(visual);
  const drill = drillable(visual);
  let steps = [];
  let chart = null;
  let categories = [];
  let generation = 0;

  const title = h('h3', { class: 'visual-title' }, visualTitle(visual));
  const compareButton = h('button', { type: 'button', onclick: () => compare() }, 'Compare SPICE / direct query');
  const exportButton = h('button', { type: 'button', onclick: () => exportCsv() }, 'Export CSV');
  const crumbs = h('nav', { class: 'breadcrumb', 'aria-label': `Drill-down path of ${visualTitle(visual)}`,
    hidden: true });
  const drillSelect = select([], '', { class: 'drill-select' });
  const drillBar = h('div', { class: 'drill-bar row', hidden: true },
    field('Drill down into', drillSelect),
    h('button', { type: 'button', onclick: () => drillSelect.value !== '' && drillTo(Number(drillSelect.value)) },
      'Drill down'));
  const body = h('div', { class: 'visual-body' });
  const comparison = h('p', { class: 'compare muted', role: 'status' });
  const footer = h('footer', { class: 'provenance' });
  const element = h('section', { class: `visual visual-${kind || 'unsupported'}`, dataset: { visualId: id,
    state: 'loading' }, 'aria-label': visualTitle(visual) },
  h('div', { class: 'visual-head' }, title, h('div', { class: 'visual-actions' }, compareButton, exportButton)),
  crumbs, body, drillBar, comparison, footer);
  container.append(element);

  const resizer = typeof ResizeObserver === 'undefined' ? null
    : new ResizeObserver(() => chart && chart.resize());

  function request(extra = {}) {
    const body = { Parameters: parameters() || {}, DrillDown: steps, ...extra };
    if (source.versionNumber !== undefined && source.kind === 'dashboards') body.VersionNumber = source.versionNumber;
    return client.visualData(source.kind, source.id, id, body);
  }

  async function refresh() {
    const mine = ++generation;
    element.dataset.state = 'loading';
    element.setAttribute('aria-busy', 'true');
    if (!kind) {
      showError(new Error(`This visual kind is not drawn here: ${Object.keys(visual || {})[0]}`));
      return;
    }
    try {
      const data = await request();
      if (mine !== generation) return;
      element.glauxData = data;
      draw(data);
      element.dataset.state = 'ready';
    } catch (error) {
      if (mine !== generation) return;
      showError(error);
      if (onParametersNeeded && /parameter/i.test(error.message || '')) onParametersNeeded(error);
    } finally {
      if (mine === generation) element.removeAttribute('aria-busy');
    }
  }

  function showError(error) {
    element.glauxData = undefined;
    disposeChart();
    replace(body, errorBox(error));
    replace(footer);
    drillBar.hidden = true;
    exportButton.disabled = true;
    element.dataset.state = 'error';
  }

  function draw(data) {
    exportButton.disabled = false;
    if (CHART_KINDS.has(kind)) drawChart(data);
    else {
      disposeChart();
      if (kind === 'KPIVisual') replace(body, kpi(data));
      else if (kind === 'PivotTableVisual') replace(body, h('div', { class: 'scroll' }, pivotElement(data)));
      else replace(body, h('div', { class: 'scroll' }, tableElement(data)));
    }
    drawBreadcrumb();
    drawProvenance(data);
  }

  function drawChart(data) {
    if (!chart) {
      const div = h('div', { class: 'chart', role: 'img', 'aria-label': `${visualTitle(visual)} chart` });
      replace(body, div);
      chart = echarts.init(div);
      element.glauxChart = chart;
      if (resizer) resizer.observe(div);
      if (kind === 'PieChartVisual') chart.on('click', (p) => drillTo(p.dataIndex));
      else chart.getZr().on('click', (e) => axisClick([e.offsetX, e.offsetY]));
    }
    categories = seriesOf(visual, data).categories;
    chart.setOption(chartOption(visual, data, steps), true);
    const label = categoryLabeller(visual, steps);
    const open = canDrill(drill, steps) && categories.length > 0;
    drillBar.hidden = !open;
    if (open) {
      replace(drillSelect, h('option', { value: '' }, 'Choose…'),
        categories.map((c, i) => h('option', { value: String(i) }, label(c))));
    }
  }

  /** A click in a bar or line chart's grid drills into the category under it. */
  function axisClick(pixel) {
    if (!chart || !chart.containPixel('grid', pixel)) return;
    const horizontal = chart.getOption().yAxis[0].type === 'category';
    const at = chart.convertFromPixel({ seriesIndex: 0 }, pixel);
    if (at) drillTo(Math.round(at[horizontal ? 1 : 0]));
  }

  /** Drills into the category at this index (as the endpoint returned it). */
  function drillTo(index) {
    if (!canDrill(drill, steps) || !(index >= 0 && index < categories.length)) return;
    steps = drillInto(drill, steps, categories[index]);
    refresh();
  }

  function drawBreadcrumb() {
    crumbs.hidden = !drill || steps.length === 0;
    if (crumbs.hidden) return replace(crumbs);
    const path = breadcrumb(drill, steps);
    return replace(crumbs, h('ol', {}, path.map((crumb, i) => h('li', {}, i === path.length - 1
      ? h('span', { 'aria-current': 'location' }, crumb.label)
      : h('button', { type: 'button', onclick: () => { steps = drillUp(steps, crumb.depth); refresh(); } },
        crumb.label)))));
  }

  function tableElement(data) {
    const labels = columnLabels(visual, data);
    const columns = data.Columns || [];
    const numeric = columns.map((c) => c.Type === 'INTEGER' || c.Type === 'DECIMAL');
    const dates = columns.map((c) => (c.Type === 'DATETIME' ? categoryLabeller(visual, steps, c.Name) : null));
    const text = (v, i) => {
      if (v === null || v === undefined) return '';
      if (numeric[i]) return formatNumber(v);
      return dates[i] ? dates[i](v) : String(v);
    };
    return h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, labels.map((l, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : null },
        l)))),
      h('tbody', {}, (data.Rows || []).map((row) => h('tr', {}, row.map((v, i) => h('td', {
        class: numeric[i] ? 'num' : null }, text(v, i)))))));
  }

  function pivotElement(data) {
    const grid = pivot(visual, data);
    const width = grid.columnKeys.length * grid.measures.length;
    return h('table', { class: 'data pivot' },
      h('thead', {}, h('tr', {}, grid.rowHeaders.map((l) => h('th', { scope: 'col' }, l)),
        Array.from({ length: width }, (_, i) => h('th', { scope: 'col', class: 'num' }, columnHeader(grid, i))))),
      h('tbody', {}, grid.lines.map((line) => h('tr', {},
        line.key.map((v) => h('th', { scope: 'row' }, v === null ? '(empty)' : String(v))),
        line.cells.map((v) => h('td', { class: 'num' }, formatNumber(v)))))));
  }

  function kpi(data) {
    const view = kpiView(visual, data);
    return h('div', { class: 'kpi' },
      h('div', { class: 'kpi-value' }, view.value || '—'),
      h('div', { class: 'kpi-label muted' }, view.label, view.period ? ` · ${view.period}` : ''),
      view.trend ? h('div', { class: `kpi-trend ${view.trend.startsWith('▲') ? 'up' : 'down'}` }, view.trend) : null,
      view.target ? h('div', { class: 'kpi-target' }, view.target) : null);
  }

  function drawProvenance(data) {
    const info = provenance(data);
    footer.dataset.source = data.Source;
    const parts = [h('span', { class: 'source' }, 'Source: ', info.source)];
    if (info.queryExecutionId) {
      parts.push(h('span', {}, 'query ', h('a', { class: 'query-id',
        href: `#/query?id=${encodeURIComponent(info.queryExecutionId)}` }, info.queryExecutionId)));
    }
    parts.push(h('span', {}, info.time),
      h('span', { class: 'rows' }, `${info.rows} ${info.rows === 1 ? 'row' : 'rows'}`));
    if (info.queryExecutionId) {
      parts.push(h('span', { class: 'scanned', dataset: { bytes: String(info.scanned) } },
        `scanned ${formatBytes(info.scanned)} (billed ${formatBytes(info.billed)})`),
      h('span', { class: 'cost', title: 'Athena: $5 per TB scanned, 10 MB minimum per query' }, info.cost));
    }
    replace(footer, parts.flatMap((p, i) => (i ? [' · ', p] : [p])));
  }

  async function compare() {
    compareButton.disabled = true;
    comparison.textContent = 'Running with SPICE, then with a direct query…';
    const run = (forced) => request({ Source: forced }).then((data) => ({ data }), (error) => ({ error }));
    try {
      const spice = await run('SPICE');
      const direct = await run('DIRECT_QUERY');
      comparison.textContent = compareText(spice, direct);
    } finally {
      compareButton.disabled = false;
    }
  }

  function exportCsv() {
    const data = element.glauxData;
    if (!data) return;
    const blob = new Blob([visualCsv(visual, data)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `${id}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function disposeChart() {
    if (chart) {
      if (resizer) resizer.disconnect();
      chart.dispose();
      chart = null;
      element.glauxChart = undefined;
    }
  }

  function dispose() {
    generation++;
    disposeChart();
    element.remove();
  }

  element.glauxDrill = (value) => drillTo(categories.findIndex((c) => String(c) === String(value)));
  refresh();
  return { element, refresh, dispose };
}
