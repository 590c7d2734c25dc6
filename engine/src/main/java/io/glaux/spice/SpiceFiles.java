package io.glaux.spice;

import io.glaux.sql.vector.ColumnCodecs;
import io.glaux.sql.vector.StringDictionary;
import io.glaux.format.ColumnLayout;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.sql.QueryContext;
import io.glaux.storage.NoSuchObjectException;
import io.glaux.storage.ObjectChannel;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.S3Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dataset versions as Arrow IPC files, objects {@code <location>/<dataset>.arrow} of the one store every path uses:
 * the schema (string columns dictionary encoded, but for those the version holds as values, each field's Athena type
 * in its metadata), then each dictionary once, then the record batches. The schema metadata keeps the dataset's
 * definition (SQL, context and lookback window, if any) and row count, so a restart lists datasets from each file's
 * schema and dictionaries and loads the record batches when a query first needs them. A new version is one atomic
 * upload: the old file stays whole until the new one replaces it.
 */
final class SpiceFiles {

    static final String EXTENSION = ".arrow";
    private static final String SQL_KEY = "glaux.spice.sql";
    private static final String CATALOG_KEY = "glaux.spice.catalog";
    private static final String DATABASE_KEY = "glaux.spice.database";
    private static final String ROWS_KEY = "glaux.spice.rows";
    // The lookback window, absent from files of datasets without one (and from files written before windows existed).
    private static final String LOOKBACK_COLUMN_KEY = "glaux.spice.lookback.column";
    private static final String LOOKBACK_SIZE_KEY = "glaux.spice.lookback.size";
    private static final String LOOKBACK_UNIT_KEY = "glaux.spice.lookback.unit";

    /** What a file says about its dataset without reading its batches. */
    record Header(SpiceDefinition definition, List<Column> columns, long rows) {
    }

    /** The media type of Arrow IPC files. */
    static final String MEDIA_TYPE = "application/vnd.apache.arrow.file";

    private final ObjectStore store;
    private final S3Location location;

    /**
     * Files under {@code location} (a bucket and a key prefix ending in '/') of {@code store}; the bucket is created
     * with the first file.
     */
    SpiceFiles(ObjectStore store, S3Location location) {
        this.store = store;
        this.location = location;
    }

    private String key(String dataset) {
        return location.key() + dataset + EXTENSION;
    }

    /** The size of a dataset's file, 0 when it has none. */
    long size(String dataset) throws IOException {
        if (!store.bucketExists(location.bucket())) {
            return 0;
        }
        return store.head(location.bucket(), key(dataset)).map(ObjectInfo::size).orElse(0L);
    }

    void write(SpiceDefinition definition, SpiceVersion version, BufferAllocator allocator) throws IOException {
        store.createBucket(location.bucket());
        Map<String, String> metadata = new HashMap<>(Map.of(SQL_KEY, definition.sql(),
                CATALOG_KEY, definition.context().catalog(), DATABASE_KEY, definition.context().database(),
                ROWS_KEY, Long.toString(version.rows())));
        LookbackWindow window = definition.lookbackWindow();
        if (window != null) {
            metadata.put(LOOKBACK_COLUMN_KEY, window.columnName());
            metadata.put(LOOKBACK_SIZE_KEY, Long.toString(window.size()));
            metadata.put(LOOKBACK_UNIT_KEY, window.unit().name());
        }
        List<Field> fields = new ArrayList<>();
        DictionaryProvider.MapDictionaryProvider dictionaries = new DictionaryProvider.MapDictionaryProvider();
        for (int i = 0; i < version.columns().size(); i++) {
            Column column = version.columns().get(i);
            StringDictionary dictionary = version.dictionary(i);
            if (dictionary != null && version.holdsValues(i)) {
                // A column held as values is written as values, the batches held as ids decoded.
                fields.add(new Field(column.name(), new FieldType(true, ArrowType.Utf8.INSTANCE, null,
                        Map.of(ColumnCodecs.TYPE_KEY, column.type().ddl())), null));
                continue;
            }
            fields.add(ColumnCodecs.field(column, i));
            if (dictionary != null) {
                dictionaries.put(dictionary.asArrowDictionary());
            }
        }
        Schema schema = new Schema(fields, metadata);
        // Hundreds of megabytes that nobody checks against an MD5: the file's ETag is that of its generation.
        try (ObjectUpload upload = store.startUploadWithoutDigest(location.bucket(), key(definition.name()),
                ObjectMetadata.ofContentType(MEDIA_TYPE))) {
            // The writer closes its channel when done; the upload must outlive it to be committed.
            WritableByteChannel channel = upload.keptOpenChannel();
            try (VectorSchemaRoot staging = VectorSchemaRoot.create(schema, allocator);
                 ArrowFileWriter writer = new ArrowFileWriter(staging, dictionaries, channel)) {
                writer.start();
                VectorLoader loader = new VectorLoader(staging);
                for (VectorSchemaRoot batch : version.batches()) {
                    List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors());
                    List<FieldVector> decoded = new ArrayList<>();
                    try {
                        for (int i = 0; i < vectors.size(); i++) {
                            if (version.holdsValues(i) && vectors.get(i) instanceof IntVector ids) {
                                vectors.set(i, decode(ids, batch.getRowCount(), version.dictionary(i), allocator));
                                decoded.add(vectors.get(i));
                            }
                        }
                        VectorSchemaRoot written = new VectorSchemaRoot(vectors.stream().map(FieldVector::getField)
                                .toList(), vectors, batch.getRowCount());
                        try (ArrowRecordBatch record = new VectorUnloader(written).getRecordBatch()) {
                            loader.load(record);
                        }
                    } finally {
                        decoded.forEach(FieldVector::close);
                    }
                    writer.writeBatch();
                }
                writer.end();
            }
            upload.commit();
        }
    }

    /** A batch's ids as the values they stand for. */
    private static VarCharVector decode(IntVector ids, int rows, StringDictionary dictionary,
                                        BufferAllocator allocator) {
        VarCharVector values = new VarCharVector("values", allocator);
        try {
            values.allocateNew(rows);
            for (int row = 0; row < rows; row++) {
                if (ids.isNull(row)) {
                    values.setNull(row);
                } else {
                    values.setSafe(row, dictionary.value(ids.get(row)).getBytes(StandardCharsets.UTF_8));
                }
            }
            values.setValueCount(rows);
            return values;
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
    }

    /** The headers of every dataset file. */
    List<Header> headers(BufferAllocator allocator) throws IOException {
        List<Header> headers = new ArrayList<>();
        if (!store.bucketExists(location.bucket())) {
            return headers;
        }
        for (ObjectInfo object : store.listAll(location.bucket(), location.key())) {
            String name = object.key().substring(location.key().length());
            if (name.endsWith(EXTENSION) && !name.contains("/")) {
                headers.add(header(name.substring(0, name.length() - EXTENSION.length()), object, allocator));
            }
        }
        return headers;
    }

    private Header header(String dataset, ObjectInfo object, BufferAllocator allocator) throws IOException {
        try (ObjectChannel channel = new ObjectChannel(store, object);
             ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            Schema schema = reader.getVectorSchemaRoot().getSchema();
            Map<String, String> metadata = schema.getCustomMetadata();
            SpiceDefinition definition = new SpiceDefinition(dataset, metadata.get(SQL_KEY),
                    new QueryContext(metadata.get(CATALOG_KEY), metadata.get(DATABASE_KEY)), lookbackWindow(metadata));
            return new Header(definition, columns(schema), Long.parseLong(metadata.get(ROWS_KEY)));
        }
    }

    private static LookbackWindow lookbackWindow(Map<String, String> metadata) {
        String column = metadata.get(LOOKBACK_COLUMN_KEY);
        if (column == null) {
            return null;
        }
        return new LookbackWindow(column, Long.parseLong(metadata.get(LOOKBACK_SIZE_KEY)),
                LookbackWindow.SizeUnit.valueOf(metadata.get(LOOKBACK_UNIT_KEY)));
    }

    /** Removes a dataset's file (if it has one). */
    void delete(String dataset) throws IOException {
        if (store.bucketExists(location.bucket())) {
            store.delete(location.bucket(), key(dataset));
        }
    }

    /**
     * Moves the files of an earlier layout (Arrow files in a folder of the data folder) into the store, once: each
     * is uploaded whole, then removed.
     */
    static void adopt(Path legacyFolder, ObjectStore store, S3Location location) throws IOException {
        if (!Files.isDirectory(legacyFolder)) {
            return;
        }
        store.createBucket(location.bucket());
        try (var files = Files.list(legacyFolder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(EXTENSION) && !name.startsWith(".")) {
                    try (ObjectUpload upload = store.startUpload(location.bucket(), location.key() + name,
                            ObjectMetadata.ofContentType(MEDIA_TYPE))) {
                        Files.copy(file, upload);
                        upload.commit();
                    }
                }
                Files.delete(file);
            }
        }
        Files.delete(legacyFolder);
    }

    private static List<Column> columns(Schema schema) {
        List<Column> columns = new ArrayList<>();
        for (Field field : schema.getFields()) {
            columns.add(new Column(field.getName(), AthenaType.parseStored(field.getMetadata().get(ColumnCodecs.TYPE_KEY))));
        }
        return columns;
    }

    /** Reads a dataset's vectors into memory taken from {@code allocator} (which the version then owns). */
    SpiceVersion load(String dataset, BufferAllocator allocator) throws IOException {
        List<VectorSchemaRoot> batches = new ArrayList<>();
        StringDictionary[] dictionaries = null;
        ObjectInfo object = store.head(location.bucket(), key(dataset))
                .orElseThrow(() -> new NoSuchObjectException(location.bucket(), key(dataset)));
        try (ObjectChannel channel = new ObjectChannel(store, object);
             ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
            VectorSchemaRoot shared = reader.getVectorSchemaRoot();
            Schema schema = shared.getSchema();
            List<Column> columns = columns(schema);
            Schema plain = new Schema(schema.getFields());
            for (ArrowBlock block : reader.getRecordBlocks()) {
                reader.loadRecordBatch(block);
                VectorSchemaRoot copy = VectorSchemaRoot.create(plain, allocator);
                batches.add(copy);
                try (ArrowRecordBatch record = new VectorUnloader(shared).getRecordBatch()) {
                    new VectorLoader(copy).load(record);
                }
            }
            dictionaries = new StringDictionary[columns.size()];
            Map<Long, Dictionary> loaded = new HashMap<>(reader.getDictionaryVectors());
            for (int i = 0; i < columns.size(); i++) {
                if (ColumnLayout.isDictionaryEncoded(columns.get(i).type())
                        && schema.getFields().get(i).getDictionary() == null) {
                    // Written as values: the batches hold them, and ids are made when a query needs them.
                    dictionaries[i] = new StringDictionary(i, columns.get(i).name(), allocator);
                } else if (ColumnLayout.isDictionaryEncoded(columns.get(i).type())) {
                    long id = schema.getFields().get(i).getDictionary().getId();
                    TransferPair transfer = loaded.get(id).getVector().getTransferPair(allocator);
                    transfer.transfer();
                    dictionaries[i] = new StringDictionary(id, (VarCharVector) transfer.getTo());
                }
            }
            return new SpiceVersion(allocator, columns, batches, dictionaries);
        } catch (IOException | RuntimeException e) {
            for (VectorSchemaRoot batch : batches) {
                batch.close();
            }
            if (dictionaries != null) {
                for (StringDictionary dictionary : dictionaries) {
                    if (dictionary != null) {
                        dictionary.close();
                    }
                }
            }
            throw e;
        }
    }
}
