package io.glaux.spice;

import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;

import java.util.List;

/**
 * A SPICE dataset as a SQL table. Scans read only the projected columns, row by row, from the version current when
 * the scan starts (held until the scan closes, so a refresh during the query does not disturb it). Filters are left
 * to the engine.
 */
final class SpiceTable extends DatasetTable implements ProjectableFilterableTable {

    SpiceTable(SpiceService service, SpiceDataset dataset) {
        super(service, dataset);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        ScanContext context = ScanContext.from(root);
        int[] columns = projects != null ? projects.clone()
                : java.util.stream.IntStream.range(0, dataset.columns().size()).toArray();
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return new SpiceRowEnumerator(service.acquire(dataset), columns, context);
            }
        };
    }
}
