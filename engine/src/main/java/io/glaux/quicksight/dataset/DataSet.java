package io.glaux.quicksight.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.quicksight.ResourcePermission;
import io.glaux.quicksight.SharedResource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A QuickSight dataset as stored: what CreateDataSet or UpdateDataSet received (the table maps, the import mode and
 * the other members kept whole in {@code settings}), and what Glaux compiled from it (the SQL of its rows, its
 * OutputColumns, the data source and workgroup it runs in).
 *
 * @param importMode SPICE or DIRECT_QUERY
 * @param settings the other members of the request as sent (ColumnGroups, FieldFolders, DatasetParameters, ...)
 */
public record DataSet(String id, String arn, String name, String importMode, JsonNode physicalTableMap,
        CompiledDataSet compiled, ObjectNode settings, Instant createdTime, Instant lastUpdatedTime,
        List<ResourcePermission> permissions, Map<String, String> tags) implements SharedResource<DataSet> {

    public static final String SPICE = "SPICE";
    public static final String DIRECT_QUERY = "DIRECT_QUERY";

    public DataSet {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public boolean spice() {
        return SPICE.equals(importMode);
    }

    @Override
    public DataSet withPermissions(List<ResourcePermission> newPermissions) {
        return new DataSet(id, arn, name, importMode, physicalTableMap, compiled, settings, createdTime,
                lastUpdatedTime, newPermissions, tags);
    }

    @Override
    public DataSet withTags(Map<String, String> newTags) {
        return new DataSet(id, arn, name, importMode, physicalTableMap, compiled, settings, createdTime,
                lastUpdatedTime, permissions, newTags);
    }
}
