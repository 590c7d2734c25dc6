package io.glaux.sql.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.format.FineTimestamp;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMapTypeNameSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlRowTypeNameSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.glaux.sql.function.Arg.ANY;
import static io.glaux.sql.function.Arg.STRING;

/**
 * CAST to and from JSON ({@link JsonType}, VARCHAR holding JSON text). Bound to the name {@code cast}: the
 * binding looks at each CAST after parsing and rewrites only two kinds, leaving every other cast to Calcite.
 * <ul>
 *   <li>{@code CAST(x AS JSON)}: x's value as JSON text — arrays as arrays, maps as objects with members sorted by
 *       key, rows with named fields as objects (unnamed: arrays), dates and timestamps as strings. x's type, spelled
 *       as Trino spells it, reaches the method as a hidden argument.</li>
 *   <li>{@code CAST(j AS T)} where j is JSON by construction (a call of json_parse, json_extract, json_array_get, a
 *       {@code JSON '...'} literal, or another cast to JSON): j's text read as a T. A varchar column is not JSON to
 *       Trino, so such casts stay Calcite's (and fail as Trino's do). The target type travels as its Trino spelling
 *       in a string operand ({@link TrinoShape}).</li>
 * </ul>
 * After validation, a CAST of any other json value (a subquery's json column) to a scalar type is rewritten the same
 * way ({@link #rewrite}). Values that do not fit fail with Trino's INVALID_CAST_ARGUMENT; under TRY_CAST (bound the
 * same way) they are NULL.
 */
public final class JsonCasts {
    private static final Set<String> JSON_PRODUCERS = Set.of("json_parse", "json_extract", "json_array_get",
            "$to_json");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final SqlReturnTypeInference TARGET = b -> TrinoShape.parse(
            b.getOperandLiteralValue(1, String.class)).toType(b.getTypeFactory());

    /** CAST of a json value that is not JSON by construction (a json column of a subquery, say), after validation. */
    private static final SqlOperator FROM_JSON_VALUE = new PlannedOperator("from_json_value",
            b -> b.getTypeFactory().createTypeWithNullability(TARGET.inferReturnType(b), true), JsonCasts.class,
            "fromJson", call -> new Class<?>[] {String.class, String.class, boolean.class});

    private JsonCasts() {
    }

    /**
     * A CAST (or TRY_CAST) of a value of type json to another type as {@link #fromJson}, which reads the JSON text as
     * Trino does; other calls as they are.
     */
    public static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
        if ((call.getKind() != SqlKind.CAST && call.getKind() != SqlKind.SAFE_CAST)
                || !JsonType.is(call.getOperands().get(0).getType()) || JsonType.within(call.getType())) {
            return call;
        }
        return rexBuilder.makeCall(call.getParserPosition(), call.getType(), FROM_JSON_VALUE,
                List.of(call.getOperands().get(0), rexBuilder.makeLiteral(TrinoTypeNames.of(call.getType())),
                        rexBuilder.makeLiteral(call.getKind() == SqlKind.SAFE_CAST)));
    }

    /** Declares the two conversions and the binding of {@code cast} that rewrites into them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> c = JsonCasts.class;
        r.add(GlauxFunction.strict("$to_json", false, Signature.withHidden(c, "toJson", JsonType.RETURNS, 1,
                types -> List.of(TrinoTypeNames.of(types.get(0))), ANY)));
        r.add(GlauxFunction.strict("$from_json", true,
                Signature.of(c, "fromJson", TARGET, Arg.JSON, STRING, Arg.BOOLEAN)));
        CharFunctions.declare(r);
        r.bind("cast", binding(r.get("$to_json"), r.get("$from_json"), r.get("$cast_char"), false));
        r.bind("try_cast", binding(r.get("$to_json"), r.get("$from_json"), r.get("$cast_char"), true));
    }

    /** The rewrite of CAST ({@code lenient}: TRY_CAST, where JSON that does not fit gives NULL). */
    private static FunctionRegistry.Binding binding(GlauxFunction toJson, GlauxFunction fromJson,
            GlauxFunction castChar, boolean lenient) {
        return (call, operands, pos) -> {
            if (operands.size() != 2 || !(operands.get(1) instanceof SqlDataTypeSpec)) {
                return call;
            }
            SqlNode value = operands.get(0);
            SqlTypeNameSpec target = ((SqlDataTypeSpec) operands.get(1)).getTypeNameSpec();
            boolean fromJsonValue = isJson(value);
            SqlNode toChar = fromJsonValue ? null
                    : CharFunctions.rewriteCast(castChar, value, (SqlDataTypeSpec) operands.get(1), pos);
            if (toChar != null) {
                return toChar;
            }
            if (isJsonType(target)) {
                return fromJsonValue ? value : toJson.createCall(pos, value);
            }
            String spelling = fromJsonValue ? spelling(target) : null;
            return spelling == null ? call : fromJson.createCall(pos, value,
                    SqlLiteral.createCharString(spelling, SqlParserPos.ZERO),
                    SqlLiteral.createBoolean(lenient, SqlParserPos.ZERO));
        };
    }

    private static boolean isJson(SqlNode node) {
        return node instanceof SqlCall && ((SqlCall) node).getOperator() instanceof GlauxFunction
                && JSON_PRODUCERS.contains(((SqlCall) node).getOperator().getName());
    }

    private static boolean isJsonType(SqlTypeNameSpec spec) {
        SqlIdentifier name = spec.getTypeName();
        return !(spec instanceof SqlBasicTypeNameSpec) && name != null && name.isSimple()
                && name.getSimple().equalsIgnoreCase("json");
    }

    /** A parsed type as Trino spells it, or null for one this cast does not read from JSON. */
    private static @Nullable String spelling(SqlTypeNameSpec spec) {
        if (spec instanceof SqlCollectionTypeNameSpec) {
            String element = spelling(((SqlCollectionTypeNameSpec) spec).getElementTypeName());
            return element == null ? null : "array(" + element + ")";
        }
        if (spec instanceof SqlMapTypeNameSpec) {
            SqlMapTypeNameSpec map = (SqlMapTypeNameSpec) spec;
            String key = spelling(map.getKeyType().getTypeNameSpec());
            String value = spelling(map.getValType().getTypeNameSpec());
            return key == null || value == null ? null : "map(" + key + ", " + value + ")";
        }
        if (spec instanceof SqlRowTypeNameSpec) {
            SqlRowTypeNameSpec row = (SqlRowTypeNameSpec) spec;
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.getArity(); i++) {
                String type = spelling(row.getFieldTypes().get(i).getTypeNameSpec());
                if (type == null) {
                    return null;
                }
                fields.add(row.getFieldNames().get(i).getSimple().toLowerCase(Locale.ROOT) + " " + type);
            }
            return "row(" + String.join(", ", fields) + ")";
        }
        if (spec instanceof SqlBasicTypeNameSpec) {
            SqlBasicTypeNameSpec basic = (SqlBasicTypeNameSpec) spec;
            String name = basic.getTypeName().getSimple().toLowerCase(Locale.ROOT);
            if (name.equals("decimal") || name.equals("varchar") || name.equals("char")) {
                return basic.getPrecision() < 0 ? name : name + "(" + basic.getPrecision()
                        + (name.equals("decimal") ? "," + Math.max(basic.getScale(), 0) : "") + ")";
            }
            return name;
        }
        return null;
    }

    /** CAST(value AS JSON), value of the given type. */
    public static String toJson(Object value, String type) {
        try {
            return MAPPER.writeValueAsString(encode(value, TrinoShape.parse(type)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CAST(json AS type); for TRY_CAST ({@code lenient}) NULL where CAST fails. */
    public static Object fromJson(String json, String type, boolean lenient) {
        try {
            return decode(MAPPER.readTree(json), TrinoShape.parse(type));
        } catch (JsonProcessingException | IllegalArgumentException | ArithmeticException e) {
            if (lenient) {
                return null;
            }
            throw invalidCast(json, type);
        }
    }

    private static JsonNode encode(Object value, TrinoShape type) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (type.base()) {
            case "array": {
                ArrayNode array = NODES.arrayNode();
                ((List<?>) value).forEach(e -> array.add(encode(e, type.params().get(0))));
                return array;
            }
            case "map": {
                Map<String, JsonNode> sorted = new TreeMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> sorted.put(encode(k, type.params().get(0)).asText(),
                        encode(v, type.params().get(1))));
                ObjectNode object = NODES.objectNode();
                sorted.forEach(object::set);
                return object;
            }
            case "row": {
                List<?> fields = value instanceof Object[] ? Arrays.asList((Object[]) value) : (List<?>) value;
                boolean named = type.fieldNames().stream().allMatch(n -> n != null);
                ObjectNode object = NODES.objectNode();
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < fields.size(); i++) {
                    JsonNode field = encode(fields.get(i), type.params().get(i));
                    if (named) {
                        object.set(type.fieldNames().get(i), field);
                    } else {
                        array.add(field);
                    }
                }
                return named ? object : array;
            }
            case "boolean":
                return NODES.booleanNode((Boolean) value);
            case "tinyint":
            case "smallint":
            case "integer":
            case "bigint":
                return NODES.numberNode(((Number) value).longValue());
            case "real":
            case "double": {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Varchars.floating(d));
            }
            case "decimal":
                return NODES.numberNode((BigDecimal) value);
            case "json":
                return tree((String) value);
            case "date":
                return NODES.textNode(LocalDate.ofEpochDay(((Number) value).longValue()).toString());
            case "timestamp":
                return NODES.textNode(FineTimestamp.format(((Number) value).longValue(), type.number(0, 3)));
            default:
                if (value instanceof ByteString) {
                    return NODES.textNode(((ByteString) value).toBase64String());
                }
                return NODES.textNode(value.toString());
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object decode(JsonNode node, TrinoShape type) {
        if (node == null || node.isNull()) {
            return null;
        }
        switch (type.base()) {
            case "array": {
                require(node.isArray());
                List<Object> list = new ArrayList<>();
                node.forEach(e -> list.add(decode(e, type.params().get(0))));
                return list;
            }
            case "map": {
                require(node.isObject());
                Map<Object, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> members = node.fields();
                while (members.hasNext()) {
                    Map.Entry<String, JsonNode> m = members.next();
                    map.put(decode(NODES.textNode(m.getKey()), type.params().get(0)),
                            decode(m.getValue(), type.params().get(1)));
                }
                return map;
            }
            case "row": {
                Object[] fields = new Object[type.params().size()];
                if (node.isArray()) {
                    require(node.size() == fields.length);
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = decode(node.get(i), type.params().get(i));
                    }
                } else {
                    require(node.isObject());
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = decode(member(node, type.fieldNames().get(i)), type.params().get(i));
                    }
                }
                return fields;
            }
            case "boolean":
                require(node.isValueNode());
                return node.isNumber() ? node.doubleValue() != 0 : Boolean.valueOf(strictBoolean(node.asText()));
            case "tinyint":
                return (byte) integral(node, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "smallint":
                return (short) integral(node, Short.MIN_VALUE, Short.MAX_VALUE);
            case "integer":
                return (int) integral(node, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "bigint":
                return integral(node, Long.MIN_VALUE, Long.MAX_VALUE);
            case "double":
                require(node.isValueNode());
                return node.isBoolean() ? (node.booleanValue() ? 1.0 : 0.0) : Double.parseDouble(node.asText());
            case "real":
                require(node.isValueNode());
                return node.isBoolean() ? (node.booleanValue() ? 1.0f : 0.0f) : Float.parseFloat(node.asText());
            case "decimal":
                require(node.isValueNode() && !node.isBoolean());
                return new BigDecimal(node.asText()).setScale(type.number(1, 0), RoundingMode.HALF_UP);
            case "varchar":
            case "char":
            case "json":
                require(node.isValueNode() || type.base().equals("json"));
                return node.isValueNode() && !type.base().equals("json") ? node.asText() : node.toString();
            default:
                throw new IllegalArgumentException(type.base());
        }
    }

    private static JsonNode member(JsonNode object, @Nullable String name) {
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> m = members.next();
            if (m.getKey().equalsIgnoreCase(name)) {
                return m.getValue();
            }
        }
        return null;
    }

    private static long integral(JsonNode node, long min, long max) {
        require(node.isValueNode());
        long value = node.isBoolean() ? (node.booleanValue() ? 1 : 0)
                : new BigDecimal(node.asText()).setScale(0, RoundingMode.HALF_UP).longValueExact();
        require(value >= min && value <= max);
        return value;
    }

    private static boolean strictBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        require(text.equalsIgnoreCase("false"));
        return false;
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw new IllegalArgumentException();
        }
    }

    /** Trino's message: its casts to arrays, maps and rows word it one way, its casts to scalars another. */
    private static GlauxException invalidCast(String json, String type) {
        boolean container = type.startsWith("array(") || type.startsWith("map(") || type.startsWith("row(");
        return new GlauxException(ErrorType.FUNCTION_ERROR, TrinoErrorCode.INVALID_CAST_ARGUMENT,
                container ? "Cannot cast to " + type + ". " + json : "Cannot cast '" + json + "' to " + type);
    }
}
