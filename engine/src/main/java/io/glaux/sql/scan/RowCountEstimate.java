package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.catalog.DataFormat;
import io.glaux.catalog.TableDefinition;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectListing;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.S3Location;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How many rows a table holds, roughly, for the planner's cost model: what the catalog records when a crawler or an
 * analyzer set it (the table property {@code numRows}, or Glue's {@code recordCount}), else the bytes of the data
 * objects under its location divided by an estimated width of one row in its format. The planner needs the relative
 * sizes of the tables a query joins more than exact figures: with every table at Calcite's default of 100 rows, a
 * six-way join has no good order to find.
 */
public final class RowCountEstimate {

    /** At most this many listing pages are read; a table with more objects counts only those. */
    static final int MAX_PAGES = 10;

    private final ObjectStore store;

    public RowCountEstimate(ObjectStore store) {
        this.store = store;
    }

    /** The estimate, or empty when the catalog has no figure and the location cannot be listed. */
    public OptionalDouble rows(TableDefinition table) {
        for (String property : List.of("numRows", "recordCount")) {
            OptionalDouble recorded = number(table.parameters().get(property));
            if (recorded.isPresent()) {
                return recorded;
            }
        }
        if (table.storage() == null || table.storage().location() == null) {
            return OptionalDouble.empty();
        }
        try {
            long bytes = dataBytes(S3Location.parse(table.storage().location()).asPrefix());
            return OptionalDouble.of(Math.max(1, bytes / rowWidth(table.columns(), table.storage().format())));
        } catch (IOException | RuntimeException e) {
            // No bucket, no such location, an unreadable store: the planner falls back to its default guess.
            return OptionalDouble.empty();
        }
    }

    private long dataBytes(S3Location prefix) throws IOException {
        long bytes = 0;
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectListing listing = store.list(prefix.bucket(), prefix.key(), token, 1000);
            for (ObjectInfo object : listing.objects()) {
                if (DataObjects.isData(object)) {
                    bytes += object.size();
                }
            }
            token = listing.nextContinuationToken().orElse(null);
            if (token == null) {
                break;
            }
        }
        return bytes;
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
