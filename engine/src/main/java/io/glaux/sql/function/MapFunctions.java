package io.glaux.sql.function;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.glaux.sql.function.Arg.ARRAY;
import static io.glaux.sql.function.Arg.MAP;
import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's map functions over Glaux's values (map = insertion-ordered {@link Map}, array = {@link List}, row =
 * {@code Object[]}): construction from key and value arrays, from entries and from delimited text, and taking maps
 * apart. Keys are never NULL and never repeated; the errors for either are Trino's. element_at and cardinality of
 * maps are {@link ArrayFunctions}'; the lambda-taking map functions and the map aggregates live elsewhere.
 */
public final class MapFunctions {
    private static final SqlReturnTypeInference EMPTY_MAP = b -> b.getTypeFactory().createMapType(
            b.getTypeFactory().createSqlType(SqlTypeName.NULL), b.getTypeFactory().createSqlType(SqlTypeName.NULL));
    private static final SqlReturnTypeInference MAP_OF_ARRAYS = b -> b.getTypeFactory().createMapType(
            nonNull(b.getTypeFactory(), b.getOperandType(0).getComponentType()),
            b.getOperandType(1).getComponentType());
    private static final SqlReturnTypeInference MAP_OF_ENTRIES = b -> {
        RelDataType entry = b.getOperandType(0).getComponentType();
        return entry == null || !entry.isStruct() || entry.getFieldCount() != 2 ? null
                : b.getTypeFactory().createMapType(nonNull(b.getTypeFactory(), entry.getFieldList().get(0).getType()),
                entry.getFieldList().get(1).getType());
    };
    private static final SqlReturnTypeInference MULTIMAP_OF_ENTRIES = b -> {
        RelDataType entry = b.getOperandType(0).getComponentType();
        RelDataTypeFactory f = b.getTypeFactory();
        return entry == null || !entry.isStruct() || entry.getFieldCount() != 2 ? null
                : f.createMapType(nonNull(f, entry.getFieldList().get(0).getType()),
                f.createArrayType(entry.getFieldList().get(1).getType(), -1));
    };
    private static final SqlReturnTypeInference ENTRIES = b -> {
        RelDataType map = b.getOperandType(0);
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createArrayType(f.createStructType(List.of(map.getKeyType(), map.getValueType()),
                List.of("field0", "field1")), -1);
    };
    private static final SqlReturnTypeInference KEYS = b -> b.getTypeFactory().createArrayType(
            b.getOperandType(0).getKeyType(), -1);
    private static final SqlReturnTypeInference VALUES = b -> b.getTypeFactory().createArrayType(
            b.getOperandType(0).getValueType(), -1);
    private static final SqlReturnTypeInference SAME_MAPS = b -> b.getTypeFactory().leastRestrictive(
            b.collectOperandTypes());
    private static final SqlReturnTypeInference TEXT_MAP = b -> {
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createMapType(f.createSqlType(SqlTypeName.VARCHAR),
                f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true));
    };
    private static final SqlReturnTypeInference TEXT_MULTIMAP = b -> {
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createMapType(f.createSqlType(SqlTypeName.VARCHAR),
                f.createArrayType(f.createSqlType(SqlTypeName.VARCHAR), -1));
    };

    private MapFunctions() {
    }

    /** Declares the map functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> m = MapFunctions.class;
        r.define(GlauxFunction.strict("map", false, Signature.of(m, "emptyMap", EMPTY_MAP),
                Signature.of(m, "map", MAP_OF_ARRAYS, ARRAY, ARRAY)));
        r.define(GlauxFunction.strict("map_from_entries", false,
                Signature.of(m, "mapFromEntries", MAP_OF_ENTRIES, ARRAY)));
        r.define(GlauxFunction.strict("multimap_from_entries", false,
                Signature.of(m, "multimapFromEntries", MULTIMAP_OF_ENTRIES, ARRAY)));
        r.define(GlauxFunction.strict("map_entries", false, Signature.of(m, "mapEntries", ENTRIES, MAP)));
        r.define(GlauxFunction.strict("map_keys", false, Signature.of(m, "mapKeys", KEYS, MAP)));
        r.define(GlauxFunction.strict("cosine_similarity", true,
                Signature.of(m, "cosineSimilarity", Returns.DOUBLE, MAP, MAP)));
        r.define(GlauxFunction.strict("map_values", false, Signature.of(m, "mapValues", VALUES, MAP)));
        r.define(GlauxFunction.strict("map_concat", false, Signature.variadic(m, "mapConcat", SAME_MAPS, MAP)));
        r.define(GlauxFunction.strict("split_to_map", false,
                Signature.of(m, "splitToMap", TEXT_MAP, STRING, STRING, STRING)));
        r.define(GlauxFunction.strict("split_to_multimap", false,
                Signature.of(m, "splitToMultimap", TEXT_MULTIMAP, STRING, STRING, STRING)));
    }

    private static RelDataType nonNull(RelDataTypeFactory f, RelDataType type) {
        return type == null ? null : f.createTypeWithNullability(type, false);
    }

    /** map(): the empty map. */
    public static Map<Object, Object> emptyMap() {
        return new LinkedHashMap<>();
    }

    /** map(keys, values): the arrays paired up; same lengths, no NULL or repeated keys. */
    public static Map<Object, Object> map(List<?> keys, List<?> values) {
        if (keys.size() != values.size()) {
            throw FunctionErrors.invalidArgument("Key and value arrays must be the same length");
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            putNew(map, keys.get(i), values.get(i), "Duplicate map keys (%s) are not allowed");
        }
        return map;
    }

    /** map_from_entries(array(row(k, v))): no NULL entries, NULL or repeated keys. */
    public static Map<Object, Object> mapFromEntries(List<?> entries) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object entry : entries) {
            List<?> kv = entry(entry);
            putNew(map, kv.get(0), kv.get(1), "Duplicate keys (%s) are not allowed");
        }
        return map;
    }

    /** multimap_from_entries(array(row(k, v))): each key with the array of its values, in order. */
    public static Map<Object, Object> multimapFromEntries(List<?> entries) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Object entry : entries) {
            List<?> kv = entry(entry);
            if (kv.get(0) == null) {
                throw FunctionErrors.invalidArgument("map key cannot be null");
            }
            valuesOf(map, kv.get(0)).add(kv.get(1));
        }
        return map;
    }

    /** map_entries(map): the entries as rows (key, value), in the map's order. */
    public static List<Object> mapEntries(Map<?, ?> map) {
        List<Object> entries = new ArrayList<>(map.size());
        map.forEach((k, v) -> entries.add(new Object[] {k, v}));
        return entries;
    }

    /**
     * cosine_similarity(x, y) of two sparse vectors given as maps from names to numbers: their dot product over keys
     * both hold, divided by the product of their Euclidean norms. NULL if a value is NULL.
     */
    public static Double cosineSimilarity(Map<?, ?> x, Map<?, ?> y) {
        Double normX = norm(x);
        Double normY = norm(y);
        if (normX == null || normY == null) {
            return null;
        }
        double dot = 0;
        for (Map.Entry<?, ?> e : x.entrySet()) {
            Object other = y.get(e.getKey());
            if (other != null) {
                dot += ((Number) e.getValue()).doubleValue() * ((Number) other).doubleValue();
            }
        }
        return dot / (normX * normY);
    }

    private static Double norm(Map<?, ?> vector) {
        double sum = 0;
        for (Object v : vector.values()) {
            if (v == null) {
                return null;
            }
            double d = ((Number) v).doubleValue();
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    public static List<Object> mapKeys(Map<?, ?> map) {
        return new ArrayList<>(map.keySet());
    }

    public static List<Object> mapValues(Map<?, ?> map) {
        return new ArrayList<>(map.values());
    }

    /** map_concat(m1, m2, ...): all entries; for a key in several maps the last map's value wins. */
    public static Map<Object, Object> mapConcat(Map<?, ?>... maps) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map<?, ?> m : maps) {
            out.putAll(m);
        }
        return out;
    }

    /** split_to_map(text, entryDelimiter, keyValueDelimiter): each key once. */
    public static Map<Object, Object> splitToMap(String text, String entryDelimiter, String keyValueDelimiter) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (String[] kv : split(text, entryDelimiter, keyValueDelimiter)) {
            putNew(map, kv[0], kv[1], "Duplicate keys (%s) are not allowed");
        }
        return map;
    }

    /** split_to_multimap(text, entryDelimiter, keyValueDelimiter): each key with all its values, in order. */
    public static Map<Object, Object> splitToMultimap(String text, String entryDelimiter, String keyValueDelimiter) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (String[] kv : split(text, entryDelimiter, keyValueDelimiter)) {
            valuesOf(map, kv[0]).add(kv[1]);
        }
        return map;
    }

    private static List<String[]> split(String text, String entryDelimiter, String keyValueDelimiter) {
        if (entryDelimiter.isEmpty()) {
            throw FunctionErrors.invalidArgument("entryDelimiter is empty");
        }
        if (keyValueDelimiter.isEmpty()) {
            throw FunctionErrors.invalidArgument("keyValueDelimiter is empty");
        }
        if (entryDelimiter.equals(keyValueDelimiter)) {
            throw FunctionErrors.invalidArgument("entryDelimiter and keyValueDelimiter must not be the same");
        }
        List<String[]> pairs = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(entryDelimiter, start);
            String entry = text.substring(start, end < 0 ? text.length() : end);
            int kv = entry.indexOf(keyValueDelimiter);
            if (kv < 0 || entry.indexOf(keyValueDelimiter, kv + keyValueDelimiter.length()) >= 0) {
                throw FunctionErrors.invalidArgument(
                        "Key-value delimiter must appear exactly once in each entry. Bad input: '" + entry + "'");
            }
            pairs.add(new String[] {entry.substring(0, kv), entry.substring(kv + keyValueDelimiter.length())});
            start = end < 0 ? text.length() : end + entryDelimiter.length();
        }
        return pairs;
    }

    private static void putNew(Map<Object, Object> map, Object key, Object value, String duplicateMessage) {
        if (key == null) {
            throw FunctionErrors.invalidArgument("map key cannot be null");
        }
        if (map.containsKey(key)) {
            throw FunctionErrors.invalidArgument(String.format(duplicateMessage, key));
        }
        map.put(key, value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> valuesOf(Map<Object, Object> map, Object key) {
        return (List<Object>) map.computeIfAbsent(key, k -> new ArrayList<>());
    }

    /** A row (key, value) as Calcite hands it over: an {@code Object[]} or a list. */
    private static List<?> entry(Object entry) {
        if (entry == null) {
            throw FunctionErrors.invalidArgument("map entry cannot be null");
        }
        List<?> kv = entry instanceof Object[] ? Arrays.asList((Object[]) entry) : (List<?>) entry;
        if (kv.size() != 2) {
            throw FunctionErrors.invalidArgument("map entry must have two fields");
        }
        return kv;
    }
}
