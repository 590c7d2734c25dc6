package io.glaux.format.parquet;

import io.glaux.testing.BytesObjectSource;
import io.glaux.catalog.Column;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.format.ObjectSource;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetCorruptObjectTest {

    static final String NAME = "s3://bucket/sales/dt=2024-01-01/part-0.parquet";
    static final List<Column> COLUMNS = List.of(column("id", "bigint"), column("name", "string"));

    static byte[] validFile() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            rows.add(new Object[] {i, "name " + i * 7919 % 10_007});
        }
        return ParquetTestFiles.write(COLUMNS, rows, Map.of("write_compression", "SNAPPY"));
    }

    static void assertDataError(byte[] bytes, String... messageParts) {
        assertThatThrownBy(() -> ParquetTestFiles.read(new BytesObjectSource(NAME, bytes), COLUMNS,
                ParquetTestFiles.all(COLUMNS), List.of()))
                .isInstanceOfSatisfying(GlauxException.class, e -> {
                    assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR);
                    assertThat(e.getMessage()).contains(NAME).contains(messageParts);
                });
    }

    @Test
    void textObjectIsNotAParquetFile() {
        byte[] csv = "id,name\n1,alice\n2,bob\n".getBytes(StandardCharsets.UTF_8);
        assertDataError(csv, "HIVE_CANNOT_OPEN_SPLIT: Error opening Hive split " + NAME + " (offset=0, length="
                + csv.length + "): ", "is not a Parquet file");
    }

    @Test
    void emptyAndTinyObjectsAreNotParquetFiles() {
        assertDataError(new byte[0], "HIVE_CANNOT_OPEN_SPLIT", "is not a Parquet file");
        assertDataError("PAR1".getBytes(StandardCharsets.US_ASCII), "HIVE_CANNOT_OPEN_SPLIT", "is not a Parquet file");
    }

    @Test
    void truncatedObjectIsNotAParquetFile() {
        byte[] valid = validFile();
        assertDataError(Arrays.copyOf(valid, valid.length / 2), "HIVE_CANNOT_OPEN_SPLIT", "is not a Parquet file");
    }

    @Test
    void garbledFooterFailsToOpen() {
        byte[] bytes = validFile();
        int footerLength = (bytes[bytes.length - 8] & 0xff) | (bytes[bytes.length - 7] & 0xff) << 8
                | (bytes[bytes.length - 6] & 0xff) << 16 | (bytes[bytes.length - 5] & 0xff) << 24;
        int footerStart = bytes.length - 8 - footerLength;
        for (int i = footerStart; i < bytes.length - 8; i++) {
            bytes[i] = (byte) (i * 31);
        }
        assertDataError(bytes, "HIVE_CANNOT_OPEN_SPLIT");
    }

    @Test
    void garbledPagesFailWhileReading() {
        byte[] bytes = validFile();
        for (int i = 4; i < bytes.length / 2; i++) {
            bytes[i] = (byte) (i * 131 + 7);
        }
        assertDataError(bytes, "HIVE_CURSOR_ERROR: Failed to read Parquet file: " + NAME);
    }

    /**
     * A dictionary id past its dictionary (eight ids of each column's first data page overwritten with 15, where 11
     * values take 4 bits): a long column without NULLs, one with NULLs and a double column fail as bad data in batches
     * and in rows.
     */
    @Test
    void aDictionaryIdPastItsDictionaryFailsAsBadData() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message t { required int64 code; optional int64 sparse; required double ratio; }");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build()) {
            for (int i = 0; i < 1_000; i++) {
                Group row = groups.newGroup().append("code", (long) (i * 7 % 11));
                if (i % 3 != 0) {
                    row.append("sparse", (long) (i * 7 % 11));
                }
                writer.write(row.append("ratio", i * 7 % 11 / 4.0));
            }
        }
        byte[] valid = out.toByteArray();
        List<Column> columns = List.of(column("code", "bigint"), column("sparse", "bigint"),
                column("ratio", "double"));
        assertThat(BatchReads.read(valid, columns, new int[] {0, 1, 2}, List.of(), 4_096).orElseThrow().rows())
                .hasSize(1_000);
        List<ColumnChunkMetaData> chunks = ParquetRoundTripTest.footer(valid).getBlocks().get(0).getColumns();
        for (int c = 0; c < columns.size(); c++) {
            byte[] bytes = valid.clone();
            int page = (int) chunks.get(c).getFirstDataPageOffset();
            ByteArrayInputStream header = new ByteArrayInputStream(bytes, page, bytes.length - page);
            Util.readPageHeader(header);
            int data = bytes.length - header.available();
            if (c == 1) {
                data += 4 + (bytes[data] & 0xff);
            }
            assertThat(bytes[data]).as("bit width").isEqualTo((byte) 4);
            int run = data + 1;
            while ((bytes[run] & 0x80) != 0) {
                run++;
            }
            assertThat(bytes[data + 1] & 1).as("a bit-packed run").isEqualTo(1);
            Arrays.fill(bytes, run + 1, run + 5, (byte) 0xff);
            int[] projection = {c};
            assertThatThrownBy(() -> BatchReads.read(bytes, columns, projection, List.of(), 4_096))
                    .as(columns.get(c).name())
                    .isInstanceOfSatisfying(GlauxException.class, e -> {
                        assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR);
                        assertThat(e.getMessage()).contains("HIVE_CURSOR_ERROR", "Dictionary id");
                    });
            assertThatThrownBy(() -> ParquetTestFiles.read(new BytesObjectSource(NAME, bytes), columns, projection,
                    List.of()))
                    .as(columns.get(c).name())
                    .isInstanceOfSatisfying(GlauxException.class,
                            e -> assertThat(e.type()).isEqualTo(ErrorType.DATA_ERROR));
        }
    }

    @Test
    void failuresOfTheSourceItselfAreNotReportedAsBadData() {
        byte[] bytes = validFile();
        ObjectSource failing = new ObjectSource() {
            private int opened;

            @Override
            public String name() {
                return NAME;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open(long offset, long length) throws IOException {
                if (++opened > 2) {
                    throw new IOException("Connection reset");
                }
                return new BytesObjectSource(NAME, bytes).open(offset, length);
            }
        };
        assertThatThrownBy(() -> ParquetTestFiles.read(failing, COLUMNS, ParquetTestFiles.all(COLUMNS), List.of()))
                .isInstanceOf(IOException.class)
                .hasMessage("Connection reset");
    }
}
