package io.glaux.quicksight.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.visual.CalculatedFields;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an AnalysisDefinition or DashboardVersionDefinition against the datasets it names, as QuickSight does when
 * it creates the resource: every dataset declared in {@code DataSetIdentifierDeclarations} must exist, every
 * {@code DataSetIdentifier} used must be declared, and every column a ColumnIdentifier names ({@code DataSetIdentifier}
 * and {@code ColumnName}, wherever it appears: visuals' field wells, filters, controls, parameter defaults, column
 * configurations) must be an output column of its dataset or a calculated field declared on it. Those are reported
 * as the resource's Errors (it is stored CREATION_FAILED / UPDATE_FAILED); a calculated field whose expression does not
 * parse or type-check is refused outright (InvalidParameterValueException, with its position), as nothing could use it.
 *
 * <p>Errors name the entities that break them by path: {@code sheet/<SheetId>/visual/<VisualId>},
 * {@code filter-group/<FilterGroupId>/filter/<FilterId>}, {@code calculated-field/<Name>}, {@code parameter/<Name>},
 * {@code data-set-identifier/<Identifier>}, ...
 */
public final class Definitions {

    private static final int MAX_ENTITIES = 200;

    /** The lists whose items are entities of the path, with the member naming each item. */
    private static final Map<String, String[]> ENTITIES = Map.of(
            "Sheets", new String[] {"sheet", "SheetId"},
            "Visuals", new String[] {"visual", "VisualId"},
            "FilterGroups", new String[] {"filter-group", "FilterGroupId"},
            "Filters", new String[] {"filter", "FilterId"},
            "CalculatedFields", new String[] {"calculated-field", "Name"},
            "ParameterDeclarations", new String[] {"parameter", "Name"},
            "FilterControls", new String[] {"filter-control", "FilterControlId"},
            "ParameterControls", new String[] {"parameter-control", "ParameterControlId"},
            "ColumnConfigurations", new String[] {"column-configuration", null},
            "TooltipSheets", new String[] {"tooltip-sheet", "SheetId"});

    private Definitions() {
    }

    /** The declared identifiers and their dataset ARNs, in order. */
    public static Map<String, String> declarations(JsonNode definition) {
        Map<String, String> declared = new LinkedHashMap<>();
        JsonNode list = definition == null ? null : definition.get("DataSetIdentifierDeclarations");
        if (list != null && list.isArray()) {
            for (JsonNode declaration : list) {
                declared.put(declaration.path("Identifier").asText(), declaration.path("DataSetArn").asText());
            }
        }
        return declared;
    }

    /** The ARNs of the datasets the definition declares, each once. */
    public static List<String> dataSetArns(JsonNode definition) {
        return List.copyOf(new LinkedHashSet<>(declarations(definition).values()));
    }

    /** What QuickSight would report creating a resource with this definition; empty when it is fine. */
    public static List<DefinitionError> check(JsonNode definition, DataSetColumns dataSets) {
        Map<String, String> declared = declarations(definition);
        List<DefinitionError> errors = new ArrayList<>();
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, String> declaration : declared.entrySet()) {
            Optional<Map<String, String>> found = dataSets.outputColumns(declaration.getValue());
            if (found.isEmpty()) {
                errors.add(new DefinitionError(DefinitionError.DATA_SET_NOT_FOUND, "Data set '"
                        + declaration.getValue() + "' (identifier '" + declaration.getKey() + "') is not found.",
                        List.of("data-set-identifier/" + declaration.getKey())));
            } else {
                columns.put(declaration.getKey(), new LinkedHashSet<>(found.get().keySet()));
            }
        }
        JsonNode calculated = definition.get("CalculatedFields");
        if (calculated != null && calculated.isArray()) {
            for (JsonNode field : calculated) {
                Set<String> known = columns.get(field.path("DataSetIdentifier").asText());
                if (known != null && field.path("Name").isTextual()) {
                    known.add(field.path("Name").asText());
                }
            }
        }
        Map<String, Set<String>> undeclared = new LinkedHashMap<>();
        Map<List<String>, Set<String>> missing = new LinkedHashMap<>();
        walk(definition, "", (path, node) -> {
            JsonNode identifier = node.get("DataSetIdentifier");
            if (identifier == null || !identifier.isTextual()) {
                return;
            }
            String name = identifier.asText();
            if (!declared.containsKey(name)) {
                undeclared.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(path);
                return;
            }
            JsonNode column = node.get("ColumnName");
            Set<String> known = columns.get(name);
            if (column != null && column.isTextual() && known != null && !known.contains(column.asText())) {
                missing.computeIfAbsent(List.of(name, column.asText()), n -> new LinkedHashSet<>()).add(path);
            }
        });
        undeclared.forEach((name, paths) -> errors.add(new DefinitionError(DefinitionError.DATA_SET_NOT_FOUND,
                "Data set identifier '" + name + "' is not declared in DataSetIdentifierDeclarations.",
                limit(paths))));
        missing.forEach((key, paths) -> errors.add(new DefinitionError(DefinitionError.COLUMN_REPLACEMENT_MISSING,
                "Required column '" + key.get(1) + "' is missing in data set '" + declared.get(key.get(0)) + "'",
                limit(paths))));
        if (missing.isEmpty()) {
            Map<String, Map<String, String>> typed = new LinkedHashMap<>();
            declared.forEach((identifier, arn) -> dataSets.outputColumns(arn).ifPresent(c -> typed.put(identifier, c)));
            CalculatedFields.check(definition, typed);
        }
        return errors;
    }

    private static List<String> limit(Set<String> paths) {
        return paths.stream().map(path -> path.isEmpty() ? "definition" : path).limit(MAX_ENTITIES).toList();
    }

    private interface Visitor {
        void visit(String path, JsonNode object);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        if (node == null || !node.isObject()) {
            return;
        }
        visitor.visit(path, node);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                String[] entity = ENTITIES.get(field.getKey());
                for (int i = 0; i < value.size(); i++) {
                    String itemPath = entity == null ? path : join(path, entity[0] + "/" + id(value.get(i), entity[1], i));
                    walk(value.get(i), itemPath, visitor);
                }
            } else {
                walk(value, path, visitor);
            }
        }
    }

    /** An entity's id: its member, or that of the one structure it wraps (a Visual's BarChartVisual), or its index. */
    private static String id(JsonNode item, String member, int index) {
        if (member != null && item.isObject()) {
            if (item.path(member).isTextual()) {
                return item.get(member).asText();
            }
            if (item.size() == 1) {
                JsonNode wrapped = item.elements().next();
                if (wrapped.path(member).isTextual()) {
                    return wrapped.get(member).asText();
                }
            }
        }
        return Integer.toString(index);
    }

    private static String join(String path, String segment) {
        return path.isEmpty() ? segment : path + "/" + segment;
    }
}
