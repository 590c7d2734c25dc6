package io.glaux.format.parquet;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ValueRange;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.PrimitiveType;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Decodes one flat Parquet column, chunk after chunk, into Arrow vectors laid out as {@link ColumnLayout} says, for
 * {@link ParquetBatchSource}. Values are the ones the row path ({@link LeafConverter} then {@link ValueCoercion})
 * gives: common conversions are decoded straight from the column reader without boxing, the rest go through the row
 * path's own converter one value at a time ({@link BoxedDecoder}).
 */
abstract class ColumnDecoder {

    /**
     * One decoded batch of a column; {@code dictionary} is the dictionary its ids point into, or null; {@code range}
     * a range its values lie in when the decoder knows one without another pass ({@link ValueRange}), or null.
     */
    record Decoded(FieldVector vector, VarCharVector dictionary, ValueRange range) {
        Decoded(FieldVector vector, VarCharVector dictionary) {
            this(vector, dictionary, null);
        }
    }

    protected final String name;
    protected final AthenaType type;
    protected ColumnReader reader;
    protected int maxDefinitionLevel;
    private int[] levels = new int[0];

    ColumnDecoder(String name, AthenaType type) {
        this.name = name;
        this.type = type;
    }

    /**
     * The decoder of a file column read as a table column the planner accepted ({@link ValueCoercion#of} is non-null
     * for them).
     */
    static ColumnDecoder of(PrimitiveType file, Column column) {
        FileValueKind kind = FileValueKind.of(file);
        UnaryOperator<Object> coercion = ValueCoercion.of(kind, column.type());
        if (coercion == null) {
            throw new IllegalArgumentException("Not readable as " + column.type().ddl() + ": " + file);
        }
        return switch (column.type().kind()) {
            case CHAR, VARCHAR, STRING, BINARY -> new TextDecoder(column.name(), column.type(), kind, coercion);
            default -> {
                ColumnDecoder direct = FixedWidthDecoder.of(column.name(), column.type(), file, kind);
                yield direct != null ? direct : new BoxedDecoder(column.name(), column.type(), file, kind, coercion);
            }
        };
    }

    /**
     * The converter the chunk's column reader is built with: it is handed the chunk's dictionary, if any, when the
     * reader is built (and, for {@link BoxedDecoder}, each value).
     */
    abstract PrimitiveConverter converter();

    /**
     * Starts a row group: this column's (possibly page-filtered) chunk, read through a column reader from
     * {@code store} unless the decoder reads its pages itself, and the chunk's metadata.
     *
     * @return a dictionary this chunk's batches will point into, which the caller keeps until it closes; or null
     */
    VarCharVector startChunk(ColumnReadStore store, PageReadStore pages, ColumnDescriptor descriptor,
                             ColumnChunkMetaData chunk, BufferAllocator allocator) {
        this.reader = store.getColumnReader(descriptor);
        this.maxDefinitionLevel = descriptor.getMaxDefinitionLevel();
        return null;
    }

    /** The next {@code rows} rows of the current chunk. */
    abstract Decoded decode(int rows, BufferAllocator allocator);

    /** A reusable buffer of at least {@code rows} definition levels. */
    protected final int[] levelBuffer(int rows) {
        if (levels.length < rows) {
            levels = new int[Math.max(rows, 1_024)];
        }
        return levels;
    }

    /** Marks rows {@code [from, from + count)} valid: the whole bytes among them at once. */
    protected static void setValid(ArrowBuf validity, int from, int count) {
        int row = from;
        int end = from + count;
        while (row < end && (row & 7) != 0) {
            BitVectorHelper.setBit(validity, row++);
        }
        int wholeBytes = (end - row) >>> 3;
        if (wholeBytes > 0) {
            validity.setOne(row >>> 3, wholeBytes);
            row += wholeBytes << 3;
        }
        while (row < end) {
            BitVectorHelper.setBit(validity, row++);
        }
    }

    /** Whether the current row holds a value (not NULL). */
    protected final boolean present() {
        return reader.getCurrentDefinitionLevel() == maxDefinitionLevel;
    }

    /** A vector of the table type's layout, for {@code rows} values. */
    protected final FieldVector newVector(ArrowType arrowType, int rows, BufferAllocator allocator) {
        FieldVector vector = new Field(name, FieldType.nullable(arrowType), null).createVector(allocator);
        vector.setInitialCapacity(rows);
        vector.allocateNew();
        return vector;
    }

    /**
     * As {@link #newVector}, for a caller that writes every one of the {@code rows} slots (a NULL's as zero, as Arrow
     * leaves a slot never written): of a fixed-width layout, only the validity is zeroed, not the values, whose
     * zeroing was a pass over the batch's memory before it was written.
     */
    protected final FieldVector newVectorToFill(ArrowType arrowType, int rows, BufferAllocator allocator) {
        FieldVector vector = new Field(name, FieldType.nullable(arrowType), null).createVector(allocator);
        if (!(vector instanceof BaseFixedWidthVector fixed) || vector instanceof BitVector) {
            vector.setInitialCapacity(rows);
            vector.allocateNew();
            return vector;
        }
        try (ArrowBuf validity = allocator.buffer(BitVectorHelper.getValidityBufferSizeFromCount(rows));
             ArrowBuf data = allocator.buffer((long) rows * fixed.getTypeWidth())) {
            validity.setZero(0, validity.capacity());
            // The vector takes its own reference to both buffers (a validity buffer given is kept as it is).
            vector.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(validity, data));
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
        return vector;
    }

    /** A vector of {@code rows} NULLs in the layout of {@code type} (strings as values), for a column the file lacks. */
    static FieldVector nulls(String name, AthenaType type, int rows, BufferAllocator allocator) {
        ArrowType arrowType = ColumnLayout.isDictionaryEncoded(type) ? ArrowType.Utf8.INSTANCE
                : ColumnLayout.arrowType(type);
        FieldVector vector = new Field(name, FieldType.nullable(arrowType), null).createVector(allocator);
        vector.setInitialCapacity(rows);
        vector.allocateNew();
        vector.setValueCount(rows);
        return vector;
    }
}
