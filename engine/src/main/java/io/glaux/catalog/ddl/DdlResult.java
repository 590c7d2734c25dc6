package io.glaux.catalog.ddl;

import java.util.List;

/**
 * What a DDL statement outputs, as Athena writes it into {@code <id>.txt}: one column named {@code columnName}, one
 * row per line. Statements without output (CREATE, DROP, ALTER ...) have no lines.
 */
public record DdlResult(String columnName, List<String> lines) {

    public DdlResult {
        lines = List.copyOf(lines);
    }

    static DdlResult none() {
        return new DdlResult("result", List.of());
    }
}
