package io.glaux.catalog;

/** How a table's objects are encoded; decided from the SerDe / STORED AS clause. */
public enum DataFormat {
    /** Delimited text: LazySimpleSerDe (FIELDS TERMINATED BY ...) or OpenCSVSerde. */
    CSV,
    /** One JSON object per line: Hive's or OpenX's JSON SerDe. */
    JSON,
    PARQUET
}
