package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.OutputColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a Definition's CalculatedFields as QuickSight does when an analysis or dashboard is created or updated: each
 * expression must parse and type-check over its dataset's columns, the other calculated fields of that dataset and the
 * declared parameters. A bad one is refused with an INVALID {@link QuickSightException} naming the field, the problem
 * and its position, so nothing is stored.
 */
public final class CalculatedFields {

    private CalculatedFields() {
    }

    /**
     * @param columns the output columns (name to QuickSight type) of each declared dataset identifier that exists;
     *     calculated fields of other identifiers are left to the dataset checks
     */
    public static void check(JsonNode definition, Map<String, Map<String, String>> columns) {
        Parameters parameters;
        try {
            parameters = new Parameters(definition, Map.of());
        } catch (QuickSightException e) {
            // Parameter declarations are refused when a visual is computed, with their own message.
            return;
        }
        for (JsonNode field : Json.list(definition, "CalculatedFields")) {
            String identifier = Json.text(field, "DataSetIdentifier");
            String name = Json.text(field, "Name");
            Map<String, String> known = identifier == null ? null : columns.get(identifier);
            if (known == null || name == null) {
                continue;
            }
            List<OutputColumn> outputs = new ArrayList<>();
            known.forEach((column, type) -> outputs.add(new OutputColumn(column, column, type, null, null)));
            new Fields(definition, identifier, new VisualSource("(VALUES 1)", outputs), parameters)
                    .field(name, "Calculated field '" + name + "'");
        }
    }
}
