// A published dashboard (#/dashboards/:id): its sheets as tabs, each sheet's parameter controls and visuals in a
// grid. With {embedded: true} (the embed page) it shows the dashboard alone, without links out.
import { errorBox, field, h, replace } from '../ui/dom.js';
import { mountVisual } from '../visual/visual-view.js';
import { renderParameterControls } from '../visual/controls.js';

/** The analysis id an ARN names (arn:aws:quicksight:region:account:analysis/<id>), or null. */
export function analysisIdOf(arn) {
  const match = /:analysis\/(.+)$/.exec(arn || '');
  return match ? match[1] : null;
}

export async function render(main, { id, embedded = false }, app) {
  const { client } = app;
  const path = `/dashboards/${encodeURIComponent(id)}`;
  const [described, definitionResponse] = await Promise.all([client.quickSight('GET', path),
    client.quickSight('GET', `${path}/definition`)]);
  const dashboard = described.Dashboard;
  const version = dashboard.Version || {};
  const definition = definitionResponse.Definition || {};
  const sheets = definition.Sheets || [];
  const source = { kind: 'dashboards', id, versionNumber: version.VersionNumber };
  const values = {};
  let mounted = [];
  let current = 0;

  const tabs = sheets.map((sheet, i) => h('button', { type: 'button', role: 'tab', id: `sheet-tab-${i}`,
    'aria-controls': 'sheet-panel', onclick: () => show(i), onkeydown: (e) => tabKey(e, i) },
  sheet.Name || sheet.Title || sheet.SheetId));
  const controls = h('div', { class: 'controls' });
  const grid = h('div', { class: 'grid' });
  const panel = h('div', { id: 'sheet-panel', role: 'tabpanel' }, controls, grid);

  replace(main,
    h('div', { class: 'dashboard-head' }, h('h1', {}, dashboard.Name || id),
      embedded ? null : analysisLink(version.SourceEntityArn),
      embedded ? null : share(id)),
    version.Status && !/SUCCESSFUL$/.test(version.Status)
      ? errorBox(new Error(`Version ${version.VersionNumber} is ${version.Status}`)) : null,
    sheets.length > 1 ? h('div', { role: 'tablist', 'aria-label': 'Sheets' }, tabs) : null,
    sheets.length ? panel : h('p', { class: 'muted' }, 'This dashboard has no sheets.'));
  main.classList.toggle('embedded', embedded);

  function show(index) {
    current = index;
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', `sheet-tab-${index}`);
    mounted.forEach((m) => m.dispose());
    const sheet = sheets[index];
    renderParameterControls(controls, { sheet, definition, values, client,
      onChange: () => mounted.forEach((m) => m.refresh()) });
    replace(grid);
    mounted = (sheet.Visuals || []).map((visual) => mountVisual(grid, { client, source, visual, definition,
      parameters: () => ({ ...values }) }));
  }

  function tabKey(event, index) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = (index + step + tabs.length) % tabs.length;
    show(next);
    tabs[next].focus();
  }

  if (sheets.length) show(current);
}

function analysisLink(arn) {
  const analysis = analysisIdOf(arn);
  return analysis ? h('a', { class: 'open-analysis', href: `#/analyses/${encodeURIComponent(analysis)}` },
    'Open the analysis') : null;
}

/** "Share": shows the dashboard's URL, selected, with a button copying it. */
function share(id) {
  const url = `${location.origin}${location.pathname}#/dashboards/${encodeURIComponent(id)}`;
  const box = h('div', { class: 'share', hidden: true });
  const input = h('input', { type: 'text', readOnly: true, value: url, class: 'share-url' });
  const status = h('span', { class: 'muted', role: 'status' });
  replace(box, field('Dashboard URL', input), h('button', { type: 'button', onclick: async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = 'Copied';
    } catch {
      status.textContent = 'Press Ctrl+C to copy';
    }
  } }, 'Copy'), status);
  const button = h('button', { type: 'button', 'aria-expanded': 'false', onclick: () => {
    box.hidden = !box.hidden;
    button.setAttribute('aria-expanded', String(!box.hidden));
    if (!box.hidden) input.select();
  } }, 'Share');
  return h('div', { class: 'share-area row' }, button, box);
}
