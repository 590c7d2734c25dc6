package io.glaux.exec;

import io.glaux.catalog.Catalog;
import io.glaux.catalog.Column;
import io.glaux.catalog.Partition;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.ddl.DdlStatement;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.FormatRegistry;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryContext;
import io.glaux.sql.QueryPlanner;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;
import org.apache.calcite.linq4j.Enumerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT INTO t [(columns)] query: writes new objects into the table's location (new partition folders for a
 * partitioned table, registered in the catalog). Columns not listed are NULL. Existing objects are never touched.
 */
final class InsertRunner {

    private final Catalog catalog;
    private final QueryPlanner planner;
    private final ObjectStore store;
    private final FormatRegistry formats;

    InsertRunner(Catalog catalog, QueryPlanner planner, ObjectStore store, FormatRegistry formats) {
        this.catalog = catalog;
        this.planner = planner;
        this.store = store;
        this.formats = formats;
    }

    CreateTableAsRunner.WriteOutcome run(String queryId, DdlStatement.InsertInto statement, QueryContext context,
                                         List<String> parameters, ScanContext scan) throws IOException {
        String database = statement.table().databaseOr(context.database());
        TableDefinition table = catalog.getTable(database, statement.table().name()).orElseThrow(() ->
                new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.TABLE_NOT_FOUND, "Table '"
                        + context.catalog() + "." + database + "." + statement.table().name() + "' does not exist"));
        if (table.isView()) {
            throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED,
                    "Inserting into views is not supported");
        }
        List<Column> all = table.allColumns();
        int[] targetOf = targets(statement.columns(), all);
        PreparedQuery query = planner.prepare(statement.query(), context, parameters, scan.cancelFlag());
        List<Column> queryColumns = query.tableColumns();
        List<Column> targetColumns = new ArrayList<>();
        for (int target : targetOf) {
            targetColumns.add(all.get(target));
        }
        ValueCoercion.checkCompatible(targetColumns, queryColumns);

        S3Location location = S3Location.parse(table.storage().location());
        List<TableDataWriter.Written> written;
        long rows;
        TableDataWriter writer = new TableDataWriter(store, formats.writer(table.storage().format()),
                TableWrites.writerProperties(table), location, table.columns(), table.partitionKeys(), queryId);
        try (writer) {
            try (Enumerator<Object[]> results = query.runAsTableRows(scan, scan.cancelFlag())) {
                while (results.moveNext()) {
                    Object[] source = results.current();
                    Object[] row = new Object[all.size()];
                    for (int i = 0; i < targetOf.length; i++) {
                        row[targetOf[i]] = ValueCoercion.coerce(source[i], all.get(targetOf[i]).type());
                    }
                    writer.write(row);
                }
            }
            written = writer.commit();
            rows = writer.rowCount();
        }
        List<Partition> partitions = TableDataWriter.partitions(written);
        if (!partitions.isEmpty()) {
            try {
                catalog.addPartitions(database, table.name(), partitions, true);
            } catch (RuntimeException e) {
                writer.rollback(written);
                throw e;
            }
        }
        return new CreateTableAsRunner.WriteOutcome(written.stream().map(TableDataWriter.Written::object).toList(),
                rows);
    }

    /** For each query column, the index of the table column it fills. */
    private static int[] targets(List<String> named, List<Column> all) {
        if (named.isEmpty()) {
            return java.util.stream.IntStream.range(0, all.size()).toArray();
        }
        int[] targets = new int[named.size()];
        for (int i = 0; i < named.size(); i++) {
            int index = -1;
            for (int c = 0; c < all.size(); c++) {
                if (all.get(c).name().equals(named.get(i))) {
                    index = c;
                }
            }
            if (index < 0) {
                throw new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.COLUMN_NOT_FOUND,
                        "Insert column name does not exist in target table: " + named.get(i));
            }
            targets[i] = index;
        }
        return targets;
    }
}
