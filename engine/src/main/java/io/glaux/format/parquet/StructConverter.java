package io.glaux.format.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@code Object[]} from a Parquet group: each file field fills one or more slots. Slots no file field fills
 * stay NULL (a field the file lacks). A bare repeated field (no LIST annotation) collects its values into a list.
 * Used for structs and, with the projection as slots, for the whole row.
 */
final class StructConverter extends GroupConverter {

    private final int slotCount;
    private final int[][] childSlots;
    private final boolean[] childRepeated;
    private final Converter[] children;
    private final ValueSink sink;
    private Object[] current;

    StructConverter(int slotCount, List<ReadPlanner.Node> childNodes, int[][] childSlots, ValueSink sink) {
        this.slotCount = slotCount;
        this.childSlots = childSlots;
        this.sink = sink;
        this.children = new Converter[childNodes.size()];
        this.childRepeated = new boolean[childNodes.size()];
        for (int i = 0; i < children.length; i++) {
            ReadPlanner.Node node = childNodes.get(i);
            int[] slots = childSlots[i];
            childRepeated[i] = node.bareRepeated();
            children[i] = node.converter(childSink(slots, node.bareRepeated()));
        }
    }

    private ValueSink childSink(int[] slots, boolean repeated) {
        int first = slots[0];
        if (repeated) {
            return value -> listAt(first).add(value);
        }
        if (slots.length == 1) {
            return value -> current[first] = value;
        }
        return value -> {
            for (int slot : slots) {
                current[slot] = value;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private List<Object> listAt(int slot) {
        return (List<Object>) current[slot];
    }

    @Override
    public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
    }

    @Override
    public void start() {
        current = new Object[slotCount];
        for (int i = 0; i < children.length; i++) {
            if (childRepeated[i]) {
                List<Object> list = new ArrayList<>();
                for (int slot : childSlots[i]) {
                    current[slot] = list;
                }
            }
        }
    }

    @Override
    public void end() {
        sink.accept(current);
    }
}
