package io.glaux.catalog.ddl;

import static io.glaux.catalog.ddl.HiveText.pad;

import io.glaux.catalog.Column;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESCRIBE [EXTENDED | FORMATTED] output as Hive lays it out: one line per column (partition keys included),
 * {@code name TAB type TAB comment} with each field padded to 20 characters, then a "# Partition Information"
 * section for partitioned tables;
 * EXTENDED adds a "Detailed Table Information" line, FORMATTED the detailed table and storage sections.
 */
final class DescribeRenderer {

    private static final DateTimeFormatter CREATE_TIME =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT).withZone(ZoneId.of("UTC"));

    private DescribeRenderer() {
    }

    static String columnLine(Column column) {
        return pad(column.name()) + "\t" + pad(column.type().ddl()) + "\t" + pad(column.comment());
    }

    static List<String> render(TableDefinition table, DdlStatement.DescribeMode mode) {
        List<String> lines = new ArrayList<>();
        if (mode == DdlStatement.DescribeMode.FORMATTED) {
            lines.add(header());
            lines.add("");
        }
        // Plain and EXTENDED list partition keys among the columns too (and again below); FORMATTED does not.
        List<Column> top = mode == DdlStatement.DescribeMode.FORMATTED ? table.columns() : table.allColumns();
        top.forEach(c -> lines.add(columnLine(c)));
        if (!table.partitionKeys().isEmpty()) {
            lines.add("");
            lines.add("# Partition Information");
            lines.add(header());
            lines.add("");
            table.partitionKeys().forEach(c -> lines.add(columnLine(c)));
        }
        if (mode == DdlStatement.DescribeMode.EXTENDED) {
            lines.add("");
            lines.add("Detailed Table Information\t" + thriftLike(table));
        } else if (mode == DdlStatement.DescribeMode.FORMATTED) {
            formatted(table, lines);
        }
        return lines;
    }

    private static String header() {
        return "# " + pad("col_name") + "\t" + pad("data_type") + "\t" + pad("comment");
    }

    private static void formatted(TableDefinition table, List<String> lines) {
        lines.add("");
        lines.add("# Detailed Table Information");
        lines.add(pad("Database:") + "\t" + table.database());
        lines.add(pad("Owner:") + "\thadoop");
        lines.add(pad("CreateTime:") + "\t" + (table.createTime() == null ? "UNKNOWN"
                : CREATE_TIME.format(table.createTime())));
        lines.add(pad("LastAccessTime:") + "\tUNKNOWN");
        lines.add(pad("Retention:") + "\t0");
        if (!table.isView()) {
            lines.add(pad("Location:") + "\t" + table.storage().location());
        }
        lines.add(pad("Table Type:") + "\t" + table.kind());
        lines.add("Table Parameters:");
        new TreeMap<>(table.parameters()).forEach((k, v) -> lines.add("\t" + pad(k) + "\t" + v));
        lines.add("");
        if (table.isView()) {
            lines.add("# View Information");
            lines.add(pad("View Original Text:") + "\t" + table.viewSql());
            return;
        }
        StorageDescriptor sd = table.storage();
        lines.add("# Storage Information");
        lines.add(pad("SerDe Library:") + "\t" + sd.serializationLibrary());
        lines.add(pad("InputFormat:") + "\t" + sd.inputFormat());
        lines.add(pad("OutputFormat:") + "\t" + sd.outputFormat());
        lines.add(pad("Compressed:") + "\tNo");
        lines.add(pad("Num Buckets:") + "\t-1");
        lines.add(pad("Bucket Columns:") + "\t[]");
        lines.add(pad("Sort Columns:") + "\t[]");
        lines.add("Storage Desc Params:");
        new TreeMap<>(sd.serdeParameters()).forEach((k, v) -> lines.add("\t" + pad(k) + "\t" + v));
    }

    /** A one-line summary in the shape of Hive's Thrift Table.toString(). */
    private static String thriftLike(TableDefinition table) {
        StringBuilder out = new StringBuilder("Table(tableName:").append(table.name())
                .append(", dbName:").append(table.database())
                .append(", owner:hadoop, createTime:")
                .append(table.createTime() == null ? 0 : table.createTime().getEpochSecond())
                .append(", lastAccessTime:0, retention:0, sd:StorageDescriptor(cols:")
                .append(fieldSchemas(table.columns()));
        StorageDescriptor sd = table.storage();
        if (sd != null) {
            out.append(", location:").append(sd.location())
                    .append(", inputFormat:").append(sd.inputFormat())
                    .append(", outputFormat:").append(sd.outputFormat())
                    .append(", compressed:false, numBuckets:-1, serdeInfo:SerDeInfo(name:null, serializationLib:")
                    .append(sd.serializationLibrary()).append(", parameters:").append(braces(sd.serdeParameters()))
                    .append(")");
        }
        out.append("), partitionKeys:").append(fieldSchemas(table.partitionKeys()))
                .append(", parameters:").append(braces(table.parameters()));
        if (table.isView()) {
            out.append(", viewOriginalText:").append(table.viewSql());
        }
        return out.append(", tableType:").append(table.kind()).append(")").toString();
    }

    private static String fieldSchemas(List<Column> columns) {
        List<String> parts = new ArrayList<>();
        for (Column c : columns) {
            parts.add("FieldSchema(name:" + c.name() + ", type:" + c.type().ddl() + ", comment:" + c.comment() + ")");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String braces(Map<String, String> map) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> parts.add(k + "=" + v));
        return "{" + String.join(", ", parts) + "}";
    }
}
