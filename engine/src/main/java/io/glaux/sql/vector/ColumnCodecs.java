package io.glaux.sql.vector;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import io.glaux.format.ColumnVectors;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Arrow fields of a SPICE version's columns ({@link ColumnLayout}, with the Athena type kept in the field's
 * metadata) and the conversions between Glaux's row values ({@link io.glaux.format.Values}) and vector slots; string
 * ids point into the column's {@link StringDictionary}.
 */
public final class ColumnCodecs {

    /** Field metadata key keeping the Athena type (so varchar(n), char(n) and string survive a round trip). */
    public static final String TYPE_KEY = "glaux.type";

    private ColumnCodecs() {
    }

    /** The Arrow field of a column; string columns carry the dictionary encoding with id {@code dictionaryId}. */
    public static Field field(Column column, long dictionaryId) {
        Map<String, String> metadata = Map.of(TYPE_KEY, column.type().ddl());
        AthenaType type = column.type();
        DictionaryEncoding encoding = ColumnLayout.isDictionaryEncoded(type) ? StringDictionary.encoding(dictionaryId) : null;
        return new Field(column.name(), new FieldType(true, ColumnLayout.arrowType(type), encoding, metadata), null);
    }

    /** The Arrow schema of columnar batches (string columns as ids into dictionary id = column index). */
    public static Schema schema(List<Column> columns, Map<String, String> metadata) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            fields.add(field(columns.get(i), i));
        }
        return new Schema(fields, metadata);
    }

    /** Stores a non-null value in slot {@code row}, growing the vector as needed; strings become their ids. */
    public static void set(FieldVector vector, int row, AthenaType type, Object value, StringDictionary dictionary) {
        if (ColumnLayout.isDictionaryEncoded(type)) {
            ((IntVector) vector).setSafe(row, dictionary.idOf(value.toString()));
        } else {
            ColumnVectors.set(vector, row, type, value);
        }
    }

    /** The value in slot {@code row} in Glaux's row representation, or null. */
    public static Object get(FieldVector vector, int row, AthenaType type, StringDictionary dictionary) {
        if (!ColumnLayout.isDictionaryEncoded(type)) {
            return ColumnVectors.get(vector, row, type);
        }
        if (vector.isNull(row)) {
            return null;
        }
        // A batch held as values (ColumnarParts) rather than ids.
        return vector instanceof VarCharVector values ? new String(values.get(row), StandardCharsets.UTF_8)
                : dictionary.value(((IntVector) vector).get(row));
    }
}
