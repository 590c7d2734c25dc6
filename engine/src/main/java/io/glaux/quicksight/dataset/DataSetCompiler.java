package io.glaux.quicksight.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.DataSetModel.LogicalTable;
import io.glaux.quicksight.dataset.DataSetModel.PhysicalTable;
import io.glaux.quicksight.expression.ExpressionTranslator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a QuickSight dataset definition (its PhysicalTableMap and LogicalTableMap, as CreateDataSet received them)
 * into the one SELECT producing its rows, its OutputColumns and the LogicalTableMap in effect. Stateless and safe to
 * share; everything it refuses is a {@link QuickSightException} of kind INVALID.
 */
public final class DataSetCompiler {

    private final Transforms transforms = new Transforms(new ExpressionTranslator());
    private final Joins joins = new Joins(transforms);

    /**
     * @param physicalTableMap the PhysicalTableMap: id → PhysicalTable (RelationalTable or CustomSql)
     * @param logicalTableMap  the LogicalTableMap, or null (or JSON null) when none was given: QuickSight then makes
     *                         one logical table per physical table, with the same id and the physical table's Name as
     *                         Alias
     * @param dataSources      the account's data sources
     */
    public CompiledDataSet compile(JsonNode physicalTableMap, JsonNode logicalTableMap, DataSourceLookup dataSources) {
        Objects.requireNonNull(dataSources, "dataSources");
        Map<String, PhysicalTable> physical = DataSetReader.physicalTables(physicalTableMap);
        String dataSourceArn = dataSource(physical);
        Optional<String> workGroup = dataSources.workGroup(dataSourceArn);
        if (workGroup.isEmpty()) {
            throw QuickSightException.invalid("The data source " + dataSourceArn + " does not exist");
        }
        boolean given = logicalTableMap != null && !logicalTableMap.isNull();
        if (given && !logicalTableMap.isObject()) {
            throw QuickSightException.invalid("LogicalTableMap must be a map of logical table ids to logical tables");
        }
        ObjectNode effective = given ? ((ObjectNode) logicalTableMap).deepCopy() : generatedLogicalTables(physical);
        Map<String, LogicalTable> logical = DataSetReader.logicalTables(effective);
        String root = LogicalTableGraph.root(logical, physical);
        Relation rows = relation(root, logical, physical);
        List<OutputColumn> columns = rows.fields().stream().map(Field::output).toList();
        List<String> expressions = new ArrayList<>(Sql.passThrough(rows.fields()));
        String sql = Sql.select(expressions, Transforms.names(rows.fields()), rows.sql(), null);
        return new CompiledDataSet(sql, columns, dataSourceArn, workGroup.get(), effective);
    }

    /**
     * The one data source of all physical tables. QuickSight can join tables of different data sources only by
     * importing them into SPICE (a cross-source join); Glaux runs a dataset as one Athena query, so it refuses them.
     */
    private static String dataSource(Map<String, PhysicalTable> physical) {
        Set<String> arns = new LinkedHashSet<>();
        physical.values().forEach(t -> arns.add(t.dataSourceArn()));
        if (arns.size() > 1) {
            throw QuickSightException.invalid("All physical tables of a dataset must use the same data source; "
                    + "Glaux does not support cross-source joins, and this dataset uses " + String.join(", ", arns));
        }
        return arns.iterator().next();
    }

    /** The LogicalTableMap QuickSight makes when none is given: one logical table per physical table. */
    static ObjectNode generatedLogicalTables(Map<String, PhysicalTable> physical) {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        for (PhysicalTable t : physical.values()) {
            ObjectNode table = map.putObject(t.id());
            table.put("Alias", t.name());
            table.putObject("Source").put("PhysicalTableId", t.id());
        }
        return map;
    }

    private Relation relation(String id, Map<String, LogicalTable> logical, Map<String, PhysicalTable> physical) {
        LogicalTable t = logical.get(id);
        String where = "LogicalTable " + id + " (" + t.alias() + ")";
        Relation source;
        if (t.physicalTableId() != null) {
            source = PhysicalRelations.read(physical.get(t.physicalTableId()));
        } else {
            Relation left = relation(t.join().leftOperand(), logical, physical);
            Relation right = relation(t.join().rightOperand(), logical, physical);
            source = joins.join(left, right, logical.get(t.join().rightOperand()).alias(), t.join(), where);
        }
        return transforms.apply(source, t.transforms(), where);
    }
}
