package io.glaux.sql.function.trino;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a value as Trino's JSON client protocol sends it into the text Athena's result CSV shows for it (which is what
 * Glaux's result objects must show), so the two can be compared as text. The rules, each where the two forms differ:
 * <ul>
 *   <li>SQL NULL is JSON null; at the top level it is a missing value (Java null), inside an array, map or row it
 *       prints {@code null}.</li>
 *   <li>array: a JSON array; Athena prints {@code [a, b]} (elements by these same rules, ", " between).</li>
 *   <li>map: a JSON object whose keys are the keys' text; Athena prints {@code {k=v, k2=v2}}.</li>
 *   <li>row: a JSON array of the field values; Athena prints {@code {name=value, ...}} with the type's field names,
 *       {@code field0}, {@code field1}, ... for unnamed fields.</li>
 *   <li>varbinary: base64 text; Athena prints the bytes as lower-case hex pairs separated by spaces.</li>
 *   <li>double and real: a JSON number, or the strings {@code NaN}, {@code Infinity}, {@code -Infinity}; Athena prints
 *       Java's {@code Double.toString} ({@code Float.toString} for real) — numbers are compared with
 *       {@link #sameNumber} rather than as text.</li>
 *   <li>everything else (integers, decimal with its scale, varchar, char padded, date, time, timestamp with its
 *       precision, timestamp with time zone with its zone, intervals, json text, boolean): the JSON value's text,
 *       which is already the text Athena shows.</li>
 * </ul>
 */
final class AthenaText {

    /** Two doubles agree when equal, both NaN, or within a relative 1e-12 (last-digit differences of libm). */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private AthenaText() {
    }

    /** The text of a top-level value, null for SQL NULL. */
    static String of(JsonNode value, TrinoType type) {
        return value == null || value.isNull() ? null : nested(value, type);
    }

    private static String nested(JsonNode value, TrinoType type) {
        if (value == null || value.isNull()) {
            return "null";
        }
        switch (type.base()) {
            case "array": {
                List<String> parts = new ArrayList<>();
                value.forEach(e -> parts.add(nested(e, type.elements().get(0))));
                return "[" + String.join(", ", parts) + "]";
            }
            case "map": {
                List<String> parts = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> e = entries.next();
                    parts.add(e.getKey() + "=" + nested(e.getValue(), type.elements().get(1)));
                }
                return "{" + String.join(", ", parts) + "}";
            }
            case "row": {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    String name = i < type.fieldNames().size() && type.fieldNames().get(i) != null
                            ? type.fieldNames().get(i) : "field" + i;
                    TrinoType fieldType = i < type.elements().size() ? type.elements().get(i)
                            : TrinoType.parse("unknown");
                    parts.add(name + "=" + nested(value.get(i), fieldType));
                }
                return "{" + String.join(", ", parts) + "}";
            }
            case "varbinary":
                return hex(Base64.getDecoder().decode(value.asText()));
            case "double":
                return value.isNumber() ? Double.toString(value.doubleValue()) : value.asText();
            case "real":
                return value.isNumber() ? Float.toString(value.floatValue()) : value.asText();
            default:
                return value.asText();
        }
    }

    /**
     * Whether Glaux's text of a top-level value agrees with Trino's: the same text; for double and real, the same
     * number within {@link #RELATIVE_TOLERANCE}; for a map, the same entries in any order (Trino's order of
     * aggregated maps is its hash order, which nothing promises).
     */
    static boolean agree(String expected, String actual, TrinoType type) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected.equals(actual)) {
            return true;
        }
        if (type.base().equals("double") || type.base().equals("real")) {
            return sameNumber(expected, actual);
        }
        if (type.base().equals("map") && expected.startsWith("{") && actual.startsWith("{") && actual.endsWith("}")) {
            List<String> e = new ArrayList<>(TrinoType.splitTopLevel(expected.substring(1, expected.length() - 1)));
            List<String> a = new ArrayList<>(TrinoType.splitTopLevel(actual.substring(1, actual.length() - 1)));
            e.sort(null);
            a.sort(null);
            return e.equals(a);
        }
        return false;
    }

    static boolean sameNumber(String expected, String actual) {
        try {
            double e = Double.parseDouble(expected);
            double a = Double.parseDouble(actual);
            if (Double.isNaN(e) || Double.isNaN(a)) {
                return Double.isNaN(e) && Double.isNaN(a);
            }
            return e == a || Math.abs(e - a) <= RELATIVE_TOLERANCE * Math.max(Math.abs(e), Math.abs(a));
        } catch (NumberFormatException notNumbers) {
            return false;
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            out.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xFF));
        }
        return out.toString();
    }
}
