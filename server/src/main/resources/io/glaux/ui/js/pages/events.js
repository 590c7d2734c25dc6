// The alerts page: the server's recent query and ingestion state changes (GET /_glaux/events), each with the alert
// deliveries its rules made, and the rules in force (GET /_glaux/alerts). Nothing here is signed: these are Glaux's
// own control endpoints, like /health.
import { h, replace, dataTable, errorBox, formatTime } from '../ui/dom.js';
import { subject, failure, transition, deliveries, matching } from '../events/summary.js';
import { statusClass } from '../data/api.js';

async function getJson(path) {
  const response = await fetch(path);
  if (!response.ok) {
    throw new Error(`${path} answered HTTP ${response.status}`);
  }
  return response.json();
}

function subjectCell(event) {
  const about = subject(event);
  if (about.kind === 'query') {
    return h('a', { href: `#/query?id=${encodeURIComponent(about.id)}` }, about.id);
  }
  if (about.kind === 'ingestion') {
    return h('a', { href: `#/data-sets/${encodeURIComponent(about.scope)}` }, `${about.scope} / ${about.id}`);
  }
  return about.id;
}

function eventsTable(events) {
  const rows = events.map((logged) => {
    const event = logged.event;
    const state = (event.detail || {}).currentState || '';
    return [formatTime(event.time), event['detail-type'],
      h('span', { class: statusClass(state) }, transition(event)), subjectCell(event), subject(event).scope,
      failure(event), deliveries(logged).join('\n')];
  });
  return rows.length ? dataTable(['Time', 'Event', 'State', 'Query or ingestion', 'Workgroup or dataset', 'Error',
    'Alerts delivered'], rows, { id: 'events' }) : h('p', { class: 'muted', id: 'no-events' }, 'No events yet.');
}

function rulesList(rules) {
  if (!rules.length) {
    return h('p', { class: 'muted', id: 'no-rules' }, 'No alert rules: events are only logged. Add rules with'
      + ' glaux serve --alerts FILE or PUT /_glaux/alerts.');
  }
  return dataTable(['Rule', 'State', 'Event pattern', 'Targets'], rules.map((rule) => [rule.Name, rule.State,
    h('code', {}, JSON.stringify(rule.EventPattern)), (rule.Targets || []).map((t) => t.HttpEndpoint).join('\n')]),
  { id: 'alert-rules' });
}

export async function render(main) {
  const states = h('select', { id: 'event-state', multiple: false },
    ...['', 'FAILED', 'CANCELLED', 'SUCCEEDED', 'COMPLETED', 'RUNNING', 'QUEUED'].map((s) =>
      h('option', { value: s }, s || 'Any state')));
  const search = h('input', { id: 'event-search', type: 'search', placeholder: 'Search events' });
  const list = h('div', { class: 'scroll' }, h('p', { class: 'muted' }, 'Loading…'));
  const rules = h('div', { class: 'scroll' });
  let events = [];
  const draw = () => replace(list, eventsTable(matching(events, states.value ? [states.value] : [], search.value)));
  const load = async () => {
    try {
      const [logged, configured] = await Promise.all([getJson('/_glaux/events?limit=500'),
        getJson('/_glaux/alerts')]);
      events = logged.events;
      draw();
      replace(rules, rulesList(configured.Rules));
    } catch (error) {
      replace(list, errorBox(error));
    }
  };
  states.addEventListener('change', draw);
  search.addEventListener('input', draw);
  replace(main,
    h('h1', {}, 'Alerts'),
    h('section', { class: 'panel wide', 'aria-label': 'Recent events' },
      h('div', { class: 'section-head' }, h('h2', {}, 'Recent events'), states, search,
        h('button', { type: 'button', id: 'refresh-events', onclick: load }, 'Refresh')), list),
    h('section', { class: 'panel wide', 'aria-label': 'Alert rules' },
      h('div', { class: 'section-head' }, h('h2', {}, 'Alert rules')), rules));
  await load();
}
