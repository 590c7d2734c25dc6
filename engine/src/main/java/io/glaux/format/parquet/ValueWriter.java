package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes one non-null value of a column (in {@link io.glaux.format.Values} form) in the layout of {@link WriteSchema}. */
abstract class ValueWriter {

    abstract void write(RecordConsumer out, Object value);

    static ValueWriter of(AthenaType type, String path) {
        return switch (type.kind()) {
            case BOOLEAN -> new Simple((out, v) -> out.addBoolean((Boolean) v));
            case TINYINT, SMALLINT, INT, DATE -> new Simple((out, v) -> out.addInteger(exactInt(v)));
            case BIGINT, TIMESTAMP -> new Simple((out, v) -> out.addLong(exactLong(v)));
            case FLOAT -> new Simple((out, v) -> out.addFloat(((Number) v).floatValue()));
            case DOUBLE -> new Simple((out, v) -> out.addDouble(((Number) v).doubleValue()));
            case CHAR, VARCHAR, STRING -> new Simple((out, v) -> out.addBinary(Binary.fromString(v.toString())));
            case BINARY -> new Simple((out, v) -> out.addBinary(Binary.fromConstantByteArray(bytes(v))));
            case DECIMAL -> new DecimalWriter((AthenaType.Decimal) type, path);
            case ARRAY -> new ListWriter(of(((AthenaType.Array) type).element(), path + ".element"));
            case MAP -> new MapWriter(of(((AthenaType.Map) type).key(), path + ".key"),
                    of(((AthenaType.Map) type).value(), path + ".value"), path);
            case STRUCT -> new StructWriter((AthenaType.Struct) type, path);
        };
    }

    private static int exactInt(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        return Math.toIntExact(exactLong(value));
    }

    private static long exactLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new ClassCastException(value.getClass().getName() + " is not an integral value");
    }

    private static byte[] bytes(Object value) {
        return value instanceof ByteString b ? b.getBytes() : (byte[]) value;
    }

    private interface Primitive {
        void write(RecordConsumer out, Object value);
    }

    private static final class Simple extends ValueWriter {
        private final Primitive primitive;

        Simple(Primitive primitive) {
            this.primitive = primitive;
        }

        @Override
        void write(RecordConsumer out, Object value) {
            primitive.write(out, value);
        }
    }

    private static final class DecimalWriter extends ValueWriter {
        private final AthenaType.Decimal type;
        private final String path;
        private final int fixedLength;

        DecimalWriter(AthenaType.Decimal type, String path) {
            this.type = type;
            this.path = path;
            this.fixedLength = type.precision() > 18 ? WriteSchema.fixedLength(type.precision()) : 0;
        }

        @Override
        void write(RecordConsumer out, Object value) {
            BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            BigDecimal scaled = decimal.setScale(type.scale(), RoundingMode.HALF_UP);
            if (scaled.precision() > type.precision()) {
                throw new GlauxException(ErrorType.DATA_ERROR, "Value " + decimal.toPlainString() + " of column "
                        + path + " does not fit " + type.ddl());
            }
            BigInteger unscaled = scaled.unscaledValue();
            if (type.precision() <= 9) {
                out.addInteger(unscaled.intValueExact());
            } else if (type.precision() <= 18) {
                out.addLong(unscaled.longValueExact());
            } else {
                out.addBinary(Binary.fromConstantByteArray(twosComplement(unscaled, fixedLength)));
            }
        }

        private static byte[] twosComplement(BigInteger value, int length) {
            byte[] minimal = value.toByteArray();
            byte[] result = new byte[length];
            Arrays.fill(result, 0, length - minimal.length, (byte) (value.signum() < 0 ? -1 : 0));
            System.arraycopy(minimal, 0, result, length - minimal.length, minimal.length);
            return result;
        }
    }

    private static final class ListWriter extends ValueWriter {
        private final ValueWriter element;

        ListWriter(ValueWriter element) {
            this.element = element;
        }

        @Override
        void write(RecordConsumer out, Object value) {
            List<?> list = (List<?>) value;
            out.startGroup();
            if (!list.isEmpty()) {
                out.startField("list", 0);
                for (Object item : list) {
                    out.startGroup();
                    if (item != null) {
                        out.startField("element", 0);
                        element.write(out, item);
                        out.endField("element", 0);
                    }
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
        }
    }

    private static final class MapWriter extends ValueWriter {
        private final ValueWriter key;
        private final ValueWriter value;
        private final String path;

        MapWriter(ValueWriter key, ValueWriter value, String path) {
            this.key = key;
            this.value = value;
            this.path = path;
        }

        @Override
        void write(RecordConsumer out, Object map) {
            Map<?, ?> entries = (Map<?, ?>) map;
            out.startGroup();
            if (!entries.isEmpty()) {
                out.startField("key_value", 0);
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    if (entry.getKey() == null) {
                        throw new GlauxException(ErrorType.DATA_ERROR, "Map key of column " + path + " is null");
                    }
                    out.startGroup();
                    out.startField("key", 0);
                    key.write(out, entry.getKey());
                    out.endField("key", 0);
                    if (entry.getValue() != null) {
                        out.startField("value", 1);
                        value.write(out, entry.getValue());
                        out.endField("value", 1);
                    }
                    out.endGroup();
                }
                out.endField("key_value", 0);
            }
            out.endGroup();
        }
    }

    private static final class StructWriter extends ValueWriter {
        private final String[] names;
        private final ValueWriter[] fields;

        StructWriter(AthenaType.Struct type, String path) {
            names = new String[type.fields().size()];
            fields = new ValueWriter[names.length];
            for (int i = 0; i < names.length; i++) {
                AthenaType.Field field = type.fields().get(i);
                names[i] = field.name();
                fields[i] = of(field.type(), path + "." + field.name());
            }
        }

        @Override
        void write(RecordConsumer out, Object value) {
            Object[] struct = (Object[]) value;
            out.startGroup();
            for (int i = 0; i < fields.length; i++) {
                Object field = i < struct.length ? struct[i] : null;
                if (field != null) {
                    out.startField(names[i], i);
                    fields[i].write(out, field);
                    out.endField(names[i], i);
                }
            }
            out.endGroup();
        }
    }
}
