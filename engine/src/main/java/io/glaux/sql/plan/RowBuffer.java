package io.glaux.sql.plan;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run-time side of {@link EnumerableBuffer}: the first enumeration in a query run reads the input to the end and
 * keeps its rows; every later one, in the same run, replays them. A compiled plan is shared by every run of its
 * query (and by concurrent ones), so the rows are kept in the run's DataContext, under this buffer's identity, never
 * in this object.
 */
public final class RowBuffer {

    /** The DataContext variable holding the run's buffers ({@code Map<RowBuffer, List<Object>>}). */
    public static final String KEY = "glaux.rowBuffers";

    /** Called by generated code: {@code input} read at most once per run of the query. */
    public Enumerable<Object> rows(DataContext root, Enumerable<Object> input) {
        @SuppressWarnings("unchecked")
        Map<RowBuffer, List<Object>> buffers = (Map<RowBuffer, List<Object>>) root.get(KEY);
        if (buffers == null) {
            return input; // a context without buffers (not a Glaux query run): read as often as asked
        }
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object> enumerator() {
                List<Object> rows = buffers.get(RowBuffer.this);
                if (rows == null) {
                    rows = new ArrayList<>();
                    try (Enumerator<Object> source = input.enumerator()) {
                        while (source.moveNext()) {
                            rows.add(source.current());
                        }
                    }
                    buffers.put(RowBuffer.this, rows);
                }
                return Linq4j.iterableEnumerator(rows);
            }
        };
    }
}
