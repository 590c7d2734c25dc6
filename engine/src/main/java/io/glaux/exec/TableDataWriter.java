package io.glaux.exec;

import io.glaux.catalog.Column;
import io.glaux.catalog.Partition;
import io.glaux.catalog.ddl.HivePartitionNames;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.format.FormatWriter;
import io.glaux.format.RowWriter;
import io.glaux.format.text.TextValueFormatter;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.S3Location;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a CTAS's or INSERT's rows as new objects of a table: one object per partition (or one for an unpartitioned
 * table), named after the query. Every object is staged until {@link #commit()}; closing without committing leaves
 * nothing behind.
 */
final class TableDataWriter implements AutoCloseable {

    /** Athena's limit on partitions one CTAS or INSERT may write. */
    static final int MAX_OPEN_PARTITIONS = 100;

    private final ObjectStore store;
    private final FormatWriter format;
    private final Map<String, String> properties;
    private final S3Location location;
    private final List<Column> dataColumns;
    private final List<Column> partitionKeys;
    private final String filePrefix;
    private final Map<List<String>, OpenObject> open = new LinkedHashMap<>();
    private long rowCount;
    private boolean committed;

    TableDataWriter(ObjectStore store, FormatWriter format, Map<String, String> properties, S3Location location,
                    List<Column> dataColumns, List<Column> partitionKeys, String filePrefix) {
        this.store = store;
        this.format = format;
        this.properties = properties;
        this.location = location.asPrefix();
        this.dataColumns = dataColumns;
        this.partitionKeys = partitionKeys;
        this.filePrefix = filePrefix;
    }

    /** A row: the data columns, then the partition keys' values. */
    void write(Object[] row) throws IOException {
        int dataCount = dataColumns.size();
        List<String> partitionValues = new ArrayList<>(partitionKeys.size());
        for (int i = 0; i < partitionKeys.size(); i++) {
            Object value = row[dataCount + i];
            partitionValues.add(value == null ? null : TextValueFormatter.format(value, partitionKeys.get(i).type()));
        }
        OpenObject target = open.get(partitionValues);
        if (target == null) {
            if (open.size() >= MAX_OPEN_PARTITIONS) {
                throw new GlauxException(ErrorType.USER_ERROR, TrinoErrorCode.HIVE_TOO_MANY_OPEN_PARTITIONS,
                        "Exceeded limit of " + MAX_OPEN_PARTITIONS + " open writers for partitions");
            }
            target = openObject(partitionValues);
            open.put(partitionValues, target);
        }
        target.rows.write(dataCount == row.length ? row : Arrays.copyOf(row, dataCount));
        rowCount++;
    }

    private OpenObject openObject(List<String> partitionValues) throws IOException {
        S3Location folder = partitionKeys.isEmpty() ? location
                : location.resolve(HivePartitionNames.name(partitionKeys, partitionValues) + "/");
        S3Location object = folder.resolve(filePrefix + "_" + open.size() + format.fileExtension(properties));
        ObjectUpload upload = store.startUpload(object.bucket(), object.key());
        try {
            RowWriter rows = format.create(upload.keptOpen(), dataColumns, properties);
            return new OpenObject(object, folder, partitionValues, upload, rows);
        } catch (IOException | RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    long rowCount() {
        return rowCount;
    }

    /** Finishes and publishes every object; returns what was written. */
    List<Written> commit() throws IOException {
        List<Written> written = new ArrayList<>();
        for (OpenObject object : open.values()) {
            object.rows.close();
        }
        for (OpenObject object : open.values()) {
            object.upload.commit();
            written.add(new Written(object.location, object.folder, object.partitionValues));
        }
        committed = true;
        return written;
    }

    /** Removes what {@link #commit()} published, when a later step (the catalog update) fails. */
    void rollback(List<Written> written) {
        for (Written object : written) {
            try {
                store.delete(object.object().bucket(), object.object().key());
            } catch (IOException | RuntimeException ignored) {
                // Best effort: the failure that caused the rollback is what the user must see.
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        IOException first = null;
        for (OpenObject object : open.values()) {
            try {
                object.upload.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The partitions the written objects belong to, for registering them in the catalog. */
    static List<Partition> partitions(List<Written> written) {
        List<Partition> partitions = new ArrayList<>();
        for (Written object : written) {
            if (!object.partitionValues().isEmpty()) {
                partitions.add(new Partition(object.partitionValues(), object.folder().toString()));
            }
        }
        return partitions;
    }

    /** One object written: where, its partition folder and its partition values (empty when unpartitioned). */
    record Written(S3Location object, S3Location folder, List<String> partitionValues) {
    }

    private record OpenObject(S3Location location, S3Location folder, List<String> partitionValues,
                              ObjectUpload upload, RowWriter rows) {
    }
}
