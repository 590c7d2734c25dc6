package io.glaux.spice;

import io.glaux.sql.schema.TypeMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;

/** A SPICE dataset as a SQL table: its columns; the subclasses decide how it is scanned. */
abstract class DatasetTable extends AbstractTable {

    protected final SpiceService service;
    protected final SpiceDataset dataset;

    DatasetTable(SpiceService service, SpiceDataset dataset) {
        this.service = service;
        this.dataset = dataset;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return TypeMapping.rowType(typeFactory, dataset.columns());
    }

    /** The current version's exact row count, for the planner's join order (Calcite assumes 100 rows otherwise). */
    @Override
    public Statistic getStatistic() {
        return Statistics.of(dataset.rows(), List.of());
    }
}
