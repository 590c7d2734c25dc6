package io.glaux.catalog;

import java.util.Map;

/**
 * Where and how a table's objects are stored, as Glue's StorageDescriptor: the location prefix, the format, the
 * SerDe class and its parameters (field.delim, escape.delim, separatorChar, quoteChar, escapeChar,
 * serialization.null.format, ...), and the input/output format class names Athena would show.
 */
public record StorageDescriptor(String location, DataFormat format, String serializationLibrary, String inputFormat,
                                String outputFormat, Map<String, String> serdeParameters) {

    public static final String LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    public static final String OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    public static final String HIVE_JSON_SERDE = "org.apache.hive.hcatalog.data.JsonSerDe";
    public static final String OPENX_JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";
    public static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    public static final String TEXT_INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
    public static final String TEXT_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    public static final String PARQUET_INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    public static final String PARQUET_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

    public StorageDescriptor {
        serdeParameters = Map.copyOf(serdeParameters);
    }

    public StorageDescriptor withLocation(String newLocation) {
        return new StorageDescriptor(newLocation, format, serializationLibrary, inputFormat, outputFormat,
                serdeParameters);
    }

    public static StorageDescriptor parquet(String location) {
        return new StorageDescriptor(location, DataFormat.PARQUET, PARQUET_SERDE, PARQUET_INPUT_FORMAT,
                PARQUET_OUTPUT_FORMAT, Map.of("serialization.format", "1"));
    }
}
