package io.glaux.connectors.federation;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.avatica.util.ByteString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Arrow vectors into the engine's value forms (see {@code io.glaux.connector}): dates as Integer days,
 * timestamps as Long milliseconds of the wall clock (a zoned timestamp is read in its own zone), varbinary as
 * ByteString, lists as List, maps as Map, structs as Object[].
 */
final class ArrowValues {

    /** The value at a row, or null. */
    @FunctionalInterface
    interface Reader {
        Object read(int row);
    }

    private ArrowValues() {
    }

    static Reader reader(ValueVector vector) {
        Reader values = values(vector);
        return row -> vector.isNull(row) ? null : values.read(row);
    }

    private static Reader values(ValueVector vector) {
        if (vector instanceof BitVector v) {
            return row -> v.get(row) != 0;
        } else if (vector instanceof TinyIntVector v) {
            return v::get;
        } else if (vector instanceof SmallIntVector v) {
            return v::get;
        } else if (vector instanceof IntVector v) {
            return v::get;
        } else if (vector instanceof BigIntVector v) {
            return v::get;
        } else if (vector instanceof UInt1Vector v) {
            return row -> (int) v.getValueAsLong(row);
        } else if (vector instanceof UInt2Vector v) {
            return row -> (int) v.get(row);
        } else if (vector instanceof UInt4Vector v) {
            return v::getValueAsLong;
        } else if (vector instanceof UInt8Vector v) {
            return v::get;
        } else if (vector instanceof Float2Vector v) {
            return v::getValueAsFloat;
        } else if (vector instanceof Float4Vector v) {
            return v::get;
        } else if (vector instanceof Float8Vector v) {
            return v::get;
        } else if (vector instanceof DecimalVector v) {
            return v::getObject;
        } else if (vector instanceof Decimal256Vector v) {
            return v::getObject;
        } else if (vector instanceof VarCharVector v) {
            return row -> new String(v.get(row), StandardCharsets.UTF_8);
        } else if (vector instanceof LargeVarCharVector v) {
            return row -> new String(v.get(row), StandardCharsets.UTF_8);
        } else if (vector instanceof VarBinaryVector v) {
            return row -> new ByteString(v.get(row));
        } else if (vector instanceof LargeVarBinaryVector v) {
            return row -> new ByteString(v.get(row));
        } else if (vector instanceof FixedSizeBinaryVector v) {
            return row -> new ByteString(v.get(row));
        } else if (vector instanceof DateDayVector v) {
            return v::get;
        } else if (vector instanceof DateMilliVector v) {
            return v::get;
        } else if (vector instanceof TimeStampVector v) {
            return timestamp(v);
        } else if (vector instanceof MapVector v) {
            return map(v);
        } else if (vector instanceof ListVector || vector instanceof LargeListVector
                || vector instanceof FixedSizeListVector) {
            return list((BaseListVector) vector);
        } else if (vector instanceof StructVector v) {
            return struct(v);
        }
        throw new IllegalArgumentException("Arrow type " + vector.getField().getType() + " of column "
                + vector.getField().getName() + " has no Athena type");
    }

    private static Reader timestamp(TimeStampVector vector) {
        ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
        long perMilli = Timestamps.unitsPerMilli(type.getUnit());
        long millisPer = Timestamps.millisPerUnit(type.getUnit());
        java.time.ZoneId zone = Timestamps.zone(type.getTimezone());
        return row -> {
            long raw = vector.get(row);
            long millis = millisPer > 1 ? raw * millisPer : Math.floorDiv(raw, perMilli);
            return zone == null ? millis : Timestamps.wallClock(millis, zone);
        };
    }

    private static Reader list(BaseListVector vector) {
        Reader element = reader(((FieldVector) vector).getChildrenFromFields().get(0));
        return row -> {
            List<Object> values = new ArrayList<>();
            for (int i = vector.getElementStartIndex(row); i < vector.getElementEndIndex(row); i++) {
                values.add(element.read(i));
            }
            return values;
        };
    }

    private static Reader map(MapVector vector) {
        StructVector entries = (StructVector) vector.getDataVector();
        Reader key = reader(entries.getChildByOrdinal(0));
        Reader value = reader(entries.getChildByOrdinal(1));
        return row -> {
            Map<Object, Object> values = new LinkedHashMap<>();
            for (int i = vector.getElementStartIndex(row); i < vector.getElementEndIndex(row); i++) {
                values.put(key.read(i), value.read(i));
            }
            return values;
        };
    }

    private static Reader struct(StructVector vector) {
        List<Reader> fields = new ArrayList<>();
        for (FieldVector child : vector.getChildrenFromFields()) {
            fields.add(reader(child));
        }
        return row -> {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = fields.get(i).read(row);
            }
            return values;
        };
    }
}
