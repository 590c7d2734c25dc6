package io.glaux.sql.schema;

import io.glaux.catalog.TableDefinition;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.scan.TableScanner;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A catalog table whose rows live in store objects. Calcite hands it the projected columns and the filters; it reads
 * only those columns, prunes partitions and lets readers skip data with the filters, but consumes none of them: the
 * engine re-applies every filter to what comes back.
 */
public final class StoreTable extends AbstractTable implements ProjectableFilterableTable {

    private final TableDefinition definition;
    private final TableScanner scanner;
    private Statistic statistic;

    StoreTable(TableDefinition definition, TableScanner scanner) {
        this.definition = definition;
        this.scanner = scanner;
    }

    public TableDefinition definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return TypeMapping.rowType(typeFactory, definition.allColumns());
    }

    /** The table's estimated row count, looked up once per planning of a query (a table is resolved per query). */
    @Override
    public Statistic getStatistic() {
        if (statistic == null) {
            OptionalDouble rows = scanner.estimatedRows(definition);
            statistic = rows.isPresent() ? Statistics.of(rows.getAsDouble(), List.of()) : Statistics.UNKNOWN;
        }
        return statistic;
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        ScanContext context = ScanContext.from(root);
        return scanner.scan(definition, List.copyOf(filters), projects, context);
    }
}
