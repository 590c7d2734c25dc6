/**
 * QuickSight datasets compiled for Glaux: {@link io.glaux.quicksight.dataset.DataSetCompiler#compile} turns a
 * dataset's PhysicalTableMap and LogicalTableMap (as CreateDataSet received them) into a
 * {@link io.glaux.quicksight.dataset.CompiledDataSet}: one Athena SELECT producing the dataset's rows (for SPICE
 * ingestion and DIRECT_QUERY visuals), its {@link io.glaux.quicksight.dataset.OutputColumn}s, its data source and the
 * LogicalTableMap in effect.
 *
 * <h2>Pipeline</h2>
 * {@code DataSetReader} (JSON → {@code DataSetModel} records) → {@code LogicalTableGraph} (the root) →
 * {@code PhysicalRelations}, {@code Joins}, {@code Transforms} (each step a {@code Relation}: a SELECT over the one
 * before it, and its {@code Field}s).
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>A RelationalTable reads {@code "Catalog"."Schema"."Name"}, Catalog defaulting to AwsDataCatalog and Schema to
 *       Athena's {@code default} database. Each InputColumn is read with {@code TRY_CAST} to its type (INTEGER and
 *       BIT → BIGINT, DECIMAL → DECIMAL(38,4) when FIXED or without a sub type, DOUBLE when FLOAT, DATETIME →
 *       TIMESTAMP(3), STRING and JSON → VARCHAR, BOOLEAN → the text true/false): a value that does not convert is
 *       NULL instead of failing the query, so the ingestion can count it as skipped.</li>
 *   <li>A CustomSql is a subquery (trailing semicolons removed) read the same way through its Columns.</li>
 *   <li>Without a LogicalTableMap, the map in effect has one logical table per physical table, with the same id, the
 *       physical table's Name as Alias and {@code Source.PhysicalTableId}; so a dataset without one must have exactly
 *       one physical table.</li>
 *   <li>The root logical table is the one no JoinInstruction uses as an operand: exactly one, no cycles.</li>
 *   <li>A join's result has the left columns then the right ones; a right column whose name the left side has is
 *       named {@code name[Alias]} after the right logical table's Alias. The OnClause is a QuickSight condition over
 *       those names; OUTER is FULL OUTER.</li>
 *   <li>Transforms apply in order. Filter conditions, calculated columns and OnClauses are translated by
 *       {@link io.glaux.quicksight.expression.ExpressionTranslator}; aggregate functions are refused, as QuickSight
 *       makes them available only during analysis. Calculated decimals are FLOAT (DOUBLE). Casting STRING to
 *       DATETIME with a Format parses like {@code parseDate}; text that does not convert becomes NULL.</li>
 *   <li>Column names are unique in a table after every step, ignoring case as Athena does.</li>
 *   <li>All physical tables must use one data source: Glaux runs a dataset as one Athena query, so it does not do
 *       QuickSight's cross-source joins.</li>
 * </ul>
 *
 * <h2>Not supported (refused as INVALID)</h2>
 * S3Source, SaaSTable and FileSource physical tables; logical tables reading another dataset (DataSetArn);
 * OverrideDatasetParameterOperation; SEMISTRUCT input columns; casts from DATETIME to numbers or from numbers to
 * DATETIME. JoinKeyProperties and geographic roles are accepted and have no effect on the rows.
 */
package io.glaux.quicksight.dataset;
