package io.glaux.quicksight.analysis;

import java.util.Map;
import java.util.Optional;

/**
 * What analyses and dashboards need of QuickSight's datasets: the output columns of a dataset, by ARN. Creating or
 * updating an analysis or a dashboard checks its Definition against them.
 */
@FunctionalInterface
public interface DataSetColumns {

    /** No datasets: every dataset ARN is not found. */
    DataSetColumns NONE = arn -> Optional.empty();

    /**
     * The output columns of the dataset with this ARN (column name to QuickSight type: STRING, INTEGER, DECIMAL,
     * DATETIME), in order; empty when there is no such dataset.
     */
    Optional<Map<String, String>> outputColumns(String dataSetArn);
}
