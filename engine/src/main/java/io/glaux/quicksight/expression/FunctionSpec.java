package io.glaux.quicksight.expression;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions the translator knows, under their QuickSight names (looked up case-insensitively), with the number of
 * arguments each takes and whether it aggregates. Argument types and results are the checker's business.
 */
record FunctionSpec(String name, int minArgs, int maxArgs, boolean aggregate) {
    static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, FunctionSpec> BY_NAME = new TreeMap<>();

    static {
        scalar("ifelse", 3, MANY);
        scalar("coalesce", 1, MANY);
        scalar("isNull", 1, 1);
        scalar("isNotNull", 1, 1);
        scalar("in", 2, 2);
        scalar("notIn", 2, 2);
        scalar("concat", 2, MANY);
        scalar("substring", 3, 3);
        scalar("left", 2, 2);
        scalar("right", 2, 2);
        scalar("strlen", 1, 1);
        scalar("toLower", 1, 1);
        scalar("toUpper", 1, 1);
        scalar("trim", 1, 1);
        scalar("ltrim", 1, 1);
        scalar("rtrim", 1, 1);
        scalar("replace", 3, 3);
        scalar("toString", 1, 1);
        scalar("parseInt", 1, 1);
        scalar("parseDecimal", 1, 1);
        scalar("parseDate", 1, 2);
        scalar("truncDate", 2, 2);
        scalar("extract", 2, 2);
        scalar("dateDiff", 2, 3);
        scalar("addDateTime", 3, 3);
        scalar("now", 0, 0);
        scalar("round", 1, 2);
        scalar("ceil", 1, 1);
        scalar("floor", 1, 1);
        scalar("abs", 1, 1);
        aggregate("sum", 1, 1);
        aggregate("avg", 1, 1);
        aggregate("count", 1, 1);
        aggregate("distinct_count", 1, 1);
        aggregate("min", 1, 1);
        aggregate("max", 1, 1);
        aggregate("countIf", 2, 2);
        aggregate("sumIf", 2, 2);
    }

    private static void scalar(String name, int min, int max) {
        BY_NAME.put(name.toLowerCase(Locale.ROOT), new FunctionSpec(name, min, max, false));
    }

    private static void aggregate(String name, int min, int max) {
        BY_NAME.put(name.toLowerCase(Locale.ROOT), new FunctionSpec(name, min, max, true));
    }

    /** The function a call names, whatever its case, or null. */
    static FunctionSpec lookup(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    String arity() {
        if (minArgs == maxArgs) {
            return minArgs + (minArgs == 1 ? " argument" : " arguments");
        }
        return maxArgs == MANY ? "at least " + minArgs + " arguments" : minArgs + " to " + maxArgs + " arguments";
    }
}
