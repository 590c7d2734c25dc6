package io.glaux.catalog.ddl;

import static io.glaux.catalog.StorageDescriptor.HIVE_JSON_SERDE;
import static io.glaux.catalog.StorageDescriptor.LAZY_SIMPLE_SERDE;
import static io.glaux.catalog.StorageDescriptor.OPENX_JSON_SERDE;
import static io.glaux.catalog.StorageDescriptor.OPEN_CSV_SERDE;
import static io.glaux.catalog.StorageDescriptor.PARQUET_INPUT_FORMAT;
import static io.glaux.catalog.StorageDescriptor.PARQUET_OUTPUT_FORMAT;
import static io.glaux.catalog.StorageDescriptor.PARQUET_SERDE;
import static io.glaux.catalog.StorageDescriptor.TEXT_INPUT_FORMAT;
import static io.glaux.catalog.StorageDescriptor.TEXT_OUTPUT_FORMAT;

import io.glaux.catalog.DataFormat;
import io.glaux.catalog.StorageDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the ROW FORMAT and STORED AS clauses of CREATE EXTERNAL TABLE into the storage descriptor Glue would keep:
 * SerDe class and parameters as Hive stores them, input/output format classes, and Glaux's {@link DataFormat}.
 */
final class StorageMapping {

    /** What ROW FORMAT said: DELIMITED with its parameters, or SERDE with a class; null fields when absent. */
    record RowFormat(String serde, Map<String, String> parameters, Token serdeToken) {
    }

    /** What STORED AS said: PARQUET, TEXTFILE, or explicit classes; null fields when absent. */
    record StoredAs(String keyword, String inputFormat, String outputFormat, Token token) {
    }

    static final String SERIALIZATION_FORMAT = "serialization.format";

    private StorageMapping() {
    }

    static StorageDescriptor resolve(TokenCursor c, RowFormat rowFormat, StoredAs storedAs, String location) {
        String serde = rowFormat != null ? rowFormat.serde() : defaultSerde(storedAs);
        DataFormat format = formatOf(serde);
        if (format == null) {
            throw c.errorAt(rowFormat.serdeToken(), "Unsupported SerDe '" + serde + "'. Supported: "
                    + String.join(", ", LAZY_SIMPLE_SERDE, OPEN_CSV_SERDE, HIVE_JSON_SERDE, OPENX_JSON_SERDE,
                    PARQUET_SERDE));
        }
        String keyword = storedAs == null ? null : storedAs.keyword();
        if ("PARQUET".equals(keyword) && format != DataFormat.PARQUET) {
            throw c.errorAt(storedAs.token(), "STORED AS PARQUET cannot be used with SerDe '" + serde + "'");
        }
        if ("TEXTFILE".equals(keyword) && format == DataFormat.PARQUET) {
            throw c.errorAt(storedAs.token(), "STORED AS TEXTFILE cannot be used with SerDe '" + serde + "'");
        }
        String input;
        String output;
        if (storedAs != null && storedAs.inputFormat() != null) {
            input = storedAs.inputFormat();
            output = storedAs.outputFormat();
        } else if (format == DataFormat.PARQUET) {
            input = PARQUET_INPUT_FORMAT;
            output = PARQUET_OUTPUT_FORMAT;
        } else {
            input = TEXT_INPUT_FORMAT;
            output = TEXT_OUTPUT_FORMAT;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rowFormat != null) {
            parameters.putAll(rowFormat.parameters());
        }
        // Hive gives every table serialization.format=1 unless a field delimiter replaced it.
        parameters.putIfAbsent(SERIALIZATION_FORMAT, "1");
        return new StorageDescriptor(location, format, serde, input, output, parameters);
    }

    private static String defaultSerde(StoredAs storedAs) {
        if (storedAs == null) {
            return LAZY_SIMPLE_SERDE;
        }
        if ("PARQUET".equals(storedAs.keyword()) || PARQUET_INPUT_FORMAT.equals(storedAs.inputFormat())) {
            return PARQUET_SERDE;
        }
        return LAZY_SIMPLE_SERDE;
    }

    /** The data format a SerDe class reads, or null when Glaux has no reader for it. */
    static DataFormat formatOf(String serde) {
        return switch (serde) {
            case LAZY_SIMPLE_SERDE, OPEN_CSV_SERDE -> DataFormat.CSV;
            case HIVE_JSON_SERDE, OPENX_JSON_SERDE -> DataFormat.JSON;
            case PARQUET_SERDE -> DataFormat.PARQUET;
            default -> null;
        };
    }
}
