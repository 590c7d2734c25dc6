package io.glaux.sql;

import io.glaux.catalog.Column;
import io.glaux.sql.scan.BatchScan;
import io.glaux.sql.scan.ScanContext;
import io.glaux.sql.schema.StoreTable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

import java.util.List;
import java.util.Optional;

/**
 * A query that only reads columns of one store table, whole (no filter, no expression, no join): its rows are the
 * table's, and can be read as column batches straight from the objects ({@link BatchScan}) instead of row by row
 * through the planned operators. Found in the physical plan, so it holds whatever the planner folded away (a
 * projection of a projection, a {@code SELECT *}).
 */
public final class ColumnScan {

    private final StoreTable table;
    private final int[] fields;
    private final List<Column> columns;

    private ColumnScan(StoreTable table, int[] fields, List<Column> columns) {
        this.table = table;
        this.fields = fields;
        this.columns = columns;
    }

    /** The column scan {@code plan} is, or empty when it does anything else. */
    static Optional<ColumnScan> of(RelNode plan, List<Column> columns) {
        int[] picks = null;
        RelNode rel = plan;
        if (rel instanceof EnumerableCalc calc) {
            RexProgram program = calc.getProgram();
            if (program.getCondition() != null) {
                return Optional.empty();
            }
            picks = inputRefs(program.getProjectList().stream().map(program::expandLocalRef).toList());
            rel = calc.getInput();
        } else if (rel instanceof EnumerableProject project) {
            picks = inputRefs(project.getProjects());
            rel = project.getInput();
        }
        if (picks == null && rel != plan) {
            return Optional.empty();
        }
        if (rel instanceof EnumerableInterpreter interpreter) {
            rel = interpreter.getInput();
        }
        List<Integer> projects;
        if (rel instanceof Bindables.BindableTableScan scan && scan.filters.isEmpty()) {
            projects = scan.projects;
        } else if (rel instanceof EnumerableTableScan) {
            projects = List.of();
        } else {
            return Optional.empty();
        }
        StoreTable table = rel.getTable().unwrap(StoreTable.class);
        if (table == null) {
            return Optional.empty();
        }
        int width = rel.getRowType().getFieldCount();
        int[] scanned = new int[width];
        for (int i = 0; i < width; i++) {
            scanned[i] = projects.isEmpty() ? i : projects.get(i);
        }
        int[] fields = picks == null ? scanned : new int[picks.length];
        if (picks != null) {
            for (int i = 0; i < picks.length; i++) {
                fields[i] = scanned[picks[i]];
            }
        }
        if (fields.length != columns.size()) {
            return Optional.empty();
        }
        return Optional.of(new ColumnScan(table, fields, List.copyOf(columns)));
    }

    /** The input fields the expressions pick, or null when one is not a plain field. */
    private static int[] inputRefs(List<RexNode> expressions) {
        int[] picks = new int[expressions.size()];
        for (int i = 0; i < picks.length; i++) {
            if (!(expressions.get(i) instanceof RexInputRef ref)) {
                return null;
            }
            picks[i] = ref.getIndex();
        }
        return picks;
    }

    /** The query's output columns (names as the query gives them, types of the table's columns). */
    public List<Column> columns() {
        return columns;
    }

    /** Starts reading the table's batches; the caller closes the scan. */
    public BatchScan open(ScanContext context, BufferAllocator allocator, int maxRows) {
        return table.batches(fields, context, allocator, maxRows);
    }
}
