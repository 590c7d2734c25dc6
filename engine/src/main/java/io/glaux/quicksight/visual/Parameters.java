package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.expression.Column;
import io.glaux.quicksight.expression.QuickSightType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a definition's ParameterDeclarations: the caller's values where given, else the declaration's
 * {@code DefaultValues.StaticValues}; a parameter with neither has no value. Values are checked against the
 * parameter's type (an Integer parameter takes whole numbers, a DateTime one date-times) and its
 * {@code ParameterValueType} (a SINGLE_VALUED parameter takes at most one).
 */
final class Parameters {

    /** A parameter's type and values, each value as an SQL literal. */
    record Value(String name, QuickSightType type, boolean multi, List<String> literals) {
        boolean unset() {
            return literals.isEmpty();
        }

        String single(String where) {
            if (literals.size() != 1) {
                throw QuickSightException.invalid(where + " needs one value of parameter " + name + " but it has "
                        + literals.size());
            }
            return literals.get(0);
        }
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    Parameters(JsonNode definition, Map<String, List<String>> given) {
        Map<String, List<String>> callerValues = given == null ? Map.of() : given;
        for (JsonNode decl : Json.list(definition, "ParameterDeclarations")) {
            String kind = Json.unionKind(decl);
            JsonNode d = decl.get(kind);
            QuickSightType type = switch (kind == null ? "" : kind) {
                case "StringParameterDeclaration" -> QuickSightType.STRING;
                case "IntegerParameterDeclaration" -> QuickSightType.INTEGER;
                case "DecimalParameterDeclaration" -> QuickSightType.DECIMAL;
                case "DateTimeParameterDeclaration" -> QuickSightType.DATETIME;
                default -> throw QuickSightException.invalid("Unknown parameter declaration " + kind);
            };
            String name = Json.required(d, "Name", kind);
            // DateTime parameters have no ParameterValueType: they are single-valued.
            boolean multi = "MULTI_VALUED".equals(Json.text(d, "ParameterValueType"));
            List<String> raw;
            if (callerValues.containsKey(name)) {
                raw = callerValues.get(name) == null ? List.of() : callerValues.get(name);
            } else {
                raw = new ArrayList<>();
                for (JsonNode v : Json.list(Json.obj(d, "DefaultValues"), "StaticValues")) {
                    raw.add(v.asText());
                }
            }
            if (!multi && raw.size() > 1) {
                throw QuickSightException.invalid("Parameter " + name + " is single-valued but has " + raw.size()
                        + " values");
            }
            List<String> literals = new ArrayList<>();
            for (String v : raw) {
                literals.add(literal(name, type, v));
            }
            values.put(name, new Value(name, type, multi, List.copyOf(literals)));
        }
        for (String name : callerValues.keySet()) {
            if (!values.containsKey(name)) {
                throw QuickSightException.invalid("No parameter named " + name + " is declared");
            }
        }
    }

    Value get(String name, String where) {
        Value v = values.get(name);
        if (v == null) {
            throw QuickSightException.invalid(where + " names parameter " + name + ", which is not declared");
        }
        return v;
    }

    /** The single-valued parameters that have a value, for {@code ${Name}} in calculated fields. */
    Map<String, Column> expressionValues() {
        Map<String, Column> out = new HashMap<>();
        for (Value v : values.values()) {
            if (v.literals().size() == 1) {
                out.put(v.name(), new Column(v.literals().get(0), v.type()));
            }
        }
        return out;
    }

    private static String literal(String name, QuickSightType type, String value) {
        String where = "Parameter " + name;
        if (value == null) {
            throw QuickSightException.invalid(where + " has a null value");
        }
        switch (type) {
            case STRING:
                return quote(value);
            case INTEGER:
                try {
                    return "CAST(" + Long.parseLong(value.trim()) + " AS BIGINT)";
                } catch (NumberFormatException e) {
                    throw QuickSightException.invalid(where + " is an Integer parameter; '" + value
                            + "' is not a whole number");
                }
            case DECIMAL:
                try {
                    double d = Double.parseDouble(value.trim());
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    return "CAST(" + d + " AS DOUBLE)";
                } catch (NumberFormatException e) {
                    throw QuickSightException.invalid(where + " is a Decimal parameter; '" + value
                            + "' is not a number");
                }
            default:
                return Dates.literal(Dates.parse(value, where));
        }
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
