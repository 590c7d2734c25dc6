// The dataset editor's state ↔ a CreateDataSet / UpdateDataSet body: one physical table (a RelationalTable or a
// CustomSql), one logical table over it whose DataTransforms are, in order, the renames, the type casts, the
// calculated columns, the filters and the projection leaving out the hidden columns.
//
// State: {id, name, importMode, dataSourceArn, physicalId, logicalId,
//   source: {kind: 'table', catalog, database, table} | {kind: 'sql', name, sql},
//   columns: [{name, type, subType, rename, castTo, hidden}]   (the physical table's InputColumns)
//   calculated: [{key, id, name, expression}], filters: [{key, expression}]}

/** The types a column can be cast to (CastColumnTypeOperation's ColumnDataType). */
export const CAST_TYPES = ['STRING', 'INTEGER', 'DECIMAL', 'DATETIME'];

/** The type a dataset field has for an InputColumn type (BIT reads as INTEGER, BOOLEAN and JSON as STRING). */
export function fieldType(inputType) {
  if (CAST_TYPES.includes(inputType)) return inputType;
  return inputType === 'BIT' ? 'INTEGER' : 'STRING';
}

/** A column's name after its rename (if any). */
export function finalName(column) {
  return column.rename && column.rename.trim() ? column.rename.trim() : column.name;
}

/** The columns the dataset gives, in order: [{name, type, calculated}] (calculated types are known once saved). */
export function outputColumns(state) {
  const kept = state.columns.filter((c) => !c.hidden).map((c) => ({ name: finalName(c),
    type: c.castTo || fieldType(c.type), calculated: false }));
  return kept.concat(state.calculated.filter((c) => c.name).map((c) => ({ name: c.name, type: null,
    calculated: true })));
}

function physicalTable(state) {
  const columns = state.columns.map((c) => (c.subType ? { Name: c.name, Type: c.type, SubType: c.subType }
    : { Name: c.name, Type: c.type }));
  if (state.source.kind === 'sql') {
    return { CustomSql: { DataSourceArn: state.dataSourceArn, Name: state.source.name || 'query',
      SqlQuery: state.source.sql, Columns: columns } };
  }
  const table = { DataSourceArn: state.dataSourceArn, Name: state.source.table, InputColumns: columns };
  if (state.source.catalog) table.Catalog = state.source.catalog;
  if (state.source.database) table.Schema = state.source.database;
  return { RelationalTable: table };
}

/** The DataTransforms of the state and, parallel to them, where each came from ({kind, key} or {kind, keys}). */
export function transforms(state) {
  const list = [];
  const origins = [];
  for (const c of state.columns) {
    if (finalName(c) !== c.name) {
      list.push({ RenameColumnOperation: { ColumnName: c.name, NewColumnName: finalName(c) } });
      origins.push({ kind: 'rename', key: c.name });
    }
  }
  for (const c of state.columns) {
    if (c.castTo && c.castTo !== fieldType(c.type)) {
      list.push({ CastColumnTypeOperation: { ColumnName: finalName(c), NewColumnType: c.castTo } });
      origins.push({ kind: 'cast', key: c.name });
    }
  }
  const calculated = state.calculated.filter((c) => c.name || c.expression);
  if (calculated.length) {
    list.push({ CreateColumnsOperation: { Columns: calculated.map((c) => ({ ColumnName: c.name,
      ColumnId: c.id, Expression: c.expression })) } });
    origins.push({ kind: 'calculated', keys: Object.fromEntries(calculated.map((c) => [c.name, c.key])),
      key: calculated.length === 1 ? calculated[0].key : null });
  }
  for (const f of state.filters.filter((x) => x.expression && x.expression.trim())) {
    list.push({ FilterOperation: { ConditionExpression: f.expression } });
    origins.push({ kind: 'filter', key: f.key });
  }
  if (state.columns.some((c) => c.hidden)) {
    list.push({ ProjectOperation: { ProjectedColumns: outputColumns(state).map((c) => c.name) } });
    origins.push({ kind: 'project', key: 'project' });
  }
  return { list, origins };
}

/** The CreateDataSet body of the state (UpdateDataSet takes the same without DataSetId) and the transforms' origins. */
export function buildDataSet(state) {
  const physicalId = state.physicalId || 'physical';
  const logicalId = state.logicalId || 'logical';
  const { list, origins } = transforms(state);
  const logical = { Alias: (state.source.kind === 'sql' ? state.source.name : state.source.table) || 'data',
    Source: { PhysicalTableId: physicalId } };
  if (list.length) logical.DataTransforms = list;
  const body = { DataSetId: state.id, Name: state.name, ImportMode: state.importMode,
    PhysicalTableMap: { [physicalId]: physicalTable(state) }, LogicalTableMap: { [logicalId]: logical } };
  return { body, origins };
}

/** UpdateDataSet's body: CreateDataSet's without the id (it is in the path). */
export function updateBody(body) {
  const { DataSetId, ...rest } = body;
  return rest;
}

/** The editor's state of a dataset as DescribeDataSet gives it; throws when it has more than the editor shows. */
export function stateFromDataSet(dataSet) {
  const physical = Object.entries(dataSet.PhysicalTableMap || {});
  if (physical.length !== 1) throw new Error(`This editor shows datasets of one table; ${dataSet.DataSetId} has ${physical.length}`);
  const [physicalId, table] = physical[0];
  const logical = Object.entries(dataSet.LogicalTableMap || {})
    .find(([, t]) => t.Source && t.Source.PhysicalTableId === physicalId);
  let source;
  let inputs;
  let dataSourceArn;
  if (table.RelationalTable) {
    const t = table.RelationalTable;
    source = { kind: 'table', catalog: t.Catalog || '', database: t.Schema || '', table: t.Name };
    inputs = t.InputColumns;
    dataSourceArn = t.DataSourceArn;
  } else if (table.CustomSql) {
    const t = table.CustomSql;
    source = { kind: 'sql', name: t.Name, sql: t.SqlQuery };
    inputs = t.Columns || [];
    dataSourceArn = t.DataSourceArn;
  } else {
    throw new Error(`This editor shows tables and custom SQL; ${dataSet.DataSetId} reads ${Object.keys(table)[0]}`);
  }
  const columns = inputs.map((c) => ({ name: c.Name, type: c.Type, subType: c.SubType || '', rename: '',
    castTo: '', hidden: false }));
  const state = { id: dataSet.DataSetId, name: dataSet.Name, importMode: dataSet.ImportMode, dataSourceArn,
    physicalId, logicalId: logical ? logical[0] : 'logical', source, columns, calculated: [], filters: [] };
  const byName = (name) => columns.find((c) => finalName(c) === name);
  for (const op of (logical ? logical[1].DataTransforms || [] : [])) {
    if (op.RenameColumnOperation) {
      const c = byName(op.RenameColumnOperation.ColumnName);
      if (!c) throw new Error(`Rename of an unknown column ${op.RenameColumnOperation.ColumnName}`);
      c.rename = op.RenameColumnOperation.NewColumnName;
    } else if (op.CastColumnTypeOperation) {
      const c = byName(op.CastColumnTypeOperation.ColumnName);
      if (!c) throw new Error(`Cast of an unknown column ${op.CastColumnTypeOperation.ColumnName}`);
      c.castTo = op.CastColumnTypeOperation.NewColumnType;
    } else if (op.CreateColumnsOperation) {
      for (const k of op.CreateColumnsOperation.Columns) {
        state.calculated.push({ key: k.ColumnId, id: k.ColumnId, name: k.ColumnName, expression: k.Expression });
      }
    } else if (op.FilterOperation && op.FilterOperation.ConditionExpression) {
      state.filters.push({ key: `filter-${state.filters.length + 1}`, expression: op.FilterOperation.ConditionExpression });
    } else if (op.ProjectOperation) {
      const kept = new Set(op.ProjectOperation.ProjectedColumns);
      for (const c of columns) c.hidden = !kept.has(finalName(c));
    } else {
      throw new Error(`This editor does not show ${Object.keys(op)[0]}`);
    }
  }
  return state;
}
