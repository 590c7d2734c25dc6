package io.glaux.format.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

import java.util.LinkedHashMap;
import java.util.Map;

/** A MAP group read as an insertion-ordered {@link Map}; entries with a NULL key are dropped. */
final class MapConverter extends GroupConverter {

    private final Converter entries;
    private final ValueSink sink;
    private Map<Object, Object> map;

    /**
     * @param keyIndex index of the key field in the repeated key/value group
     * @param valueIndex index of the value field, or -1 when the group has none (values read as NULL)
     */
    MapConverter(ReadPlanner.Node key, int keyIndex, ReadPlanner.Node value, int valueIndex, ValueSink sink) {
        this.sink = sink;
        this.entries = new Entry(key, keyIndex, value, valueIndex);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return entries;
    }

    @Override
    public void start() {
        map = new LinkedHashMap<>();
    }

    @Override
    public void end() {
        sink.accept(map);
    }

    private final class Entry extends GroupConverter {
        private final Converter[] fields = new Converter[2];
        private Object key;
        private Object value;

        Entry(ReadPlanner.Node keyNode, int keyIndex, ReadPlanner.Node valueNode, int valueIndex) {
            fields[keyIndex] = keyNode.converter(v -> key = v);
            if (valueIndex >= 0) {
                fields[valueIndex] = valueNode.converter(v -> value = v);
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {
            key = null;
            value = null;
        }

        @Override
        public void end() {
            if (key != null) {
                map.put(key, value);
            }
        }
    }
}
