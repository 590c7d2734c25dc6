package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.DataFormat;
import io.glaux.catalog.TableDefinition;
import io.glaux.format.DistinctCounts;
import io.glaux.format.FormatReader;
import io.glaux.format.FormatRegistry;
import io.glaux.format.ObjectSource;
import io.glaux.format.ObjectStatistics;
import io.glaux.format.ObjectStatistics.ValueRange;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectListing;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the planner's cost model knows of a table, roughly: its rows and, where its objects record them (Parquet
 * footers), the value ranges of its integer and date columns, which bound how many distinct values a column can hold,
 * and the sizes of the first object's dictionaries, which count the distinct values of a column of few values.
 * Rows come from what the catalog records when a crawler or an analyzer set it (the table property {@code numRows},
 * or Glue's {@code recordCount}), else from the footers of its first objects (extrapolated over the rest by bytes),
 * else, for text, from the first rows of its first object ({@link ObjectSample}: bytes per row, and the distinct values
 * of columns whose values repeat), else from its data bytes over an estimated width of one row. The planner needs relative sizes and
 * key-ness more than exact figures: with every table at Calcite's default of 100 rows, a six-way join has no good
 * order to find.
 */
public final class TableEstimates {

    /** At most this many listing pages are read; a table with more objects counts only those. */
    static final int MAX_PAGES = 10;

    /** At most this many objects' footers are read per table. */
    static final int MAX_FOOTERS = 32;

    /** Samples kept, the least recently used dropped first. */
    static final int MAX_SAMPLES = 256;

    private final ObjectStore store;
    private final FormatRegistry formats;
    private final Map<SampleKey, ObjectSample> samples = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SampleKey, ObjectSample> eldest) {
            return size() > MAX_SAMPLES;
        }
    };

    public TableEstimates(ObjectStore store, FormatRegistry formats) {
        this.store = store;
        this.formats = formats;
    }

    /**
     * A table's estimated rows, the value ranges of its columns and the distinct values a sample found in them (both
     * by lower-case column name).
     */
    public record Estimate(double rows, Map<String, ValueRange> ranges, Map<String, Double> distinct) {

        public Estimate {
            ranges = Map.copyOf(ranges);
            distinct = Map.copyOf(distinct);
        }

        public Estimate(double rows, Map<String, ValueRange> ranges) {
            this(rows, ranges, Map.of());
        }

        /**
         * At most how many distinct values the column holds: its range's width or its sampled count, capped by the
         * rows.
         */
        public OptionalDouble distinctValues(String column) {
            String name = column.toLowerCase(Locale.ROOT);
            ValueRange range = ranges.get(name);
            Double sampled = distinct.get(name);
            if (range == null && sampled == null) {
                return OptionalDouble.empty();
            }
            double bound = Math.min(range == null ? rows : range.width(), sampled == null ? rows : sampled);
            return OptionalDouble.of(Math.max(1, Math.min(rows, bound)));
        }
    }

    /** The estimate, or empty when the catalog has no figure and the location cannot be listed. */
    public Optional<Estimate> estimate(TableDefinition table) {
        for (String property : List.of("numRows", "recordCount")) {
            OptionalDouble recorded = number(table.parameters().get(property));
            if (recorded.isPresent()) {
                return Optional.of(new Estimate(recorded.getAsDouble(), Map.of()));
            }
        }
        if (table.storage() == null || table.storage().location() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromObjects(table, dataObjects(S3Location.parse(table.storage().location())
                    .asPrefix())));
        } catch (IOException | RuntimeException e) {
            // No bucket, no such location, an unreadable store or footer: the planner falls back to its default guess.
            return Optional.empty();
        }
    }

    private Estimate fromObjects(TableDefinition table, List<ObjectInfo> objects) throws IOException {
        FormatReader reader = formats.reader(table.storage().format());
        long bytes = 0;
        long footerBytes = 0;
        long footerRows = 0;
        Map<String, ValueRange> ranges = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            ObjectInfo object = objects.get(i);
            bytes += object.size();
            if (i < MAX_FOOTERS) {
                Optional<ObjectStatistics> statistics = reader.statistics(new StoreObjectSource(store, object));
                if (statistics.isPresent()) {
                    footerBytes += object.size();
                    footerRows += statistics.get().rows();
                    statistics.get().ranges().forEach((column, range) -> ranges.merge(column, range,
                            ValueRange::union));
                }
            }
        }
        if (footerBytes > 0) {
            double rows = footerRows + (double) (bytes - footerBytes) * footerRows / footerBytes;
            return new Estimate(rows, ranges, encodedDistinct(table, reader, objects.get(0), objects.size() == 1));
        }
        if (!objects.isEmpty()) {
            Optional<Estimate> sampled = fromSample(table, reader, objects.get(0), objects.size() == 1, bytes);
            if (sampled.isPresent()) {
                return sampled.get();
            }
        }
        return new Estimate(Math.max(1, bytes / rowWidth(table.columns(), table.storage().format())), Map.of());
    }

    /**
     * For a format without statistics: the rows the table's bytes hold at the first object's bytes per row, and the
     * distinct values of the columns whose sampled values repeat (or of every column, when the sample is the whole
     * table). Empty when the object cannot be read or has no rows.
     */
    private Optional<Estimate> fromSample(TableDefinition table, FormatReader reader, ObjectInfo first,
                                          boolean onlyObject, long bytes) {
        ObjectSample sample;
        try {
            sample = sample(table, first, source -> ObjectSample.read(reader, source, table.columns(),
                    TableScanner.serdeParameters(table), table.storage().serializationLibrary()));
        } catch (IOException | RuntimeException e) {
            // Malformed or unreadable: a query will say so; the estimate falls back to the row width.
            return Optional.empty();
        }
        if (sample.rows() == 0 || sample.bytes() == 0) {
            return Optional.empty();
        }
        boolean wholeTable = onlyObject && sample.whole();
        double rows = wholeTable ? sample.rows() : (double) bytes * sample.rows() / sample.bytes();
        Map<String, Double> distinct = new HashMap<>();
        for (Column column : table.columns()) {
            sample.distinctValues(column.name(), wholeTable).ifPresent(values -> distinct.put(
                    column.name().toLowerCase(Locale.ROOT), values));
        }
        return Optional.of(new Estimate(Math.max(1, rows), Map.of(), distinct));
    }

    /**
     * For a format with statistics: the distinct values its first object's encoding records ({@link DistinctCounts},
     * Parquet's dictionaries), for the columns whose values repeat in them (or every such column, when they count the
     * whole table). None when the object records none or cannot be read.
     */
    private Map<String, Double> encodedDistinct(TableDefinition table, FormatReader reader, ObjectInfo first,
                                                boolean onlyObject) {
        ObjectSample sample;
        try {
            sample = sample(table, first, source -> reader.distinctCounts(source).map(ObjectSample::of)
                    .orElse(ObjectSample.NONE));
        } catch (IOException | RuntimeException e) {
            // An unreadable footer or header: the estimate keeps the footers' ranges.
            return Map.of();
        }
        Map<String, Double> distinct = new HashMap<>();
        for (Column column : table.columns()) {
            sample.distinctValues(column.name(), onlyObject && sample.whole()).ifPresent(values -> distinct.put(
                    column.name().toLowerCase(Locale.ROOT), values));
        }
        return distinct;
    }

    /** How an object is sampled. */
    private interface Sampler {
        ObjectSample read(ObjectSource source) throws IOException;
    }

    /** The object's sample, read once per version of the object and definition of the table. */
    private ObjectSample sample(TableDefinition table, ObjectInfo object, Sampler sampler) throws IOException {
        SampleKey key = new SampleKey(object, table.columns(), TableScanner.serdeParameters(table),
                table.storage().serializationLibrary());
        synchronized (samples) {
            ObjectSample known = samples.get(key);
            if (known != null) {
                return known;
            }
        }
        ObjectSample sample = sampler.read(new StoreObjectSource(store, object));
        synchronized (samples) {
            samples.put(key, sample);
        }
        return sample;
    }

    /** What a sample depends on: the object's version and how the table reads it. */
    private record SampleKey(ObjectInfo object, List<Column> columns, Map<String, String> serdeParameters,
                             String serializationLibrary) {
        SampleKey {
            columns = List.copyOf(columns);
            serdeParameters = Map.copyOf(serdeParameters);
        }
    }

    private List<ObjectInfo> dataObjects(S3Location prefix) throws IOException {
        List<ObjectInfo> objects = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectListing listing = store.list(prefix.bucket(), prefix.key(), token, 1000);
            for (ObjectInfo object : listing.objects()) {
                if (DataObjects.isData(object)) {
                    objects.add(object);
                }
            }
            token = listing.nextContinuationToken().orElse(null);
            if (token == null) {
                break;
            }
        }
        return objects;
    }

    private static OptionalDouble number(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.strip());
            return value >= 0 && Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Estimated bytes of one row: each column's typical text width plus a delimiter; JSON adds each field's name and
     * quotes; Parquet's encoded and compressed columns take about a quarter of the text.
     */
    static long rowWidth(List<Column> columns, DataFormat format) {
        long text = 1;
        for (Column column : columns) {
            text += textWidth(column.type()) + 1;
            if (format == DataFormat.JSON) {
                text += column.name().length() + 4;
            }
        }
        return format == DataFormat.PARQUET ? Math.max(1, text / 4) : text;
    }

    private static int textWidth(AthenaType type) {
        return switch (type.kind()) {
            case BOOLEAN -> 5;
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INT -> 7;
            case BIGINT, FLOAT, DOUBLE, DATE -> 10;
            case DECIMAL -> ((AthenaType.Decimal) type).precision() + 2;
            case CHAR -> ((AthenaType.Char) type).length();
            case VARCHAR -> Math.min(((AthenaType.Varchar) type).length(), 20);
            case STRING, BINARY -> 20;
            case TIMESTAMP -> 23;
            case ARRAY, MAP, STRUCT -> 40;
        };
    }
}
