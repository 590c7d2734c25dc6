package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.FormatWriter;
import io.glaux.format.RowWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes rows as one Parquet object, laid out as Athena/Hive lays it out (see {@link WriteSchema}); timestamps are
 * INT64 TIMESTAMP(MILLIS, isAdjustedToUTC=false). Statistics and column indexes are written for every column.
 *
 * <p>Properties (keys case-insensitive):
 * <ul>
 *   <li>{@code write_compression} (also {@code parquet.compression}, {@code parquet_compression}): SNAPPY, GZIP
 *       (default, as Athena's CTAS), ZSTD, NONE or UNCOMPRESSED; case-insensitive</li>
 *   <li>{@code parquet.block.size}: row group size in bytes (default 128 MiB)</li>
 *   <li>{@code parquet.page.size}: page size in bytes (default 1 MiB)</li>
 * </ul>
 * File names end in {@code .snappy.parquet}, {@code .gz.parquet}, {@code .zstd.parquet} or {@code .parquet}
 * (uncompressed), as Spark and Hive name them.
 */
public final class ParquetFormatWriter implements FormatWriter {

    public static final String WRITE_COMPRESSION = "write_compression";
    public static final String BLOCK_SIZE = "parquet.block.size";
    public static final String PAGE_SIZE = "parquet.page.size";

    @Override
    public RowWriter create(OutputStream out, List<Column> columns, Map<String, String> properties) throws IOException {
        Builder builder = new Builder(new StreamOutputFile(out), new RowWriteSupport(columns))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(CodecFactory.INSTANCE)
                .withCompressionCodec(compression(properties))
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        Long blockSize = size(properties, BLOCK_SIZE);
        if (blockSize != null) {
            builder.withRowGroupSize(blockSize);
        }
        Long pageSize = size(properties, PAGE_SIZE);
        if (pageSize != null) {
            builder.withPageSize(Math.toIntExact(pageSize));
        }
        return new ParquetRowWriter(builder.build());
    }

    @Override
    public String fileExtension(Map<String, String> properties) {
        return switch (compression(properties)) {
            case SNAPPY -> ".snappy.parquet";
            case GZIP -> ".gz.parquet";
            case ZSTD -> ".zstd.parquet";
            default -> ".parquet";
        };
    }

    static CompressionCodecName compression(Map<String, String> properties) {
        String value = property(properties, WRITE_COMPRESSION);
        if (value == null) {
            value = property(properties, "parquet.compression");
        }
        if (value == null) {
            value = property(properties, "parquet_compression");
        }
        if (value == null || value.isBlank()) {
            return CompressionCodecName.GZIP;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "SNAPPY" -> CompressionCodecName.SNAPPY;
            case "GZIP" -> CompressionCodecName.GZIP;
            case "ZSTD" -> CompressionCodecName.ZSTD;
            case "NONE", "UNCOMPRESSED" -> CompressionCodecName.UNCOMPRESSED;
            default -> throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Unsupported compression '" + value
                    + "' for Parquet: use SNAPPY, GZIP, ZSTD or NONE");
        };
    }

    private static Long size(Map<String, String> properties, String key) {
        String value = property(properties, key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long size = Long.parseLong(value.trim());
            if (size <= 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid " + key + " '" + value
                    + "': expected a positive number of bytes");
        }
    }

    private static String property(Map<String, String> properties, String key) {
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriteSupport writeSupport;

        Builder(OutputFile file, RowWriteSupport writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration configuration) {
            return writeSupport;
        }
    }
}
