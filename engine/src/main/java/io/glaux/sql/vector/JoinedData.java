package io.glaux.sql.vector;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnLayout;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rows of a join as columnar data ({@link HashJoin}): record batches gathered from the two sides' columns, string
 * columns still ids into the dictionaries of the side they came from (which stay the sides' and must outlive this),
 * asked of the side when needed (a column only the join's filter reads is never decoded for its result), or, in a
 * batch gathered from a side that held them so, values.
 * {@link #close()} frees the gathered batches and their allocator (an {@link #empty} one has neither).
 */
public final class JoinedData extends RecordBatches implements AutoCloseable {

    private final BufferAllocator allocator;
    /** Per column, the side's data it comes from and its column there (null sides: an empty join's). */
    private final ColumnarData[] sides;
    private final int[] sideColumns;

    JoinedData(BufferAllocator allocator, List<Column> columns, List<VectorSchemaRoot> batches, ColumnarData[] sides,
               int[] sideColumns) {
        super(columns, batches);
        this.allocator = allocator;
        this.sides = sides;
        this.sideColumns = sideColumns;
    }

    /** No rows of {@code columns} (a side without data), string columns with empty dictionaries. */
    public static JoinedData empty(List<Column> columns) {
        return new JoinedData(null, columns, List.of(), new ColumnarData[columns.size()], new int[columns.size()]);
    }

    @Override
    public String[] dictionaryValues(int column) {
        if (sides[column] == null) {
            return ColumnLayout.isDictionaryEncoded(columns().get(column).type()) ? new String[0] : null;
        }
        return sides[column].dictionaryValues(sideColumns[column]);
    }

    @Override
    public StringLookup dictionaryLookup(int column) {
        if (sides[column] == null) {
            return ColumnLayout.isDictionaryEncoded(columns().get(column).type())
                    ? StringLookup.of(new String[0]) : null;
        }
        return sides[column].dictionaryLookup(sideColumns[column]);
    }

    @Override
    public boolean[] dictionaryMatches(int column, Predicate<String> condition) {
        return sides[column] == null ? new boolean[0] : sides[column].dictionaryMatches(sideColumns[column], condition);
    }

    @Override
    public Object value(int batch, int column, int row) {
        FieldVector vector = vector(batch, column);
        if (!ColumnLayout.isDictionaryEncoded(columns().get(column).type())) {
            return ColumnCodecs.get(vector, row, columns().get(column).type(), null);
        }
        if (vector.isNull(row)) {
            return null;
        }
        // A batch gathered from values (a string column the query only returns) rather than ids.
        return vector instanceof VarCharVector values ? new String(values.get(row), StandardCharsets.UTF_8)
                : dictionaryLookup(column).value(((IntVector) vector).get(row));
    }

    /** Frees the gathered batches and their allocator. */
    @Override
    public void close() {
        batches().forEach(VectorSchemaRoot::close);
        if (allocator != null) {
            allocator.close();
        }
    }
}
