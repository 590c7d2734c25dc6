// A data source: create an ATHENA one on a workgroup, show its status and error, change it, delete it. The
// workgroups are those QuickSight's service role can list: without Athena access the page shows the role's refusal.
import { h, replace, field, select, errorBox, formatTime } from '../ui/dom.js';
import { statusClass } from '../data/api.js';

/** The workgroups as [value, label] options, and the error that kept them from being listed (or null). */
async function workGroupOptions(client) {
  try {
    const { WorkGroups: groups } = await client.glaux('GET', '/athena/work-groups');
    return { options: groups.map((g) => [g.Name, g.State === 'ENABLED' ? g.Name : `${g.Name} (${g.State})`]),
      error: null };
  } catch (error) {
    return { options: [], error };
  }
}

function workGroupsError(error) {
  if (!error) return null;
  const box = errorBox(error);
  box.id = 'workgroups-error';
  return h('div', {}, box, h('p', { class: 'muted' }, 'Athena access is set on the ',
    h('a', { href: '#/security' }, 'Security & permissions'), ' page.'));
}

function parameters(workGroup) {
  return { AthenaParameters: { WorkGroup: workGroup } };
}

/** The form's controls: id (new only), name, workgroup. */
function form(options, values, isNew) {
  const controls = {
    id: isNew ? h('input', { type: 'text', name: 'id', required: true, pattern: '[\\w\\-]+', value: values.id || '' })
      : null,
    name: h('input', { type: 'text', name: 'name', required: true, value: values.name || '' }),
    workGroup: select(options, values.workGroup || 'primary', { name: 'workGroup' }),
  };
  return controls;
}

async function renderNew(main, app) {
  const { client } = app;
  const { options, error } = await workGroupOptions(client);
  const c = form(options, {}, true);
  const status = h('div', { 'aria-live': 'polite' });
  const submit = async (event) => {
    event.preventDefault();
    status.replaceChildren();
    try {
      await client.quickSight('POST', '/data-sources', { DataSourceId: c.id.value.trim(), Name: c.name.value.trim(),
        Type: 'ATHENA', DataSourceParameters: parameters(c.workGroup.value) });
      app.navigate(`#/data-sources/${encodeURIComponent(c.id.value.trim())}`);
    } catch (error) {
      status.append(errorBox(error));
    }
  };
  replace(main, h('h1', {}, 'New data source'),
    h('form', { class: 'panel', id: 'data-source-form', onsubmit: submit },
      h('p', { class: 'muted' }, 'An Athena data source runs its datasets\' queries in a workgroup.'),
      workGroupsError(error),
      field('Data source id', c.id, 'Letters, digits, - and _'), field('Name', c.name),
      field('Athena workgroup', c.workGroup),
      h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, 'Create data source'))),
    status);
}

async function describe(client, id) {
  let source;
  for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
    source = (await client.quickSight('GET', `/data-sources/${encodeURIComponent(id)}`)).DataSource;
    if (!/_IN_PROGRESS$/.test(source.Status)) return source;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function renderExisting(main, id, app) {
  const { client } = app;
  const [source, { options, error }] = await Promise.all([describe(client, id), workGroupOptions(client)]);
  const workGroup = source.DataSourceParameters && source.DataSourceParameters.AthenaParameters
    ? source.DataSourceParameters.AthenaParameters.WorkGroup : '';
  const c = form(options, { name: source.Name, workGroup }, false);
  const messages = h('div', { 'aria-live': 'polite' });
  const save = async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    try {
      await client.quickSight('PUT', `/data-sources/${encodeURIComponent(id)}`, { Name: c.name.value.trim(),
        DataSourceParameters: parameters(c.workGroup.value) });
      await renderExisting(main, id, app);
    } catch (error) {
      messages.append(errorBox(error));
    }
  };
  const remove = async () => {
    if (!window.confirm(`Delete data source ${source.Name}? Its datasets stop refreshing.`)) return;
    try {
      await client.quickSight('DELETE', `/data-sources/${encodeURIComponent(id)}`);
      app.navigate('#/');
    } catch (error) {
      messages.append(errorBox(error));
    }
  };
  replace(main, h('h1', {}, `Data source ${source.Name}`),
    h('section', { class: 'panel', 'aria-label': 'Status' },
      h('dl', { class: 'facts' },
        h('dt', {}, 'Status'), h('dd', { id: 'data-source-status', class: statusClass(source.Status) }, source.Status),
        h('dt', {}, 'Type'), h('dd', {}, source.Type),
        h('dt', {}, 'Workgroup'), h('dd', { id: 'data-source-workgroup' }, workGroup),
        h('dt', {}, 'ARN'), h('dd', {}, h('code', {}, source.Arn)),
        h('dt', {}, 'Updated'), h('dd', {}, formatTime(source.LastUpdatedTime))),
      source.ErrorInfo ? h('div', { class: 'error', role: 'alert', id: 'data-source-error' },
        `${source.ErrorInfo.Type}: ${source.ErrorInfo.Message}`) : null,
      h('div', { class: 'actions' },
        h('a', { href: `#/data-sets/new?dataSource=${encodeURIComponent(id)}` }, 'New dataset from this source'))),
    h('form', { class: 'panel', id: 'data-source-form', onsubmit: save },
      h('h2', {}, 'Edit'), workGroupsError(error), field('Name', c.name), field('Athena workgroup', c.workGroup),
      h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, 'Save'),
        h('button', { type: 'button', onclick: remove }, 'Delete'))),
    messages);
}

export async function render(main, params, app) {
  if (params.id) {
    await renderExisting(main, params.id, app);
  } else {
    await renderNew(main, app);
  }
}
