// The query editor (#/query, #/query?id=<QueryExecutionId>): Athena's console on Glaux. Pick a workgroup, catalog
// and database, write SQL, run it, watch it, page through its results, download them; the workgroup's recent queries
// and its saved (named) queries are tabs below. Every action is one of Athena's own calls.
import { errorBox, field, h, replace } from '../ui/dom.js';
import { listAll, recentExecutions, savedQueries, waitForQuery } from '../query/athena.js';
import { historyRow, isActive, shorten, stateOf, summary } from '../query/executions.js';
import { ResultPager } from '../query/results.js';
import { insertText, qualifiedName } from '../query/sql-text.js';

const PAGE_SIZES = [10, 25, 50, 100, 500, 1000];
const DEFAULT_PAGE_SIZE = 100;

/** Replaces a select's options (strings) and selects value when it is one of them. */
function fillSelect(control, options, value) {
  replace(control, options.map((o) => h('option', { value: o, selected: o === value }, o)));
  if (options.includes(value)) control.value = value;
  return control.value;
}

/** The database a fresh editor starts in: the URL's, else the first besides `default` (the sample data's), else any. */
function initialDatabase(names, wanted) {
  if (wanted && names.includes(wanted)) return wanted;
  return names.find((n) => n !== 'default') || names[0] || '';
}

export async function render(main, params, app) {
  const athena = (operation, input) => app.client.athena(operation, input);
  const query = params.query || new URLSearchParams();
  const context = { workGroup: query.get('workgroup') || 'primary', catalog: query.get('catalog') || 'AwsDataCatalog',
    database: query.get('database') || '' };
  let currentId = null;
  let pager = null;
  let downloadHref = null; // the presigned URL of the followed query's result object
  let following = 0; // bumped by every query the results area starts to follow; older polls then stop

  // --- the elements -------------------------------------------------------------------------------------------
  const workGroupSelect = h('select', { id: 'query-workgroup' });
  const catalogSelect = h('select', { id: 'query-catalog' });
  const databaseSelect = h('select', { id: 'query-database' });
  const tables = h('ul', { id: 'query-tables', class: 'query-tables', 'aria-label': 'Tables' });
  const sqlArea = h('textarea', { id: 'query-sql', rows: 8, spellcheck: false,
    placeholder: 'SELECT ... (Ctrl+Enter runs the query)' });
  const runButton = h('button', { id: 'query-run', class: 'primary', type: 'button', onclick: () => run() }, 'Run');
  const cancelButton = h('button', { id: 'query-cancel', type: 'button', disabled: true, onclick: () => cancel() },
    'Cancel');
  const pageSizeSelect = h('select', { id: 'query-page-size' },
    PAGE_SIZES.map((n) => h('option', { value: n, selected: n === DEFAULT_PAGE_SIZE }, String(n))));
  const status = h('div', { id: 'query-status', class: 'query-status', 'aria-live': 'polite' });
  const problems = h('div', { id: 'query-problems' });
  const results = h('div', { id: 'query-results' });
  const recent = h('div', { id: 'query-history' });
  const saved = h('div', { id: 'saved-queries' });
  const root = h('div', { class: 'query-editor' });
  const alive = () => root.isConnected;

  const tabs = [['results', 'Results', results], ['history', 'Recent queries', recent],
    ['saved', 'Saved queries', saved]].map(([key, label, panel]) => ({ key, panel,
    button: h('button', { id: `query-tab-${key}`, type: 'button', role: 'tab', 'aria-controls': panel.id,
      onclick: () => showTab(key), onkeydown: (e) => tabKey(e, key) }, label) }));
  tabs.forEach(({ key, button, panel }) => {
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', button.id);
    panel.dataset.tab = key;
  });

  replace(root,
    h('h1', {}, 'Query editor'),
    h('div', { class: 'panel row' },
      field('Workgroup', workGroupSelect), field('Data source (catalog)', catalogSelect),
      field('Database', databaseSelect)),
    h('div', { class: 'query-layout' },
      h('aside', { class: 'panel query-sidebar' }, h('h2', {}, 'Tables'),
        h('p', { class: 'hint' }, 'Choose a table to put its name in the query.'), tables),
      h('section', { class: 'query-main' },
        h('div', { class: 'panel' },
          field('SQL query', sqlArea, 'Ctrl+Enter runs the query.'),
          h('div', { class: 'row query-actions' }, runButton, cancelButton,
            field('Rows per page', pageSizeSelect)),
          status, problems),
        h('div', { class: 'query-tabs', role: 'tablist', 'aria-label': 'Query output' },
          tabs.map((t) => t.button)),
        h('div', { class: 'panel' }, tabs.map((t) => t.panel)))));
  main.append(root);
  showTab('results');

  // --- wiring -------------------------------------------------------------------------------------------------
  sqlArea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!runButton.disabled) run();
    }
  });
  workGroupSelect.addEventListener('change', () => {
    context.workGroup = workGroupSelect.value;
    showNothing();
    syncUrl();
    refreshTab();
  });
  catalogSelect.addEventListener('change', async () => {
    context.catalog = catalogSelect.value;
    context.database = '';
    await guarded(loadDatabases);
    syncUrl();
  });
  databaseSelect.addEventListener('change', async () => {
    context.database = databaseSelect.value;
    syncUrl();
    await guarded(loadTables);
  });
  pageSizeSelect.addEventListener('change', () => {
    if (pager) guarded(() => showPage(newPager(pager.queryExecutionId), (p) => p.first()));
  });

  function showTab(key) {
    tabs.forEach((t) => {
      const selected = t.key === key;
      t.button.setAttribute('aria-selected', String(selected));
      t.button.tabIndex = selected ? 0 : -1;
      t.panel.hidden = !selected;
    });
    refreshTab();
  }

  function tabKey(event, key) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const index = (tabs.findIndex((t) => t.key === key) + step + tabs.length) % tabs.length;
    showTab(tabs[index].key);
    tabs[index].button.focus();
  }

  function selectedTab() {
    return tabs.find((t) => !t.panel.hidden).key;
  }

  function refreshTab() {
    const key = selectedTab();
    if (key === 'history') guarded(showHistory);
    if (key === 'saved') guarded(showSaved);
  }

  /** Runs an action, showing an API error in Athena's words instead of losing what is on the page. */
  async function guarded(action) {
    try {
      return await action();
    } catch (error) {
      if (alive()) replace(problems, errorBox(error));
      console.warn(error);
      return undefined;
    }
  }

  function syncUrl() {
    const next = new URLSearchParams();
    if (currentId) {
      next.set('id', currentId);
    } else {
      next.set('workgroup', context.workGroup);
      next.set('catalog', context.catalog);
      if (context.database) next.set('database', context.database);
    }
    if (alive()) window.history.replaceState(null, '', `#/query?${next}`);
  }

  // --- workgroups, catalogs, databases, tables ----------------------------------------------------------------
  async function loadWorkGroups() {
    const names = (await listAll(athena, 'ListWorkGroups', {}, 'WorkGroups')).map((w) => w.Name);
    if (!names.includes(context.workGroup)) names.push(context.workGroup);
    fillSelect(workGroupSelect, names, context.workGroup);
  }

  async function loadCatalogs() {
    const names = (await listAll(athena, 'ListDataCatalogs', {}, 'DataCatalogsSummary')).map((c) => c.CatalogName);
    if (!names.includes(context.catalog)) names.push(context.catalog);
    fillSelect(catalogSelect, names, context.catalog);
  }

  async function loadDatabases() {
    replace(tables);
    fillSelect(databaseSelect, [], '');
    const names = (await listAll(athena, 'ListDatabases', { CatalogName: context.catalog }, 'DatabaseList'))
      .map((d) => d.Name);
    context.database = fillSelect(databaseSelect, names, initialDatabase(names, context.database));
    await loadTables();
  }

  async function loadTables() {
    replace(tables, h('li', { class: 'muted' }, 'Loading…'));
    if (!context.database) {
      replace(tables, h('li', { class: 'muted' }, 'No database'));
      return;
    }
    const list = await listAll(athena, 'ListTableMetadata', { CatalogName: context.catalog,
      DatabaseName: context.database }, 'TableMetadataList');
    replace(tables, list.length ? list.map((table) => h('li', {},
      h('button', { type: 'button', class: 'link', title: (table.Columns || []).map((c) => `${c.Name} ${c.Type}`)
        .join('\n'), onclick: () => putInEditor(qualifiedName(context.database, table.Name)) }, table.Name)))
      : h('li', { class: 'muted' }, 'No tables'));
  }

  function putInEditor(text) {
    const edited = insertText(sqlArea.value, sqlArea.selectionStart, sqlArea.selectionEnd, text);
    sqlArea.value = edited.text;
    sqlArea.focus();
    sqlArea.setSelectionRange(edited.cursor, edited.cursor);
  }

  // --- running and following a query --------------------------------------------------------------------------
  async function run() {
    const sql = sqlArea.value;
    showNothing(); // the previous query's status and results go; the SQL stays
    if (!sql.trim()) {
      replace(problems, errorBox(new Error('Enter a query to run.')));
      return;
    }
    runButton.disabled = true;
    const input = { QueryString: sql, WorkGroup: context.workGroup, QueryExecutionContext: {
      Catalog: context.catalog, ...(context.database ? { Database: context.database } : {}) } };
    const started = await guarded(() => athena('StartQueryExecution', input));
    if (started) {
      await follow(started.QueryExecutionId);
    } else {
      runButton.disabled = false;
    }
  }

  async function cancel() {
    if (!currentId) return;
    cancelButton.disabled = true;
    await guarded(() => athena('StopQueryExecution', { QueryExecutionId: currentId }));
  }

  /** Opens an execution: its SQL, workgroup, catalog and database in the editor, then its status and results. */
  async function open(id) {
    const { QueryExecution: execution } = await athena('GetQueryExecution', { QueryExecutionId: id });
    const executionContext = execution.QueryExecutionContext || {};
    sqlArea.value = execution.Query || '';
    context.workGroup = execution.WorkGroup || context.workGroup;
    context.catalog = executionContext.Catalog || context.catalog;
    context.database = executionContext.Database || context.database;
    await loadPickers();
    showTab('results');
    await follow(id);
  }

  async function loadPickers() {
    await Promise.all([guarded(loadWorkGroups), guarded(loadCatalogs)]);
    await guarded(loadDatabases);
  }

  async function follow(id) {
    const mine = ++following;
    currentId = id;
    pager = null;
    syncUrl();
    replace(problems);
    replace(results);
    if (selectedTab() !== 'results') showTab('results');
    try {
      const execution = await waitForQuery(athena, id, { onUpdate: showStatus,
        stillWanted: () => alive() && mine === following });
      if (!execution) return;
      if (stateOf(execution) === 'SUCCEEDED') {
        const location = summary(execution).outputLocation;
        downloadHref = location ? await app.client.s3DownloadUrl(location) : null;
        await showPage(newPager(id), (p) => p.first());
      } else {
        showFailure(execution);
      }
    } catch (error) {
      if (alive() && mine === following) replace(problems, errorBox(error));
    } finally {
      if (mine === following) {
        runButton.disabled = false;
        cancelButton.disabled = true;
      }
    }
  }

  function showStatus(execution) {
    const s = summary(execution);
    const active = isActive(s.state);
    runButton.disabled = active;
    cancelButton.disabled = !active;
    status.dataset.state = s.state;
    replace(status,
      h('span', { class: `state status-${s.state}` }, s.state),
      h('span', {}, `Run time: ${s.runTime || '—'}`),
      h('span', {}, `Engine time: ${s.engineTime || '—'}`),
      h('span', {}, `Data scanned: ${s.dataScanned || '—'}`),
      h('span', { class: 'muted' }, `Query ID: ${s.id}`));
  }

  function showFailure(execution) {
    const s = summary(execution);
    if (s.state === 'FAILED') {
      replace(problems, h('div', { class: 'error', role: 'alert', id: 'query-error' },
        h('div', { class: 'reason' }, s.reason || 'The query failed.'),
        s.error ? h('div', { class: 'muted' }, s.error) : null));
    } else {
      replace(results, h('p', { class: 'muted' }, s.reason || `The query was ${s.state.toLowerCase()}.`));
    }
  }

  function showNothing() {
    following++;
    currentId = null;
    pager = null;
    replace(status);
    delete status.dataset.state;
    replace(problems);
    replace(results);
    runButton.disabled = false;
    cancelButton.disabled = true;
  }

  // --- results ------------------------------------------------------------------------------------------------
  function newPager(id) {
    return new ResultPager((input) => athena('GetQueryResults', input), id, Number(pageSizeSelect.value));
  }

  /** Loads a page with `move(pager)`; on an error the page shown stays and the error is shown above it. */
  async function showPage(next, move) {
    const buttons = results.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await move(next);
    } catch (error) {
      buttons.forEach((b) => { b.disabled = false; });
      throw error;
    }
    pager = next;
    if (!alive() || currentId !== next.queryExecutionId) return;
    const page = next.page;
    const first = next.firstRow;
    const range = page.rows.length ? `Rows ${first + 1}–${first + page.rows.length}` : 'No rows';
    replace(results,
      h('div', { class: 'row query-pager' },
        h('span', { id: 'query-range', 'aria-live': 'polite' }, range),
        h('button', { id: 'query-previous', type: 'button', disabled: !next.hasPrevious,
          onclick: () => guarded(() => showPage(next, (p) => p.previous())) }, 'Previous page'),
        h('button', { id: 'query-next', type: 'button', disabled: !next.hasNext,
          onclick: () => guarded(() => showPage(next, (p) => p.next())) }, 'Next page'),
        downloadHref ? h('a', { id: 'query-download', href: downloadHref, download: '' }, 'Download results')
          : null),
      next.columns.length ? h('div', { class: 'scroll' }, resultTable(next.columns, page.rows, first))
        : h('p', { class: 'muted' }, 'The statement returned no result set.'));
  }

  function resultTable(columns, rows, first) {
    return h('table', { class: 'data query-result' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((row, i) => h('tr', {}, h('th', { scope: 'row', class: 'row-number' }, first + i + 1),
        row.map((v) => h('td', {}, v === null ? '' : v))))));
  }

  // --- recent and saved queries -------------------------------------------------------------------------------
  async function showHistory() {
    const workGroup = context.workGroup;
    replace(recent, h('p', { class: 'muted' }, 'Loading…'));
    const first = await recentExecutions(athena, workGroup);
    if (!alive() || workGroup !== context.workGroup) return;
    const body = h('tbody', {});
    const older = h('button', { id: 'query-history-older', type: 'button' }, 'Older queries');
    let nextToken = null;
    const add = (page) => {
      body.append(...page.executions.map(historyRow).map(historyLine));
      nextToken = page.nextToken;
      older.hidden = !nextToken;
    };
    older.addEventListener('click', () => guarded(async () => {
      older.disabled = true;
      try {
        add(await recentExecutions(athena, workGroup, nextToken));
      } finally {
        older.disabled = false;
      }
    }));
    add(first);
    replace(recent,
      h('div', { class: 'row' }, h('h2', {}, `Recent queries in ${workGroup}`),
        h('button', { type: 'button', onclick: () => guarded(showHistory) }, 'Refresh')),
      first.executions.length ? [h('div', { class: 'scroll' }, h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, ['Query', 'State', 'Submitted', 'Run time', 'Data scanned']
          .map((c) => h('th', { scope: 'col' }, c)))), body)), older]
        : h('p', { class: 'muted', id: 'query-history-empty' }, `No queries in ${workGroup} yet.`));
  }

  function historyLine(r) {
    return h('tr', { dataset: { id: r.id } },
      h('td', {}, h('button', { type: 'button', class: 'link', title: 'Open this query and its results',
        onclick: () => guarded(() => open(r.id)) }, r.query)),
      h('td', { class: `status-${r.state}` }, r.state), h('td', {}, r.submitted), h('td', {}, r.runTime),
      h('td', {}, r.dataScanned));
  }

  async function showSaved() {
    const workGroup = context.workGroup;
    const name = h('input', { id: 'saved-name', required: true, maxlength: 128 });
    const description = h('input', { id: 'saved-description', maxlength: 1024 });
    const form = h('form', { class: 'row saved-form', onsubmit: (event) => {
      event.preventDefault();
      guarded(() => save(name.value, description.value));
    } }, field('Name', name), field('Description', description),
    h('button', { id: 'saved-save', type: 'submit', class: 'primary' }, 'Save query'));
    const list = h('div', { id: 'saved-list' }, h('p', { class: 'muted' }, 'Loading…'));
    replace(saved, h('h2', {}, `Save the query in the editor to ${workGroup}`), form, list);
    const queries = await savedQueries(athena, workGroup);
    if (!alive() || workGroup !== context.workGroup) return;
    replace(list, queries.length ? h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ['Name', 'Description', 'Database', 'Query', '']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, queries.map((q) => h('tr', { dataset: { id: q.NamedQueryId } },
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => openSaved(q) }, q.Name)),
        h('td', {}, q.Description || ''), h('td', {}, q.Database || ''), h('td', {}, shorten(q.QueryString, 60)),
        h('td', {}, h('button', { type: 'button', 'aria-label': `Delete ${q.Name}`,
          onclick: () => guarded(() => remove(q)) }, 'Delete'))))))
      : h('p', { class: 'muted' }, `No saved queries in ${workGroup}.`));
  }

  async function save(name, description) {
    replace(problems);
    await athena('CreateNamedQuery', { Name: name, Database: context.database, QueryString: sqlArea.value,
      WorkGroup: context.workGroup, ...(description ? { Description: description } : {}) });
    await showSaved();
  }

  async function remove(namedQuery) {
    replace(problems);
    await athena('DeleteNamedQuery', { NamedQueryId: namedQuery.NamedQueryId });
    await showSaved();
  }

  async function openSaved(namedQuery) {
    replace(problems);
    sqlArea.value = namedQuery.QueryString;
    if (namedQuery.Database && namedQuery.Database !== context.database
        && [...databaseSelect.options].some((o) => o.value === namedQuery.Database)) {
      databaseSelect.value = namedQuery.Database;
      context.database = namedQuery.Database;
      await guarded(loadTables);
    }
    sqlArea.focus();
  }

  // --- start ----------------------------------------------------------------------------------------------------
  const id = query.get('id');
  if (id) {
    try {
      await open(id);
    } catch (error) {
      await loadPickers();
      replace(problems, errorBox(error));
    }
  } else {
    await loadPickers();
    syncUrl();
  }
}
