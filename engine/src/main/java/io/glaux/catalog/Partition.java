package io.glaux.catalog;

import java.util.List;

/** One partition: its key values, in the order of the table's partition keys, and its location prefix. */
public record Partition(List<String> values, String location) {

    public Partition {
        values = List.copyOf(values);
    }
}
