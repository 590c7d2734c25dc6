package io.glaux.format.json;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.format.text.SerdeOptions;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a JSON SerDe matches keys and treats bad input. Keys match column names case-insensitively unless
 * {@code case.insensitive=false}; {@code mapping.<column>} names the key of a column; {@code dots.in.keys=true}
 * reads a key {@code a.b} as {@code a_b}; {@code ignore.malformed.json=true} turns a malformed line into a row of
 * NULLs.
 * A value of the wrong type is NULL for the OpenX SerDe and an error for Hive's, unless
 * {@code use.null.for.invalid.data} says otherwise.
 */
record JsonDialect(boolean caseInsensitive, boolean dotsInKeys, boolean ignoreMalformed, boolean nullForInvalidData,
                   Map<String, String> mappings) {

    static final String CASE_INSENSITIVE = "case.insensitive";
    static final String DOTS_IN_KEYS = "dots.in.keys";
    static final String IGNORE_MALFORMED = "ignore.malformed.json";
    static final String NULL_FOR_INVALID_DATA = "use.null.for.invalid.data";
    static final String MAPPING_PREFIX = "mapping.";

    static JsonDialect from(Map<String, String> parameters, String serializationLibrary) {
        SerdeOptions options = new SerdeOptions(parameters);
        boolean openX = StorageDescriptor.OPENX_JSON_SERDE.equals(serializationLibrary);
        Map<String, String> mappings = new HashMap<>();
        parameters.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).startsWith(MAPPING_PREFIX)) {
                mappings.put(key.substring(MAPPING_PREFIX.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        return new JsonDialect(options.flag(CASE_INSENSITIVE, true), options.flag(DOTS_IN_KEYS, false),
                options.flag(IGNORE_MALFORMED, false), options.flag(NULL_FOR_INVALID_DATA, openX),
                Map.copyOf(mappings));
    }

    /** The key as it is compared with column and field names. */
    String normalizeKey(String key) {
        String name = dotsInKeys ? key.replace('.', '_') : key;
        return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** The normalized JSON key that holds {@code column}. */
    String keyOf(Column column) {
        String mapped = mappings.get(column.name());
        if (mapped == null) {
            return normalizeKey(column.name());
        }
        return caseInsensitive ? mapped.toLowerCase(Locale.ROOT) : mapped;
    }

    /** Positions of the projected columns by normalized key (a column projected twice has two positions). */
    Map<String, int[]> projectedKeys(List<Column> columns, int[] projection) {
        Map<String, int[]> keys = new HashMap<>();
        for (int position = 0; position < projection.length; position++) {
            int[] previous = keys.get(keyOf(columns.get(projection[position])));
            int[] positions = previous == null ? new int[1] : Arrays.copyOf(previous, previous.length + 1);
            positions[positions.length - 1] = position;
            keys.put(keyOf(columns.get(projection[position])), positions);
        }
        return keys;
    }
}
