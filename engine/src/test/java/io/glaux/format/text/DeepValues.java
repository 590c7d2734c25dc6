package io.glaux.format.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns rows into lists all the way down, so rows holding structs (Object[]) compare with equals. */
public final class DeepValues {

    private DeepValues() {
    }

    public static Object normalize(Object value) {
        if (value instanceof Object[] array) {
            return normalize(Arrays.asList(array));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(normalize(element)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(normalize(key), normalize(element)));
            return copy;
        }
        return value;
    }

    public static List<Object> rows(List<Object[]> rows) {
        return rows.stream().map(DeepValues::normalize).toList();
    }
}
