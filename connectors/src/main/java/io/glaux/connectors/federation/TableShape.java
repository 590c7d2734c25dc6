package io.glaux.connectors.federation;

import io.glaux.connector.SchemaTableName;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A table as GetTableResponse described it: its name at the source, Arrow schema and partition columns. */
record TableShape(SchemaTableName name, Schema schema, List<String> partitionColumns) {

    TableShape {
        partitionColumns = List.copyOf(partitionColumns);
    }

    /** The fields by lower-case name, as the engine names columns. */
    Map<String, Field> fields() {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : schema.getFields()) {
            fields.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field);
        }
        return fields;
    }
}
