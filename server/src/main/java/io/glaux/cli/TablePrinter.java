package io.glaux.cli;

import io.glaux.QueryResults;
import io.glaux.results.ColumnInfo;

import java.util.List;

/** Renders results as an aligned text table, like a database shell. */
final class TablePrinter {

    private static final int MAX_WIDTH = 60;

    private TablePrinter() {
    }

    static String render(QueryResults results) {
        List<ColumnInfo> columns = results.columns();
        if (columns.isEmpty()) {
            StringBuilder out = new StringBuilder();
            results.rows().forEach(row -> out.append(String.join("\t", row)).append('\n'));
            return out.toString();
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).label().length();
        }
        for (List<String> row : results.rows()) {
            for (int i = 0; i < widths.length && i < row.size(); i++) {
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, text(row.get(i)).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(ColumnInfo::label).toList(), widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append(rule).append('\n');
        for (List<String> row : results.rows()) {
            line(out, row, widths);
        }
        out.append("(").append(results.rows().size()).append(results.rows().size() == 1 ? " row)\n" : " rows)\n");
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String value = i < values.size() ? text(values.get(i)) : "";
            if (value.length() > widths[i]) {
                value = value.substring(0, widths[i] - 1) + "…";
            }
            out.append(i == 0 ? "" : " | ").append(value).append(" ".repeat(widths[i] - value.length()));
        }
        out.append('\n');
    }

    private static String text(String value) {
        return value == null ? "NULL" : value.replace('\n', ' ');
    }
}
