package io.glaux.exec;

import io.glaux.catalog.DataFormat;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import io.glaux.format.csv.CsvFormatWriter;

import java.util.HashMap;
import java.util.Map;

/** The writer options for adding objects to a table: its SerDe parameters, compression and SerDe class. */
final class TableWrites {

    private TableWrites() {
    }

    static Map<String, String> writerProperties(StorageDescriptor storage, Map<String, String> tableParameters) {
        Map<String, String> properties = new HashMap<>(storage.serdeParameters());
        if (storage.format() != DataFormat.PARQUET && storage.serializationLibrary() != null) {
            properties.put(CsvFormatWriter.SERIALIZATION_LIB, storage.serializationLibrary());
        }
        String compression = tableParameters.getOrDefault("write_compression",
                tableParameters.get("parquet.compression"));
        if (compression != null) {
            properties.put("write_compression", compression);
        }
        return properties;
    }

    static Map<String, String> writerProperties(TableDefinition table) {
        return writerProperties(table.storage(), table.parameters());
    }
}
