package io.glaux.format.parquet;

import org.apache.parquet.io.api.Binary;
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
            return new Discard();
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

    private static final class Discard extends PrimitiveConverter {
        @Override
        public void addBinary(Binary value) {
        }

        @Override
        public void addBoolean(boolean value) {
        }

        @Override
        public void addDouble(double value) {
        }

        @Override
        public void addFloat(float value) {
        }

        @Override
        public void addInt(int value) {
        }

        @Override
        public void addLong(long value) {
        }
    }
}
