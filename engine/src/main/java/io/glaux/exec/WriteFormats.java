package io.glaux.exec;

import io.glaux.catalog.DataFormat;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.storage.S3Location;

import java.util.Locale;
import java.util.Map;

/**
 * The file formats CTAS and UNLOAD write, chosen by their {@code format} property: PARQUET, TEXTFILE (delimited by
 * {@code field_delimiter}, {@code \001} by default) or JSON, each described as the table storage Athena would
 * register for it, so both statements hand the same storage to the same {@link io.glaux.format.FormatWriter}. ORC
 * and AVRO are formats Athena writes but Glaux cannot: they fail with NOT_SUPPORTED rather than writing something
 * else.
 */
final class WriteFormats {

    private WriteFormats() {
    }

    /**
     * @param statement the statement's name in messages, e.g. {@code CREATE TABLE AS}
     * @param format    the {@code format} property as written (any case)
     */
    static StorageDescriptor storage(String statement, String format, Map<String, Object> properties,
                                     S3Location location) {
        String name = format.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "PARQUET" -> StorageDescriptor.parquet(location.toString());
            case "TEXTFILE" -> {
                String delimiter = String.valueOf(properties.getOrDefault("field_delimiter", "\u0001"));
                yield new StorageDescriptor(location.toString(), DataFormat.CSV, StorageDescriptor.LAZY_SIMPLE_SERDE,
                        StorageDescriptor.TEXT_INPUT_FORMAT, StorageDescriptor.TEXT_OUTPUT_FORMAT,
                        Map.of("field.delim", delimiter, "serialization.format", delimiter));
            }
            case "JSON" -> new StorageDescriptor(location.toString(), DataFormat.JSON,
                    StorageDescriptor.HIVE_JSON_SERDE, StorageDescriptor.TEXT_INPUT_FORMAT,
                    StorageDescriptor.TEXT_OUTPUT_FORMAT, Map.of());
            case "ORC", "AVRO" -> throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.NOT_SUPPORTED,
                    "Glaux cannot write " + name + " files for " + statement + ": use PARQUET, TEXTFILE or JSON");
            default -> throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Unsupported format '" + name + "' for "
                    + statement + ": use PARQUET, TEXTFILE or JSON");
        };
    }
}
