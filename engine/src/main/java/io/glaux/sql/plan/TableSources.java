package io.glaux.sql.plan;

import io.glaux.sql.TableSource;
import io.glaux.sql.connector.ConnectorScanTable;
import io.glaux.sql.schema.StoreTable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables a plan reads: every table scan, in the plan's inputs and in its sub-queries (an {@code IN (SELECT ...)}
 * or {@code EXISTS} kept as an expression), each table once, in the order first met.
 */
public final class TableSources {

    private TableSources() {
    }

    public static List<TableSource> of(RelNode plan) {
        Map<List<String>, TableSource> found = new LinkedHashMap<>();
        collect(plan, found);
        return List.copyOf(found.values());
    }

    private static void collect(RelNode node, Map<List<String>, TableSource> found) {
        if (node instanceof TableScan scan) {
            RelOptTable table = scan.getTable();
            found.computeIfAbsent(table.getQualifiedName(), name -> source(table));
        }
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                collect(subQuery.rel, found);
                return super.visitSubQuery(subQuery);
            }
        });
        for (RelNode input : node.getInputs()) {
            collect(input, found);
        }
    }

    private static TableSource source(RelOptTable table) {
        List<String> name = new ArrayList<>(table.getQualifiedName());
        while (name.size() < 3) {
            name.add(0, "");
        }
        int n = name.size();
        StoreTable stored = table.unwrap(StoreTable.class);
        String location = stored == null || stored.definition().storage() == null ? null
                : stored.definition().storage().location();
        return new TableSource(name.get(n - 3).toLowerCase(Locale.ROOT), name.get(n - 2), name.get(n - 1), location,
                table.unwrap(ConnectorScanTable.class) != null);
    }
}
