package io.glaux.quicksight.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A dataset compiled for Glaux: one SELECT producing its rows (its column aliases are the output column names, quoted,
 * in order), the columns as QuickSight reports them, the one data source all its physical tables read (and that data
 * source's workgroup, to run the SQL in), and the LogicalTableMap in effect (the one given, or the one QuickSight
 * generates when none is given).
 */
public record CompiledDataSet(String sql, List<OutputColumn> outputColumns, String dataSourceArn, String workGroup,
                              ObjectNode logicalTableMap) {
    public CompiledDataSet {
        outputColumns = List.copyOf(outputColumns);
    }
}
