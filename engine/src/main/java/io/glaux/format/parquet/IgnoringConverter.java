package io.glaux.format.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Reads and discards a field. Needed when a struct column shares no field with the file's group: the group must
 * still be read (one leaf) to tell a NULL struct from a struct whose fields are all NULL.
 */
final class IgnoringConverter {

    private IgnoringConverter() {
    }

    static Converter of(Type type) {
        if (type.isPrimitive()) {
            return new PrimitiveConverter() {
            };
        }
        GroupType group = type.asGroupType();
        Converter[] children = new Converter[group.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            children[i] = of(group.getType(i));
        }
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return children[fieldIndex];
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
    }
}
