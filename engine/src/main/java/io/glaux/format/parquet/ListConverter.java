package io.glaux.format.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * A LIST-annotated group read as a {@link List}. Its one child is the repeated field: in the standard 3-level layout
 * a group holding the element ({@link Entry}), in legacy 2-level layouts the element itself.
 */
final class ListConverter extends GroupConverter {

    private final Converter repeated;
    private final ValueSink sink;
    private List<Object> list;

    ListConverter(ReadPlanner.Node element, boolean threeLevel, ValueSink sink) {
        this.sink = sink;
        ValueSink add = value -> list.add(value);
        this.repeated = threeLevel ? new Entry(element, add) : element.converter(add);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return repeated;
    }

    @Override
    public void start() {
        list = new ArrayList<>();
    }

    @Override
    public void end() {
        sink.accept(list);
    }

    /** The repeated group of a 3-level list: one occurrence per element; an absent element field is a NULL element. */
    static final class Entry extends GroupConverter {
        private final Converter element;
        private final ValueSink sink;
        private Object value;

        Entry(ReadPlanner.Node element, ValueSink sink) {
            this.sink = sink;
            this.element = element.converter(v -> value = v);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return element;
        }

        @Override
        public void start() {
            value = null;
        }

        @Override
        public void end() {
            sink.accept(value);
        }
    }
}
