package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.dataset.OutputColumn;
import io.glaux.quicksight.expression.Column;
import io.glaux.quicksight.expression.ExpressionException;
import io.glaux.quicksight.expression.ExpressionTranslator;
import io.glaux.quicksight.expression.QuickSightType;
import io.glaux.quicksight.expression.Translation;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a visual over one dataset may name: the dataset's columns and the definition's CalculatedFields of that
 * DataSetIdentifier (which may name each other, and parameters as {@code ${Name}}), each as SQL over the dataset's
 * relation.
 */
final class Fields {

    /** A field as SQL: its QuickSight type and whether it aggregates (an aggregate calculated field). */
    record Field(String sql, QuickSightType type, boolean aggregate) {
    }

    private final String dataSetIdentifier;
    private final Map<String, Column> datasetColumns = new LinkedHashMap<>();
    private final Map<String, String> calculated = new HashMap<>();
    private final Map<String, Field> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Map<String, Column> parameters;
    private final ExpressionTranslator translator = new ExpressionTranslator();
    private final Map<String, Column> view = new AbstractMap<>() {
        @Override
        public Column get(Object key) {
            String name = (String) key;
            if (datasetColumns.containsKey(name)) {
                return datasetColumns.get(name);
            }
            if (calculated.containsKey(name)) {
                Field f = calculatedField(name);
                return new Column(f.sql(), f.type());
            }
            return null;
        }

        @Override
        public Set<Entry<String, Column>> entrySet() {
            return datasetColumns.entrySet();
        }
    };

    Fields(JsonNode definition, String dataSetIdentifier, VisualSource source, Parameters parameters) {
        this.dataSetIdentifier = dataSetIdentifier;
        this.parameters = parameters.expressionValues();
        for (OutputColumn c : source.columns()) {
            QuickSightType type;
            try {
                type = QuickSightType.fromDataType(c.type());
            } catch (IllegalArgumentException e) {
                throw QuickSightException.invalid("Dataset " + dataSetIdentifier + " column " + c.name() + ": "
                        + e.getMessage());
            }
            datasetColumns.put(c.name(), Column.identifier(c.name(), type));
        }
        for (JsonNode cf : Json.list(definition, "CalculatedFields")) {
            if (dataSetIdentifier.equals(Json.text(cf, "DataSetIdentifier"))) {
                calculated.put(Json.required(cf, "Name", "A CalculatedField"),
                        Json.required(cf, "Expression", "CalculatedField " + Json.text(cf, "Name")));
            }
        }
    }

    String dataSetIdentifier() {
        return dataSetIdentifier;
    }

    boolean has(String name) {
        return datasetColumns.containsKey(name) || calculated.containsKey(name);
    }

    /** The field named {@code name}: a dataset column, else a calculated field. */
    Field field(String name, String where) {
        Column c = datasetColumns.get(name);
        if (c != null) {
            return new Field(c.sql(), c.type(), false);
        }
        if (calculated.containsKey(name)) {
            return calculatedField(name);
        }
        throw QuickSightException.invalid(where + ": dataset " + dataSetIdentifier + " has no column or calculated "
                + "field named '" + name + "'");
    }

    /** The field a ColumnIdentifier names, which must be of this dataset. */
    Field column(JsonNode columnIdentifier, String where) {
        if (columnIdentifier == null) {
            throw QuickSightException.invalid(where + " has no Column");
        }
        String ds = Json.text(columnIdentifier, "DataSetIdentifier");
        if (ds != null && !ds.equals(dataSetIdentifier)) {
            throw QuickSightException.invalid(where + " reads dataset " + ds + " but the visual reads "
                    + dataSetIdentifier + "; a visual reads one dataset");
        }
        return field(Json.required(columnIdentifier, "ColumnName", where + " Column"), where);
    }

    /** An expression (a CalculatedMeasureField's) over this dataset's fields. */
    Field expression(String expression, String where) {
        try {
            Translation t = translator.translate(expression, view, parameters);
            return new Field(t.sql(), t.type(), t.aggregate());
        } catch (ExpressionException e) {
            throw QuickSightException.invalid(where + ": " + e.getMessage());
        }
    }

    private Field calculatedField(String name) {
        Field f = resolved.get(name);
        if (f != null) {
            return f;
        }
        if (!resolving.add(name)) {
            throw QuickSightException.invalid("Calculated field '" + name + "' refers to itself");
        }
        try {
            f = expression(calculated.get(name), "Calculated field '" + name + "'");
            f = new Field("(" + f.sql() + ")", f.type(), f.aggregate());
        } finally {
            resolving.remove(name);
        }
        resolved.put(name, f);
        return f;
    }
}
