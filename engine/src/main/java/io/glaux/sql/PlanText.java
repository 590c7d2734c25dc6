package io.glaux.sql;

import io.glaux.sql.vector.plan.VectorQuery;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A physical plan as the lines of Trino's text EXPLAIN: one fragment ({@code Fragment 0 [SINGLE]}, as Glaux runs a
 * query in one process) holding a tree of operators drawn with {@code └─}, each with its output layout and Calcite's
 * row-count estimate, and with EXPLAIN ANALYZE the rows it really produced. Operator names follow Trino's where one
 * corresponds (TableScan, ScanFilterProject, FilterProject, Project, Aggregate, InnerJoin, TopN, Sort, Limit,
 * Values, Union, Window); others keep Calcite's name without its convention prefix.
 */
final class PlanText {

    private final RelMetadataQuery metadata;
    private final Map<RelNode, Long> actualRows;
    private final List<String> lines = new ArrayList<>();

    private PlanText(RelMetadataQuery metadata, Map<RelNode, Long> actualRows) {
        this.metadata = metadata;
        this.actualRows = actualRows;
    }

    /**
     * @param plan the optimized physical plan
     * @param columnNames the query's output column names
     * @param actualRows rows each operator produced (EXPLAIN ANALYZE), or empty for estimates only
     */
    static List<String> of(RelNode plan, List<String> columnNames, Map<RelNode, Long> actualRows) {
        PlanText text = new PlanText(plan.getCluster().getMetadataQuery(), actualRows);
        text.lines.add("Fragment 0 [SINGLE]");
        text.lines.add("    Output layout: " + columnNames);
        text.lines.add("    Output partitioning: SINGLE []");
        text.lines.add("    Output[columnNames = " + columnNames + "]");
        text.details(plan, "    │   ");
        text.node(plan, "    └─ ", "       ");
        return List.copyOf(text.lines);
    }

    private void node(RelNode rel, String head, String indent) {
        lines.add(head + name(rel));
        List<RelNode> inputs = scanUnder(rel) != null ? List.of() : inputs(rel);
        details(rel, indent + (inputs.isEmpty() ? "    " : "│   "));
        for (int i = 0; i < inputs.size(); i++) {
            boolean last = i == inputs.size() - 1;
            node(inputs.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "));
        }
    }

    /**
     * A node's inputs, with what a vectorized query folds in (the scan under an aggregate or a top-N, a join's two
     * sides) shown as its inputs.
     */
    static List<RelNode> inputs(RelNode rel) {
        if (rel instanceof VectorQuery query) {
            return query.foldedInputs();
        }
        return rel.getInputs();
    }

    private void details(RelNode rel, String prefix) {
        lines.add(prefix + "Layout: " + rel.getRowType().getFieldList().stream()
                .map(PlanText::layout).collect(Collectors.joining(", ", "[", "]")));
        Double estimate = metadata.getRowCount(rel);
        lines.add(prefix + "Estimates: {rows: " + (estimate == null ? "?" : Long.toString(Math.round(estimate)))
                + "}");
        Long actual = actualRows.get(rel);
        if (actual != null) {
            lines.add(prefix + "Output: " + actual + (actual == 1 ? " row" : " rows"));
        }
    }

    /** A symbol's name: Calcite's generated names ({@code EXPR$1}, {@code $f2}) spelled as Trino's ({@code expr_1}). */
    private static String layout(RelDataTypeField field) {
        String name = field.getName().replace("EXPR$", "expr_").replace("$f", "expr_f");
        return name + ":" + ResultTypes.athenaTypeName(field.getType());
    }

    /**
     * The table scan a node reads through Calcite's interpreter (a filterable table's scan, with the filters and
     * columns pushed into it): printed as one node, as Trino prints a scan with its filter and projection.
     */
    private static TableScan scanUnder(RelNode rel) {
        return rel instanceof EnumerableInterpreter && rel.getInput(0) instanceof TableScan scan ? scan : null;
    }

    private static String name(RelNode rel) {
        TableScan pushed = scanUnder(rel);
        if (pushed != null) {
            String filters = pushed instanceof Bindables.BindableTableScan bindable && !bindable.filters.isEmpty()
                    ? ", filterPredicate = " + bindable.filters.stream().map(RexNode::toString)
                    .collect(Collectors.joining(" AND ")) : "";
            return (filters.isEmpty() ? "ScanProject" : "ScanFilterProject") + "[table = "
                    + String.join(".", pushed.getTable().getQualifiedName()) + filters + "]";
        }
        if (rel instanceof VectorQuery query) {
            return query.operatorName();
        }
        if (rel instanceof TableScan scan) {
            return "TableScan[table = " + String.join(".", scan.getTable().getQualifiedName()) + "]";
        }
        if (rel instanceof EnumerableCalc calc) {
            boolean filters = calc.getProgram().getCondition() != null;
            boolean scans = calc.getInput() instanceof TableScan;
            String kind = scans ? (filters ? "ScanFilterProject" : "ScanProject") : filters ? "FilterProject"
                    : "Project";
            return kind + (filters ? "[filterPredicate = " + calc.getProgram().expandLocalRef(
                    calc.getProgram().getCondition()) + "]" : "");
        }
        if (rel instanceof Project) {
            return "Project";
        }
        if (rel instanceof Aggregate aggregate) {
            return "Aggregate[keys = " + aggregate.getGroupSet().asList().stream()
                    .map(i -> aggregate.getInput().getRowType().getFieldNames().get(i)).toList() + "]";
        }
        if (rel instanceof Join join) {
            String type = join.getJoinType().name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(type.charAt(0)) + type.substring(1) + "Join[criteria = "
                    + join.getCondition() + "]";
        }
        if (rel instanceof Sort sort) {
            return sort.fetch != null ? "TopN[count = " + literal(sort.fetch) + "]" : "Sort";
        }
        if (rel instanceof EnumerableLimit limit) {
            return "Limit[count = " + (limit.fetch == null ? "ALL" : literal(limit.fetch)) + "]";
        }
        String simple = rel.getClass().getSimpleName();
        return simple.startsWith("Enumerable") ? simple.substring("Enumerable".length()) : simple;
    }

    private static String literal(RexNode node) {
        return node instanceof RexLiteral literal ? String.valueOf(literal.getValue2()) : node.toString();
    }
}
