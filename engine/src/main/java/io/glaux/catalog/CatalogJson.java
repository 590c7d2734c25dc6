package io.glaux.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of catalog objects as {@link FileCatalog} stores them. The files hold plain documents (types as their
 * DDL spelling, maps sorted by key) so they stay readable and diffable; every document carries a format version.
 */
final class CatalogJson {

    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    record DatabaseDoc(int version, String name, String description, String locationUri,
                       Map<String, String> parameters) {
    }

    record ColumnDoc(String name, String type, String comment) {
    }

    record StorageDoc(String location, DataFormat format, String serializationLibrary, String inputFormat,
                      String outputFormat, Map<String, String> serdeParameters) {
    }

    record TableDoc(int version, String database, String name, TableKind kind, List<ColumnDoc> columns,
                    List<ColumnDoc> partitionKeys, StorageDoc storage, Map<String, String> parameters, String viewSql,
                    Instant createTime) {
    }

    record PartitionDoc(List<String> values, String location) {
    }

    record PartitionsDoc(int version, List<PartitionDoc> partitions) {
    }

    private CatalogJson() {
    }

    static byte[] write(Database database) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(new DatabaseDoc(VERSION, database.name(), database.description(),
                database.locationUri(), sorted(database.parameters())));
    }

    static byte[] write(TableDefinition table) throws JsonProcessingException {
        StorageDescriptor sd = table.storage();
        StorageDoc storage = sd == null ? null : new StorageDoc(sd.location(), sd.format(), sd.serializationLibrary(),
                sd.inputFormat(), sd.outputFormat(), sorted(sd.serdeParameters()));
        return MAPPER.writeValueAsBytes(new TableDoc(VERSION, table.database(), table.name(), table.kind(),
                columnDocs(table.columns()), columnDocs(table.partitionKeys()), storage, sorted(table.parameters()),
                table.viewSql(), table.createTime()));
    }

    static byte[] write(List<Partition> partitions) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(new PartitionsDoc(VERSION,
                partitions.stream().map(p -> new PartitionDoc(p.values(), p.location())).toList()));
    }

    static Database readDatabase(byte[] json) throws IOException {
        DatabaseDoc doc = MAPPER.readValue(json, DatabaseDoc.class);
        checkVersion(doc.version());
        require(doc.name(), "name");
        return new Database(doc.name(), doc.description(), doc.locationUri(), doc.parameters());
    }

    static TableDefinition readTable(byte[] json) throws IOException {
        TableDoc doc = MAPPER.readValue(json, TableDoc.class);
        checkVersion(doc.version());
        require(doc.database(), "database");
        require(doc.name(), "name");
        require(doc.kind(), "kind");
        require(doc.columns(), "columns");
        StorageDoc s = doc.storage();
        StorageDescriptor storage = s == null ? null : new StorageDescriptor(s.location(), s.format(),
                s.serializationLibrary(), s.inputFormat(), s.outputFormat(),
                s.serdeParameters() == null ? Map.of() : s.serdeParameters());
        return new TableDefinition(doc.database(), doc.name(), doc.kind(), columns(doc.columns()),
                doc.partitionKeys() == null ? List.of() : columns(doc.partitionKeys()), storage, doc.parameters(),
                doc.viewSql(), doc.createTime());
    }

    static List<Partition> readPartitions(byte[] json) throws IOException {
        PartitionsDoc doc = MAPPER.readValue(json, PartitionsDoc.class);
        checkVersion(doc.version());
        require(doc.partitions(), "partitions");
        return doc.partitions().stream().map(p -> {
            require(p.values(), "values");
            return new Partition(p.values(), p.location());
        }).toList();
    }

    private static List<ColumnDoc> columnDocs(List<Column> columns) {
        return columns.stream().map(c -> new ColumnDoc(c.name(), c.type().ddl(), c.comment())).toList();
    }

    private static List<Column> columns(List<ColumnDoc> docs) {
        return docs.stream().map(d -> {
            require(d.name(), "column name");
            require(d.type(), "column type");
            return new Column(d.name(), AthenaType.parseStored(d.type()), d.comment());
        }).toList();
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }

    private static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("unsupported format version " + version + " (expected " + VERSION + ")");
        }
    }

    private static void require(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + what);
        }
    }
}
