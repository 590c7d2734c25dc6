package io.glaux.format.parquet;

import io.glaux.testing.BytesObjectSource;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Parquet object's records with parquet-hadoop's own record reader ({@link GroupReadSupport}), not Glaux's,
 * for tests that check what other Parquet readers see in the files Glaux writes. Pages are decompressed with
 * Glaux's Hadoop-free codecs, as Hadoop's codec classes are not on the class path.
 */
public final class ParquetRecords {

    private ParquetRecords() {
    }

    public static List<Group> read(byte[] bytes) throws IOException {
        List<Group> rows = new ArrayList<>();
        InputFile file = new ObjectSourceInputFile(new BytesObjectSource("s3://test/records.parquet", bytes));
        try (ParquetReader<Group> reader = new GroupReader(file).withCodecFactory(CodecFactory.INSTANCE).build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file, new PlainParquetConfiguration());
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
