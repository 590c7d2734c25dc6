package io.glaux.quicksight.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.DataSetModel.CalculatedColumn;
import io.glaux.quicksight.dataset.DataSetModel.Cast;
import io.glaux.quicksight.dataset.DataSetModel.CreateColumns;
import io.glaux.quicksight.dataset.DataSetModel.CustomSql;
import io.glaux.quicksight.dataset.DataSetModel.Filter;
import io.glaux.quicksight.dataset.DataSetModel.InputColumn;
import io.glaux.quicksight.dataset.DataSetModel.Join;
import io.glaux.quicksight.dataset.DataSetModel.LogicalTable;
import io.glaux.quicksight.dataset.DataSetModel.PhysicalTable;
import io.glaux.quicksight.dataset.DataSetModel.Project;
import io.glaux.quicksight.dataset.DataSetModel.RelationalTable;
import io.glaux.quicksight.dataset.DataSetModel.Rename;
import io.glaux.quicksight.dataset.DataSetModel.Tag;
import io.glaux.quicksight.dataset.DataSetModel.Transform;
import io.glaux.quicksight.dataset.DataSetModel.Untag;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PhysicalTableMap and a LogicalTableMap, as the API received them, into {@link DataSetModel} records,
 * refusing (INVALID) what is missing, malformed or not served by Glaux.
 */
final class DataSetReader {

    private DataSetReader() {
    }

    static Map<String, PhysicalTable> physicalTables(JsonNode map) {
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw QuickSightException.invalid("PhysicalTableMap must contain at least one physical table");
        }
        Map<String, PhysicalTable> tables = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            tables.put(e.getKey(), physicalTable(e.getKey(), e.getValue()));
        }
        return tables;
    }

    private static PhysicalTable physicalTable(String id, JsonNode node) {
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(kinds::add);
        if (kinds.size() != 1) {
            throw QuickSightException.invalid("PhysicalTable " + id
                    + " must have exactly one of RelationalTable, CustomSql, S3Source, SaaSTable or FileSource");
        }
        String kind = kinds.get(0);
        JsonNode t = node.get(kind);
        String where = "PhysicalTable " + id + " " + kind;
        return switch (kind) {
            case "RelationalTable" -> new RelationalTable(id, required(t, "DataSourceArn", where),
                    optional(t, "Catalog"), optional(t, "Schema"), required(t, "Name", where),
                    inputColumns(t.get("InputColumns"), where, true));
            case "CustomSql" -> new CustomSql(id, required(t, "DataSourceArn", where), required(t, "Name", where),
                    required(t, "SqlQuery", where), inputColumns(t.get("Columns"), where, true));
            case "S3Source", "SaaSTable", "FileSource" -> throw QuickSightException.invalid("PhysicalTable " + id
                    + " is an " + kind + ": Glaux serves datasets over Athena tables only (RelationalTable or "
                    + "CustomSql)");
            default -> throw QuickSightException.invalid("PhysicalTable " + id + " has an unknown kind " + kind);
        };
    }

    private static List<InputColumn> inputColumns(JsonNode list, String where, boolean required) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            if (!required) {
                return List.of();
            }
            throw QuickSightException.invalid(where + " must list at least one input column");
        }
        List<InputColumn> columns = new ArrayList<>();
        for (JsonNode c : list) {
            columns.add(new InputColumn(required(c, "Name", where + " InputColumn"),
                    optional(c, "Id"), required(c, "Type", where + " InputColumn"), optional(c, "SubType")));
        }
        return columns;
    }

    static Map<String, LogicalTable> logicalTables(JsonNode map) {
        Map<String, LogicalTable> tables = new LinkedHashMap<>();
        if (map == null || map.isNull()) {
            return tables;
        }
        if (!map.isObject() || map.isEmpty()) {
            throw QuickSightException.invalid("LogicalTableMap must contain at least one logical table");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            tables.put(e.getKey(), logicalTable(e.getKey(), e.getValue()));
        }
        return tables;
    }

    private static LogicalTable logicalTable(String id, JsonNode node) {
        String where = "LogicalTable " + id;
        String alias = required(node, "Alias", where);
        JsonNode source = node.get("Source");
        if (source == null || !source.isObject()) {
            throw QuickSightException.invalid(where + " must have a Source");
        }
        int set = (source.hasNonNull("PhysicalTableId") ? 1 : 0) + (source.hasNonNull("JoinInstruction") ? 1 : 0)
                + (source.hasNonNull("DataSetArn") ? 1 : 0);
        if (set != 1) {
            throw QuickSightException.invalid(
                    "Exactly one of PhysicalTableId, JoinInstruction or DataSetArn must be set for LogicalTable " + id);
        }
        if (source.hasNonNull("DataSetArn")) {
            throw QuickSightException.invalid(where + " reads the dataset " + source.get("DataSetArn").asText()
                    + ": datasets built on other datasets are not supported by Glaux");
        }
        Join join = null;
        if (source.hasNonNull("JoinInstruction")) {
            JsonNode j = source.get("JoinInstruction");
            String w = where + " JoinInstruction";
            join = new Join(required(j, "LeftOperand", w), required(j, "RightOperand", w), required(j, "Type", w),
                    required(j, "OnClause", w));
        }
        List<Transform> transforms = new ArrayList<>();
        JsonNode list = node.get("DataTransforms");
        if (list != null && list.isArray()) {
            int i = 0;
            for (JsonNode t : list) {
                transforms.add(transform(t, where + " DataTransforms[" + i++ + "]"));
            }
        }
        return new LogicalTable(id, alias, optional(source, "PhysicalTableId"), join, transforms);
    }

    private static Transform transform(JsonNode node, String where) {
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(kinds::add);
        if (kinds.size() != 1) {
            throw QuickSightException.invalid(where + " must set exactly one operation");
        }
        String kind = kinds.get(0);
        JsonNode t = node.get(kind);
        String w = where + " " + kind;
        return switch (kind) {
            case "ProjectOperation" -> new Project(strings(t.get("ProjectedColumns"), w + " ProjectedColumns"));
            case "FilterOperation" -> new Filter(required(t, "ConditionExpression", w));
            case "CreateColumnsOperation" -> {
                List<CalculatedColumn> columns = new ArrayList<>();
                JsonNode list = t.get("Columns");
                if (list == null || !list.isArray() || list.isEmpty()) {
                    throw QuickSightException.invalid(w + " must list at least one column");
                }
                for (JsonNode c : list) {
                    columns.add(new CalculatedColumn(required(c, "ColumnName", w), required(c, "ColumnId", w),
                            required(c, "Expression", w)));
                }
                yield new CreateColumns(columns);
            }
            case "RenameColumnOperation" -> new Rename(required(t, "ColumnName", w), required(t, "NewColumnName", w));
            case "CastColumnTypeOperation" -> new Cast(required(t, "ColumnName", w), required(t, "NewColumnType", w),
                    optional(t, "SubType"), optional(t, "Format"));
            case "TagColumnOperation" -> {
                String description = null;
                JsonNode tags = t.get("Tags");
                if (tags == null || !tags.isArray() || tags.isEmpty()) {
                    throw QuickSightException.invalid(w + " must list at least one tag");
                }
                for (JsonNode tag : tags) {
                    if (tag.path("ColumnDescription").has("Text")) {
                        description = tag.path("ColumnDescription").get("Text").asText();
                    }
                }
                yield new Tag(required(t, "ColumnName", w), description);
            }
            case "UntagColumnOperation" -> new Untag(required(t, "ColumnName", w),
                    strings(t.get("TagNames"), w + " TagNames").contains("COLUMN_DESCRIPTION"));
            default -> throw QuickSightException.invalid(where + " is a " + kind + ", which Glaux does not support");
        };
    }

    private static List<String> strings(JsonNode list, String where) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw QuickSightException.invalid(where + " must not be empty");
        }
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isEmpty()) {
            throw QuickSightException.invalid(where + " is missing its " + field);
        }
        return v.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
