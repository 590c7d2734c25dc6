package io.glaux.quicksight.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.render.VisualData;
import io.glaux.quicksight.visual.VisualColumn;
import io.glaux.results.AthenaCsv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A visual's CSV as a snapshot job writes it: a header row of the fields' names as the visual shows them (the
 * field's {@code CustomLabel} in the visual's field options, else the name of the dataset column it reads, else its
 * FieldId), then the visual's rows (a pivot table's rows flattened: its row fields, column fields and values, one
 * line per cell). Written as Athena writes results: UTF-8 without BOM, every non-null field double-quoted with inner
 * quotes doubled, NULL as an empty unquoted field, lines ended by a newline.
 */
final class SnapshotCsv {

    private SnapshotCsv() {
    }

    static byte[] write(JsonNode visualBody, VisualData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            AthenaCsv.writeRow(out, header(visualBody, data.columns()));
            for (List<String> row : data.rows()) {
                AthenaCsv.writeRow(out, row.toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The header: each column's label as the visual shows it. */
    static String[] header(JsonNode visualBody, List<VisualColumn> columns) {
        Map<String, String> customLabels = new HashMap<>();
        Map<String, String> columnNames = new HashMap<>();
        collect(visualBody, customLabels, columnNames);
        return columns.stream().map(VisualColumn::name)
                .map(id -> customLabels.getOrDefault(id, columnNames.getOrDefault(id, id)))
                .toArray(String[]::new);
    }

    /** Every object with a FieldId: its CustomLabel, and the ColumnName of its Column. */
    private static void collect(JsonNode node, Map<String, String> customLabels, Map<String, String> columnNames) {
        if (node == null) {
            return;
        }
        if (node.isObject() && node.path("FieldId").isTextual()) {
            String fieldId = node.get("FieldId").asText();
            if (node.path("CustomLabel").isTextual()) {
                customLabels.put(fieldId, node.get("CustomLabel").asText());
            }
            if (node.path("Column").path("ColumnName").isTextual()) {
                columnNames.putIfAbsent(fieldId, node.get("Column").get("ColumnName").asText());
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, customLabels, columnNames));
        }
    }
}
