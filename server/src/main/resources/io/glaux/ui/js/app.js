// The UI's shell: connects to Glaux, then shows the page the location's hash names. Each page is a module under
// pages/ exporting render(view, params, app) and loaded when first shown.
import { GlauxClient } from './aws/client.js';
import { errorBox, h, replace } from './ui/dom.js';

/** Hash routes, most specific first: [pattern, page module, title]. */
export const ROUTES = [
  [/^#?\/?$/, 'start', 'Start'],
  [/^#\/data-sources\/new$/, 'data-source', 'New data source'],
  [/^#\/data-sources\/(?<id>[^/?]+)$/, 'data-source', 'Data source'],
  [/^#\/data-sets\/new(?:\?(?<query>.*))?$/, 'data-set', 'New dataset'],
  [/^#\/data-sets\/(?<id>[^/?]+)$/, 'data-set', 'Dataset'],
  [/^#\/analyses\/new$/, 'analysis', 'New analysis'],
  [/^#\/analyses\/(?<id>[^/?]+)$/, 'analysis', 'Analysis'],
  [/^#\/dashboards\/(?<id>[^/?]+)$/, 'dashboard', 'Dashboard'],
  [/^#\/query(?:\?(?<query>.*))?$/, 'query-editor', 'Query editor'],
  [/^#\/alerts$/, 'events', 'Alerts'],
  [/^#\/security$/, 'security', 'Security & permissions'],
];

/** The page module, title and parameters (id, and the query string as URLSearchParams) of a hash. */
export function route(hash) {
  for (const [pattern, page, title] of ROUTES) {
    const match = pattern.exec(hash || '');
    if (match) {
      const groups = match.groups || {};
      return { page, title, params: { id: groups.id && decodeURIComponent(groups.id),
        query: new URLSearchParams(groups.query || '') } };
    }
  }
  return null;
}

async function show(app, main) {
  const found = route(location.hash);
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('current',
    found && a.dataset.page === found.page));
  if (!found) {
    replace(main, errorBox(new Error(`No page at ${location.hash}`)));
    return;
  }
  document.title = `${found.title} · Glaux`;
  // Each navigation renders into a view of its own. A page still waiting for an answer when the next one is shown
  // finishes into its detached view instead of over the page shown since.
  const view = h('div', { class: 'view' });
  replace(main, view);
  try {
    const module = await import(`./pages/${found.page}.js`);
    await module.render(view, found.params, app);
  } catch (error) {
    view.append(errorBox(error));
    console.error(error);
  }
}

async function start() {
  const main = document.getElementById('page');
  const client = await GlauxClient.connect();
  const app = { client, navigate: (hash) => { location.hash = hash; } };
  document.getElementById('account').textContent = `account ${client.accountId} · ${client.region}`;
  window.addEventListener('hashchange', () => show(app, main));
  await show(app, main);
}

if (typeof document !== 'undefined' && document.getElementById('page')) {
  start();
}
