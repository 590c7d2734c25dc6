package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns batches read in columns ({@link ColumnBatch}) into record batches of {@link ColumnarBatches}: vectors move
 * without a copy (the batch must come from the same allocator), string columns become ids into the columns'
 * {@link StringDictionary}s. Each value of a reader's dictionary is looked up once per dictionary (a Parquet column
 * chunk's serves consecutive batches), values given as such once per row, never through a Java String; or, for a
 * column held as values, not at all: the reader's {@code VarCharVector} moves into the record batch as it is.
 */
public final class BatchEncoder {

    private final BufferAllocator allocator;
    private final Schema schema;
    private final StringDictionary[] dictionaries;
    private final Translation[] translations;
    private final boolean[] heldAsValues;

    /** @param dictionaries per column, the dictionary its ids point into (null for columns that are not strings) */
    public BatchEncoder(BufferAllocator allocator, List<Column> columns, StringDictionary[] dictionaries) {
        this(allocator, columns, dictionaries, new boolean[columns.size()]);
    }

    /**
     * @param heldAsValues per column, whether a string column's batches the reader gives as values stay values (the
     *     record batch then holds a {@code VarCharVector} in that column); its batches of ids still become ids into
     *     {@code dictionaries}
     */
    public BatchEncoder(BufferAllocator allocator, List<Column> columns, StringDictionary[] dictionaries,
                        boolean[] heldAsValues) {
        this.allocator = allocator;
        this.heldAsValues = heldAsValues.clone();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            // A column without a columnar layout (array, map, row) can only be one a reader leaves empty.
            fields.add(ColumnLayout.isSupported(column.type()) ? ColumnCodecs.field(column, i)
                    : Field.nullable(column.name(), ArrowType.Null.INSTANCE));
        }
        this.schema = new Schema(fields, Map.of());
        this.dictionaries = dictionaries;
        this.translations = new Translation[columns.size()];
        for (int i = 0; i < translations.length; i++) {
            translations[i] = new Translation();
        }
    }

    /** From the next batch on, a string column's batches the reader gives as values stay values. */
    public void holdValues(int column) {
        heldAsValues[column] = true;
    }

    /** Whether a string column's batches the reader gives as values stay values. */
    public boolean holdsValues(int column) {
        return heldAsValues[column];
    }

    /**
     * One record batch holding {@code batch}'s column {@code j} as column {@code columns[j]}; columns not named stay
     * empty vectors. The caller's batch is left empty.
     */
    public VectorSchemaRoot encode(ColumnBatch batch, int[] columns) {
        List<Field> fields = new ArrayList<>(schema.getFields());
        for (int j = 0; j < columns.length; j++) {
            if (heldAsValues[columns[j]] && batch.dictionary(j) == null
                    && batch.vector(j) instanceof VarCharVector values) {
                fields.set(columns[j], values.getField());
            }
        }
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        for (Field field : fields) {
            vectors.add(field.createVector(allocator));
        }
        // Built from its vectors, so setting the row count does not allocate the columns left empty.
        VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, batch.rowCount());
        try {
            int rows = batch.rowCount();
            for (int j = 0; j < columns.length; j++) {
                int column = columns[j];
                FieldVector target = vectors.get(column);
                FieldVector source = batch.vector(j);
                if (dictionaries[column] == null || target instanceof VarCharVector) {
                    source.makeTransferPair(target).transfer();
                } else if (batch.dictionary(j) != null) {
                    source.makeTransferPair(target).transfer();
                    translate((IntVector) target, rows,
                            translations[column].of(batch.dictionary(j), dictionaries[column]));
                } else {
                    encode((VarCharVector) source, (IntVector) target, rows, dictionaries[column]);
                }
                target.setValueCount(rows);
            }
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
        return root;
    }

    /** Replaces each id of {@code codes}' first {@code rows} with {@code ids}' entry for it, NULLs kept. */
    static void translate(IntVector codes, int rows, int[] ids) {
        codes.getDataBuffer().checkBytes(0, (long) rows * Integer.BYTES);
        long address = codes.getDataBuffer().memoryAddress();
        boolean nulls = codes.getNullCount() > 0;
        for (int row = 0; row < rows; row++) {
            if (!nulls || !codes.isNull(row)) {
                long at = address + ((long) row << 2);
                MemoryUtil.putInt(at, ids[MemoryUtil.getInt(at)]);
            }
        }
    }

    /** Ids of the values of {@code values} in {@code dictionary}, NULLs kept. */
    static void encode(VarCharVector values, IntVector ids, int rows, StringDictionary dictionary) {
        ids.allocateNew(rows);
        ArrowBuf data = values.getDataBuffer();
        for (int row = 0; row < rows; row++) {
            if (values.isNull(row)) {
                ids.setNull(row);
            } else {
                long start = values.getStartOffset(row);
                ids.set(row, dictionary.idOf(data, start, (int) (values.getEndOffset(row) - start)));
            }
        }
    }

    /** The ids in the target dictionary of a reader's dictionary's values, remembered for the last one seen. */
    private static final class Translation {
        private VarCharVector from;
        private int[] ids;

        int[] of(VarCharVector dictionary, StringDictionary into) {
            if (dictionary != from) {
                int count = dictionary.getValueCount();
                int[] mapped = new int[count];
                ArrowBuf data = dictionary.getDataBuffer();
                for (int i = 0; i < count; i++) {
                    long start = dictionary.getStartOffset(i);
                    mapped[i] = into.idOf(data, start, (int) (dictionary.getEndOffset(i) - start));
                }
                from = dictionary;
                ids = mapped;
            }
            return ids;
        }
    }
}
