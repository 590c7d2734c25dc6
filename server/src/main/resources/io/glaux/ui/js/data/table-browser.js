// Catalogs → databases → tables through Athena's metadata API; picking a table hands its TableMetadata on.
import { h, field, select, errorBox, replace } from '../ui/dom.js';
import { athenaAll } from './api.js';

/**
 * A browser starting at {catalog, database, table} (any may be empty); onTable(catalog, database, metadata) is
 * called when a table is picked.
 */
export function tableBrowser(client, initial, onTable) {
  const catalog = select([], '', { name: 'catalog' });
  const database = select([], '', { name: 'database' });
  const table = select([], '', { name: 'table' });
  const status = h('div', { 'aria-live': 'polite' });
  let tables = [];

  const fill = (control, names, value, prompt) => {
    replace(control, h('option', { value: '' }, prompt),
      names.map((n) => h('option', { value: n, selected: n === value }, n)));
  };
  const guard = async (work) => {
    status.replaceChildren();
    try {
      await work();
    } catch (error) {
      status.append(errorBox(error));
    }
  };
  const loadTables = (value) => guard(async () => {
    tables = database.value ? await athenaAll(client, 'ListTableMetadata', { CatalogName: catalog.value,
      DatabaseName: database.value }, 'TableMetadataList') : [];
    fill(table, tables.map((t) => t.Name), value, tables.length ? 'Pick a table' : 'No tables');
  });
  const loadDatabases = (value, tableValue) => guard(async () => {
    const list = catalog.value ? await athenaAll(client, 'ListDatabases', { CatalogName: catalog.value },
      'DatabaseList') : [];
    fill(database, list.map((d) => d.Name), value, 'Pick a database');
    await loadTables(tableValue);
  });
  catalog.addEventListener('change', () => loadDatabases('', ''));
  database.addEventListener('change', () => loadTables(''));
  table.addEventListener('change', () => {
    const metadata = tables.find((t) => t.Name === table.value);
    if (metadata) onTable(catalog.value, database.value, metadata);
  });

  const ready = guard(async () => {
    const catalogs = await athenaAll(client, 'ListDataCatalogs', {}, 'DataCatalogsSummary');
    const names = catalogs.map((c) => c.CatalogName);
    fill(catalog, names, initial.catalog || (names.includes('AwsDataCatalog') ? 'AwsDataCatalog' : ''),
      'Pick a catalog');
    await loadDatabases(initial.database || '', initial.table || '');
  });
  const element = h('div', { class: 'table-browser' },
    h('div', { class: 'browser' }, field('Catalog', catalog), field('Database', database), field('Table', table)),
    status);
  return { element, ready };
}
