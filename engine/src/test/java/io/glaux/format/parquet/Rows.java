package io.glaux.format.parquet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes rows comparable with equals: structs ({@code Object[]}) become lists, recursively. */
final class Rows {

    private Rows() {
    }

    static Object comparable(Object value) {
        if (value instanceof Object[] struct) {
            return asList(struct);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(comparable(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(comparable(k), comparable(v)));
            return copy;
        }
        return value;
    }

    private static List<Object> asList(Object[] struct) {
        List<Object> copy = new ArrayList<>();
        for (Object item : struct) {
            copy.add(comparable(item));
        }
        return copy;
    }

    static List<Object> comparableRows(List<Object[]> rows) {
        List<Object> result = new ArrayList<>();
        rows.forEach(row -> result.add(asList(row)));
        return result;
    }
}
