package io.glaux.format.parquet;

import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/** Builds each record as an {@code Object[]} in projection order, straight from the column readers. */
final class RowMaterializer extends RecordMaterializer<Object[]> {

    private final StructConverter root;
    private Object[] current;

    RowMaterializer(ReadPlanner.RowPlan plan, int width) {
        this.root = new StructConverter(width, plan.fields(), plan.slots(), row -> current = (Object[]) row);
    }

    @Override
    public Object[] getCurrentRecord() {
        return current;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
