package io.glaux.sql.scan;

import io.glaux.catalog.Column;
import io.glaux.format.DistinctCounts;
import io.glaux.format.FormatReader;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The first rows of an object whose format keeps no statistics (text): how many bytes a row takes, and for each
 * column how many distinct values those rows hold; or, for an object whose encoding counts them (Parquet's
 * dictionaries), those counts. From a sample the planner can tell a column of few values (a
 * nation key repeated across thousands of customers) from a key, which decides the order of a multi-way join.
 *
 * @param rows the rows read
 * @param bytes the object's bytes those rows took (compressed bytes for a compressed object)
 * @param whole whether the rows are all of the object's
 * @param distinct per column (by lower-case name), the distinct non-NULL values among the rows
 * @param nonNull per column, the non-NULL values among the rows
 */
record ObjectSample(long rows, long bytes, boolean whole, Map<String, Integer> distinct, Map<String, Integer> nonNull) {

    /** At most this many rows are read. */
    static final int MAX_ROWS = 10_000;

    /** At most this many bytes of the object are asked for (one ranged read). */
    static final long MAX_BYTES = 2L << 20;

    /** A column whose sampled values repeat this many times on average holds few values: the sample's. */
    static final int REPEATS = 10;

    /** A sample that tells nothing: no rows. */
    static final ObjectSample NONE = new ObjectSample(0, 0, false, Map.of(), Map.of());

    ObjectSample {
        distinct = Map.copyOf(distinct);
        nonNull = Map.copyOf(nonNull);
    }

    /**
     * The sample an object's encoding records ({@link DistinctCounts}: Parquet's dictionaries of its first row
     * group), for the columns it counts; its bytes are not known.
     */
    static ObjectSample of(DistinctCounts counts) {
        Map<String, Integer> distinct = new HashMap<>();
        Map<String, Integer> nonNull = new HashMap<>();
        counts.distinct().forEach((column, values) -> {
            distinct.put(column, (int) Math.min(Integer.MAX_VALUE, values));
            nonNull.put(column, (int) Math.min(Integer.MAX_VALUE, counts.nonNull().get(column)));
        });
        return new ObjectSample(counts.rows(), 0, counts.whole(), distinct, nonNull);
    }

    /**
     * How many distinct values the column holds, as far as the sample tells: the sample's count when the sample is all
     * of the table ({@code wholeTable}) or when each value repeats in it; empty for a column of many values (a key, or
     * a measure), whose count a sample cannot tell.
     */
    OptionalDouble distinctValues(String column, boolean wholeTable) {
        String name = column.toLowerCase(Locale.ROOT);
        Integer values = distinct.get(name);
        if (values == null) {
            return OptionalDouble.empty();
        }
        if (wholeTable || (long) values * REPEATS <= nonNull.get(name)) {
            return OptionalDouble.of(Math.max(1, values));
        }
        return OptionalDouble.empty();
    }

    /**
     * Reads the sample: at most {@link #MAX_ROWS} rows of every one of the table's data columns, from at most
     * {@link #MAX_BYTES} of the object. When the object is longer, the row those bytes end in (which may be cut, or
     * fail to parse) is left out.
     */
    static ObjectSample read(FormatReader reader, ObjectSource source, List<Column> columns,
                             Map<String, String> serdeParameters, String serializationLibrary) throws IOException {
        int[] all = new int[columns.size()];
        List<Set<Object>> values = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
            values.add(new HashSet<>());
        }
        int[] nonNull = new int[all.length];
        CountingSource counting = new CountingSource(source);
        boolean cut = source.size() > MAX_BYTES;
        ReadRequest request = new ReadRequest(columns, all, List.of(), serdeParameters, serializationLibrary);
        long rows = 0;
        boolean whole = false;
        try (RowSource rowSource = reader.open(counting, request)) {
            Object[] row = next(rowSource, cut);
            while (row != null && rows < MAX_ROWS) {
                // A row counts once the next one is read: the last row of a cut read may be cut too.
                Object[] following = next(rowSource, cut);
                if (following == null && cut) {
                    break;
                }
                rows++;
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null) {
                        nonNull[i]++;
                        values.get(i).add(row[i]);
                    }
                }
                row = following;
            }
            whole = row == null && !cut;
        }
        Map<String, Integer> distinct = new HashMap<>();
        Map<String, Integer> counted = new HashMap<>();
        for (int i = 0; i < all.length; i++) {
            String name = columns.get(i).name().toLowerCase(Locale.ROOT);
            distinct.put(name, values.get(i).size());
            counted.put(name, nonNull[i]);
        }
        return new ObjectSample(rows, whole ? source.size() : Math.min(source.size(), counting.bytes), whole, distinct,
                counted);
    }

    /** The next row, or null at the end or, in a cut read, where the rows stop parsing. */
    private static Object[] next(RowSource rows, boolean cut) throws IOException {
        try {
            return rows.next();
        } catch (IOException | RuntimeException e) {
            if (cut) {
                return null;
            }
            throw e;
        }
    }

    /** Counts the bytes a reader takes from the object, of at most its first {@link #MAX_BYTES}. */
    private static final class CountingSource implements ObjectSource {
        private final ObjectSource source;
        private long bytes;

        CountingSource(ObjectSource source) {
            this.source = source;
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public long size() {
            return source.size();
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            long end = length < 0 ? source.size() : Math.min(source.size(), offset + length);
            long kept = Math.max(0, Math.min(end, MAX_BYTES) - offset);
            return new FilterInputStream(source.open(offset, kept)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bytes++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int read = super.read(buffer, offset, length);
                    if (read > 0) {
                        bytes += read;
                    }
                    return read;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    bytes += skipped;
                    return skipped;
                }
            };
        }
    }
}
