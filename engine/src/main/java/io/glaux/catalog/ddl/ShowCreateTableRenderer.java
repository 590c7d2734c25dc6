package io.glaux.catalog.ddl;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHOW CREATE TABLE in Athena's (Hive's) layout. A LazySimpleSerDe table with only delimiter parameters is shown
 * as ROW FORMAT DELIMITED; any other as ROW FORMAT SERDE with its SERDEPROPERTIES (without the default
 * serialization.format=1). EXTERNAL and comment are not repeated among the TBLPROPERTIES.
 */
final class ShowCreateTableRenderer {

    /** LazySimpleSerDe parameters that ROW FORMAT DELIMITED can express, in the order of its clauses. */
    private static final Map<String, String> DELIMITED_CLAUSES = new LinkedHashMap<>();

    static {
        DELIMITED_CLAUSES.put("field.delim", "FIELDS TERMINATED BY");
        DELIMITED_CLAUSES.put("escape.delim", "ESCAPED BY");
        DELIMITED_CLAUSES.put("collection.delim", "COLLECTION ITEMS TERMINATED BY");
        DELIMITED_CLAUSES.put("mapkey.delim", "MAP KEYS TERMINATED BY");
        DELIMITED_CLAUSES.put("line.delim", "LINES TERMINATED BY");
        DELIMITED_CLAUSES.put("serialization.null.format", "NULL DEFINED AS");
    }

    private ShowCreateTableRenderer() {
    }

    static List<String> render(TableDefinition table) {
        StringBuilder out = new StringBuilder();
        out.append("CREATE EXTERNAL TABLE `").append(table.database()).append("`.`").append(table.name())
                .append("`(\n");
        out.append(columns(table.columns())).append(")\n");
        String comment = table.parameters().get("comment");
        if (comment != null) {
            out.append("COMMENT ").append(HiveText.quoted(comment)).append('\n');
        }
        if (!table.partitionKeys().isEmpty()) {
            out.append("PARTITIONED BY ( \n").append(columns(table.partitionKeys())).append(")\n");
        }
        StorageDescriptor sd = table.storage();
        out.append(rowFormat(sd));
        out.append("STORED AS INPUTFORMAT \n  ").append(HiveText.quoted(sd.inputFormat())).append(" \n");
        out.append("OUTPUTFORMAT \n  ").append(HiveText.quoted(sd.outputFormat())).append('\n');
        out.append("LOCATION\n  ").append(HiveText.quoted(sd.location()));
        Map<String, String> properties = new TreeMap<>(table.parameters());
        properties.remove("EXTERNAL");
        properties.remove("comment");
        if (!properties.isEmpty()) {
            out.append("\nTBLPROPERTIES (\n").append(keyValues(properties)).append(')');
        }
        return List.of(out.toString().split("\n", -1));
    }

    private static String columns(List<Column> columns) {
        List<String> lines = new ArrayList<>();
        for (Column column : columns) {
            String line = "  `" + column.name() + "` " + column.type().ddl();
            if (column.comment() != null) {
                line += " COMMENT " + HiveText.quoted(column.comment());
            }
            lines.add(line);
        }
        return String.join(", \n", lines);
    }

    private static String rowFormat(StorageDescriptor sd) {
        Map<String, String> parameters = new TreeMap<>(sd.serdeParameters());
        if ("1".equals(parameters.get(StorageMapping.SERIALIZATION_FORMAT))) {
            parameters.remove(StorageMapping.SERIALIZATION_FORMAT);
        }
        if (isDelimited(sd, parameters)) {
            StringBuilder out = new StringBuilder("ROW FORMAT DELIMITED \n");
            DELIMITED_CLAUSES.forEach((key, clause) -> {
                if (parameters.containsKey(key)) {
                    out.append("  ").append(clause).append(' ').append(HiveText.quoted(parameters.get(key)))
                            .append(" \n");
                }
            });
            return out.toString();
        }
        StringBuilder out = new StringBuilder("ROW FORMAT SERDE \n  ")
                .append(HiveText.quoted(sd.serializationLibrary())).append(" \n");
        if (!parameters.isEmpty()) {
            out.append("WITH SERDEPROPERTIES ( \n").append(keyValues(parameters)).append(") \n");
        }
        return out.toString();
    }

    private static boolean isDelimited(StorageDescriptor sd, Map<String, String> parameters) {
        if (!StorageDescriptor.LAZY_SIMPLE_SERDE.equals(sd.serializationLibrary()) || parameters.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            boolean formatOfDelimiter = e.getKey().equals(StorageMapping.SERIALIZATION_FORMAT)
                    && e.getValue().equals(parameters.get("field.delim"));
            if (!DELIMITED_CLAUSES.containsKey(e.getKey()) && !formatOfDelimiter) {
                return false;
            }
        }
        return true;
    }

    private static String keyValues(Map<String, String> map) {
        List<String> lines = new ArrayList<>();
        map.forEach((k, v) -> lines.add("  " + HiveText.quoted(k) + "=" + HiveText.quoted(v)));
        return String.join(", \n", lines);
    }
}
