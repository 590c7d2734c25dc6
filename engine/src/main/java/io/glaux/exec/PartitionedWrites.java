package io.glaux.exec;

import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

import java.util.List;
import java.util.Locale;

/**
 * The {@code partitioned_by} property of CTAS and UNLOAD: an ARRAY of column names that must be the query's last
 * columns, in the same order, with at least one data column before them (Hive writes partition values into folder
 * names, not into the files).
 */
final class PartitionedWrites {

    private PartitionedWrites() {
    }

    /** The property's column names, lower case; empty when absent. */
    static List<String> columnNames(Object property) {
        if (property == null) {
            return List.of();
        }
        if (property instanceof List<?> list) {
            return list.stream().map(o -> o.toString().toLowerCase(Locale.ROOT)).toList();
        }
        throw new GlauxException(ErrorType.INVALID_ARGUMENT, "partitioned_by must be an ARRAY of column names");
    }

    /** How many of {@code columns} are data columns, once checked that the partition columns close the list. */
    static int dataColumnCount(List<Column> columns, List<String> partitionedBy) {
        int dataCount = columns.size() - partitionedBy.size();
        for (int i = 0; i < partitionedBy.size(); i++) {
            if (dataCount < 1 || !columns.get(dataCount + i).name().equals(partitionedBy.get(i))) {
                throw new GlauxException(ErrorType.USER_ERROR, "Partition columns " + partitionedBy
                        + " must be the last columns of the query, in the same order");
            }
        }
        return dataCount;
    }
}
