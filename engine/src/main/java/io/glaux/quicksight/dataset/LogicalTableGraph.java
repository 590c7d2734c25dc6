package io.glaux.quicksight.dataset;

import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.DataSetModel.Join;
import io.glaux.quicksight.dataset.DataSetModel.LogicalTable;
import io.glaux.quicksight.dataset.DataSetModel.PhysicalTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that logical tables form one tree: every PhysicalTableId and join operand exists, no table joins itself
 * through others (a cycle), and exactly one table (the root, whose rows are the dataset's) is no join's operand.
 */
final class LogicalTableGraph {

    private LogicalTableGraph() {
    }

    /** The id of the root logical table. */
    static String root(Map<String, LogicalTable> logical, Map<String, PhysicalTable> physical) {
        Set<String> operands = new HashSet<>();
        for (LogicalTable t : logical.values()) {
            if (t.physicalTableId() != null && !physical.containsKey(t.physicalTableId())) {
                throw QuickSightException.invalid("LogicalTable " + t.id() + " reads PhysicalTableId "
                        + t.physicalTableId() + ", which is not in the PhysicalTableMap");
            }
            Join j = t.join();
            if (j != null) {
                for (String operand : List.of(j.leftOperand(), j.rightOperand())) {
                    if (!logical.containsKey(operand)) {
                        throw QuickSightException.invalid("LogicalTable " + t.id() + " joins " + operand
                                + ", which is not in the LogicalTableMap");
                    }
                    operands.add(operand);
                }
            }
        }
        List<String> roots = new ArrayList<>();
        for (String id : logical.keySet()) {
            if (!operands.contains(id)) {
                roots.add(id);
            }
        }
        if (roots.isEmpty()) {
            throw QuickSightException.invalid("The LogicalTableMap has no root logical table: its joins form a cycle");
        }
        if (roots.size() > 1) {
            throw QuickSightException.invalid("The LogicalTableMap must have exactly one root logical table (one "
                    + "that no JoinInstruction uses as an operand), but has " + roots.size() + ": "
                    + String.join(", ", roots));
        }
        Set<String> reached = new HashSet<>();
        visit(roots.get(0), logical, new ArrayList<>(), reached);
        for (String id : logical.keySet()) {
            if (!reached.contains(id)) {
                throw QuickSightException.invalid("LogicalTable " + id
                        + " is part of a join cycle and never reaches the root logical table " + roots.get(0));
            }
        }
        return roots.get(0);
    }

    private static void visit(String id, Map<String, LogicalTable> logical, List<String> path, Set<String> reached) {
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            throw QuickSightException.invalid("The LogicalTableMap's joins form a cycle: "
                    + String.join(" -> ", cycle));
        }
        reached.add(id);
        Join j = logical.get(id).join();
        if (j != null) {
            path.add(id);
            visit(j.leftOperand(), logical, path, reached);
            visit(j.rightOperand(), logical, path, reached);
            path.remove(path.size() - 1);
        }
    }
}
