package io.glaux.sql.plan;

import io.glaux.catalog.TableDefinition;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The tables a plan reads: every table scan, in the plan's inputs and in its sub-queries (an {@code IN (SELECT ...)}
 * or {@code EXISTS} kept as an expression), each table once, in the order first met.
 */
public final class TableSources {

    private TableSources() {
    }

    public static List<TableSource> of(RelNode plan) {
        Map<List<String>, TableSource> found = new LinkedHashMap<>();
        forEachScan(plan, table -> found.computeIfAbsent(table.getQualifiedName(), name -> source(table)));
        return List.copyOf(found.values());
    }

    /**
     * The definitions of the store tables the plan scans more than once (TPC-H Q2's partsupp, in the query and in its
     * correlated sub-query): a run can read such a table's columns once for the scans that read it alike. (Each
     * scan's table may be an object of its own; their definitions are equal.)
     */
    public static Set<Object> readMoreThanOnce(RelNode plan) {
        Set<TableDefinition> scanned = new HashSet<>();
        Set<Object> repeated = new HashSet<>();
        forEachScan(plan, table -> {
            StoreTable stored = table.unwrap(StoreTable.class);
            if (stored != null && !scanned.add(stored.definition())) {
                repeated.add(stored.definition());
            }
        });
        return Collections.unmodifiableSet(repeated);
    }

    /** Each table scan of the plan, once per scan, sub-queries included. */
    private static void forEachScan(RelNode node, Consumer<RelOptTable> action) {
        if (node instanceof TableScan scan) {
            action.accept(scan.getTable());
        }
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                forEachScan(subQuery.rel, action);
                return super.visitSubQuery(subQuery);
            }
        });
        for (RelNode input : node.getInputs()) {
            forEachScan(input, action);
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
