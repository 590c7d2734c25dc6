package io.glaux.connectors.dynamodb;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.connector.ConnectorTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the connector keeps of a DynamoDB table in its {@link ConnectorTable}'s properties, so that a scan needs no
 * further DescribeTable: the table's own name, its keys, its usable secondary indexes, its size, and each column's
 * attribute name (columns are lower case, attributes keep DynamoDB's case).
 */
record DynamoDbTableInfo(String tableName, String hashKey, String rangeKey, List<Index> indexes, long sizeBytes,
                         Map<String, String> attributeByColumn, Map<String, AthenaType> typeByColumn) {

    /** A secondary index whose items hold every attribute (an LSI, or a GSI projecting ALL). */
    record Index(String name, String hashKey, String rangeKey) {
    }

    static final String TABLE = "dynamodb.table";
    static final String HASH_KEY = "dynamodb.hash-key";
    static final String RANGE_KEY = "dynamodb.range-key";
    static final String SIZE = "dynamodb.size-bytes";
    static final String INDEX = "dynamodb.index.";
    static final String ATTRIBUTE = "dynamodb.attribute.";

    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(TABLE, tableName);
        properties.put(HASH_KEY, hashKey);
        if (rangeKey != null) {
            properties.put(RANGE_KEY, rangeKey);
        }
        properties.put(SIZE, Long.toString(sizeBytes));
        for (int i = 0; i < indexes.size(); i++) {
            Index index = indexes.get(i);
            properties.put(INDEX + i, index.name() + "\u0000" + index.hashKey() + "\u0000"
                    + (index.rangeKey() == null ? "" : index.rangeKey()));
        }
        attributeByColumn.forEach((column, attribute) -> properties.put(ATTRIBUTE + column, attribute));
        return properties;
    }

    static DynamoDbTableInfo of(ConnectorTable table) {
        Map<String, String> properties = table.properties();
        List<Index> indexes = new ArrayList<>();
        for (int i = 0; properties.containsKey(INDEX + i); i++) {
            String[] parts = properties.get(INDEX + i).split("\u0000", -1);
            indexes.add(new Index(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2]));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, AthenaType> types = new LinkedHashMap<>();
        for (Column column : table.allColumns()) {
            attributes.put(column.name(), properties.getOrDefault(ATTRIBUTE + column.name(), column.name()));
            types.put(column.name(), column.type());
        }
        return new DynamoDbTableInfo(properties.getOrDefault(TABLE, table.name().table()), properties.get(HASH_KEY),
                properties.get(RANGE_KEY), indexes, Long.parseLong(properties.getOrDefault(SIZE, "0")), attributes,
                types);
    }

    /** The column holding an attribute, or null. */
    String columnOf(String attribute) {
        for (Map.Entry<String, String> entry : attributeByColumn.entrySet()) {
            if (entry.getValue().equals(attribute)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
