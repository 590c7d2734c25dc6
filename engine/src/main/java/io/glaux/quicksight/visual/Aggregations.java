package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.expression.QuickSightType;

/**
 * QuickSight's aggregation functions in SQL. A field that is already an aggregate (an aggregate calculated field) is
 * used as it is, whatever aggregation is asked for.
 */
final class Aggregations {
    private Aggregations() {
    }

    /** A measure's SQL and type. */
    record Measure(String sql, QuickSightType type) {
    }

    /**
     * {@code function} applied to {@code field}: SUM, AVERAGE, MIN, MAX, COUNT, DISTINCT_COUNT, VAR, VARP, STDEV,
     * STDEVP, MEDIAN, or PERCENTILE with {@code percentile} (0..100).
     */
    static Measure apply(String function, Double percentile, Fields.Field field, String where) {
        if (field.aggregate()) {
            return new Measure(field.sql(), field.type());
        }
        String x = field.sql();
        QuickSightType t = field.type();
        boolean numeric = t == QuickSightType.INTEGER || t == QuickSightType.DECIMAL;
        String dbl = "CAST(" + x + " AS DOUBLE)";
        switch (function) {
            case "COUNT":
                return new Measure("count(" + x + ")", QuickSightType.INTEGER);
            case "DISTINCT_COUNT":
                return new Measure("count(DISTINCT " + x + ")", QuickSightType.INTEGER);
            case "MIN":
            case "MAX":
                if (!numeric && t != QuickSightType.DATETIME) {
                    break;
                }
                return new Measure(function.toLowerCase(java.util.Locale.ROOT) + "(" + x + ")", t);
            default:
                if (!numeric) {
                    break;
                }
                return switch (function) {
                    case "SUM" -> new Measure("sum(" + x + ")", t);
                    case "AVERAGE" -> new Measure("avg(" + dbl + ")", QuickSightType.DECIMAL);
                    case "VAR" -> new Measure("var_samp(" + dbl + ")", QuickSightType.DECIMAL);
                    case "VARP" -> new Measure("var_pop(" + dbl + ")", QuickSightType.DECIMAL);
                    case "STDEV" -> new Measure("stddev_samp(" + dbl + ")", QuickSightType.DECIMAL);
                    case "STDEVP" -> new Measure("stddev_pop(" + dbl + ")", QuickSightType.DECIMAL);
                    case "MEDIAN", "PERCENTILE" -> throw QuickSightException.invalid(where + ": " + function
                            + " aggregations are not supported (Glaux's engine has no percentile aggregate)");
                    default -> throw QuickSightException.invalid(where + ": unknown aggregation " + function);
                };
        }
        throw QuickSightException.invalid(where + ": aggregation " + function + " does not apply to a "
                + t.name() + " field");
    }

    /**
     * An {@code AggregationFunction} structure (as filters and column sorts carry it), or a NumericalAggregationFunction
     * when {@code numericalOnly}: the function name and percentile.
     */
    static Measure of(JsonNode aggregationFunction, Fields.Field field, String where) {
        String kind = Json.unionKind(aggregationFunction);
        if (kind == null) {
            throw QuickSightException.invalid(where + " has an empty AggregationFunction");
        }
        return switch (kind) {
            case "NumericalAggregationFunction" -> numerical(aggregationFunction.get(kind), field, where);
            case "CategoricalAggregationFunction", "DateAggregationFunction" ->
                    apply(aggregationFunction.get(kind).asText(), null, field, where);
            default -> throw QuickSightException.invalid(where + ": " + kind + " is not supported");
        };
    }

    /** A NumericalAggregationFunction: SimpleNumericalAggregation or PercentileAggregation; SUM when absent. */
    static Measure numerical(JsonNode f, Fields.Field field, String where) {
        if (f == null || Json.unionKind(f) == null) {
            return apply("SUM", null, field, where);
        }
        JsonNode p = Json.obj(f, "PercentileAggregation");
        if (p != null) {
            JsonNode v = p.get("PercentileValue");
            if (v == null || !v.isNumber() || v.asDouble() < 0 || v.asDouble() > 100) {
                throw QuickSightException.invalid(where + ": PercentileValue must be a number from 0 to 100");
            }
            return apply("PERCENTILE", v.asDouble(), field, where);
        }
        return apply(Json.required(f, "SimpleNumericalAggregation", where), null, field, where);
    }
}
