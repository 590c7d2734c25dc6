package io.glaux.format.parquet;

/** Where a converter puts each value it finishes: a slot of a row or struct, a list, a map entry. */
@FunctionalInterface
interface ValueSink {
    void accept(Object value);
}
