package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import io.glaux.format.ColumnPredicate;
import io.glaux.testing.BytesObjectSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static io.glaux.format.parquet.ParquetTestFiles.column;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * String chunks in each encoding a writer produces: wholly dictionary-encoded (ids into the chunk's dictionary),
 * plain, and dictionary pages followed by plain ones once the dictionary grew too big (values); and files written by
 * DuckDB, another writer, in several row groups. Always differential against the row path.
 */
class ParquetBatchDictionaryTest {

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message strings {
              required int64 id;
              optional binary few (UTF8);
              optional binary many (UTF8);
            }
            """);

    static final List<Column> TABLE = List.of(column("id", "bigint"), column("few", "string"),
            column("many", "varchar(12)"));

    /** "many" repeats few values in the first half and then only new ones, so its dictionary outgrows its page. */
    static byte[] writeWithFallback(int rows) throws Exception {
        return writeWithFallback(rows, ParquetProperties.WriterVersion.PARQUET_1_0);
    }

    static byte[] writeWithFallback(int rows, ParquetProperties.WriterVersion version) throws Exception {
        return writeWithFallback(rows, version, i -> i % 13 == 0);
    }

    /** As {@link #writeWithFallback(int)}, "many" NULL on the rows {@code manyIsNull} picks. */
    static byte[] writeWithFallback(int rows, ParquetProperties.WriterVersion version, IntPredicate manyIsNull)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriterVersion(version)
                .withDictionaryPageSize(4_096)
                .withPageSize(2_048)
                .build()) {
            for (int i = 0; i < rows; i++) {
                Group row = groups.newGroup().append("id", (long) i);
                if (i % 11 != 0) {
                    row.append("few", "category-" + i % 5);
                }
                if (!manyIsNull.test(i)) {
                    row.append("many", i < rows / 2 ? "value-" + i % 50 : "value-\u00e9-" + i * 7919L);
                }
                writer.write(row);
            }
        }
        return out.toByteArray();
    }

    @Test
    void chunksThatFallBackToPlainPagesGiveValues() throws Exception {
        byte[] bytes = writeWithFallback(20_000);
        BlockMetaData group = ParquetRoundTripTest.footer(bytes).getBlocks().get(0);
        EncodingStats few = group.getColumns().get(1).getEncodingStats();
        EncodingStats many = group.getColumns().get(2).getEncodingStats();
        assertThat(few.hasDictionaryEncodedPages() && !few.hasNonDictionaryEncodedPages()).isTrue();
        assertThat(many.hasDictionaryEncodedPages() && many.hasNonDictionaryEncodedPages()).isTrue();

        for (int maxRows : new int[] {1, 999, 20_000}) {
            BatchReads.Result result = BatchReads.assertSameAsRows(bytes, TABLE, new int[] {2, 1, 0}, List.of(),
                    maxRows);
            assertThat(result.dictionaries()).allSatisfy(d -> {
                assertThat(d[0]).as("fallen-back chunk").isNull();
                assertThat(d[1]).as("dictionary chunk").isNotNull();
                assertThat(d[2]).isNull();
            });
            assertThat(result.distinctDictionaries()).isEqualTo(1);
        }
    }

    @Test
    void plainPagesAfterADictionaryPageThatEndsInNulls() throws Exception {
        // NULL on every other row where the dictionary outgrows its page, so that the last page of ids ends in one.
        byte[] bytes = writeWithFallback(20_000, ParquetProperties.WriterVersion.PARQUET_1_0,
                i -> i % 13 == 0 || (Math.abs(i - 10_000) < 2_000 && i % 2 == 1));
        assertThat(lastDictionaryPageEndsInNull(bytes)).isTrue();
        for (int maxRows : new int[] {999, 20_000}) {
            BatchReads.assertSameAsRows(bytes, TABLE, new int[] {2, 0}, List.of(), maxRows);
        }
    }

    /** Whether the last dictionary-encoded page of "many" before its first plain page ends in a NULL. */
    private static boolean lastDictionaryPageEndsInNull(byte[] bytes) throws Exception {
        try (ParquetFileReader reader = new ParquetFileReader(
                new ObjectSourceInputFile(new BytesObjectSource("s3://bucket/strings.parquet", bytes)),
                ParquetRowSource.options(null))) {
            ColumnDescriptor many = SCHEMA.getColumns().get(2);
            PageReader pages = reader.readNextRowGroup().getPageReader(many);
            boolean lastWasNull = false;
            for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
                DataPageV1 v1 = (DataPageV1) page;
                if (!v1.getValueEncoding().usesDictionary()) {
                    return lastWasNull;
                }
                ValuesReader levels = v1.getDlEncoding().getValuesReader(many, ValuesType.DEFINITION_LEVEL);
                levels.initFromPage(v1.getValueCount(), v1.getBytes().toInputStream());
                int level = 0;
                for (int i = 0; i < v1.getValueCount(); i++) {
                    level = levels.readInteger();
                }
                lastWasNull = level == 0;
            }
            return false;
        }
    }

    @Test
    void version2PagesWithNulls() throws Exception {
        byte[] bytes = writeWithFallback(20_000, ParquetProperties.WriterVersion.PARQUET_2_0);
        BlockMetaData group = ParquetRoundTripTest.footer(bytes).getBlocks().get(0);
        assertThat(group.getColumns().get(1).getEncodingStats().usesV2Pages()).isTrue();
        for (int maxRows : new int[] {1, 999, 20_000}) {
            BatchReads.Result result = BatchReads.assertSameAsRows(bytes, TABLE, new int[] {1, 2, 0}, List.of(),
                    maxRows);
            assertThat(result.dictionaries()).allSatisfy(d -> assertThat(d[0]).isNotNull());
        }
    }

    @Test
    void withoutPageEncodingStatisticsIdsTurnToValuesAtTheFirstPlainPage() throws Exception {
        byte[] bytes = writeWithFallback(20_000);
        List<Object> expected = ParquetTestFiles.read(new BytesObjectSource("s3://bucket/strings.parquet", bytes),
                TABLE, new int[] {2}, List.of()).stream().map(row -> row[0]).toList();
        List<Object> actual = new ArrayList<>();
        int batchesWithIds = 0;
        int batchesWithValues = 0;
        try (ParquetFileReader reader = new ParquetFileReader(
                new ObjectSourceInputFile(new BytesObjectSource("s3://bucket/strings.parquet", bytes)),
                ParquetRowSource.options(null));
             BufferAllocator allocator = new RootAllocator()) {
            MessageType requested = new MessageType("strings", SCHEMA.getType("many"));
            reader.setRequestedSchema(requested);
            PageReadStore pages = reader.readNextRowGroup();
            ColumnChunkMetaData chunk = reader.getRowGroups().get(0).getColumns().get(2);
            ColumnChunkMetaData withoutStatistics = ColumnChunkMetaData.get(chunk.getPath(), chunk.getPrimitiveType(),
                    chunk.getCodec(), null, chunk.getEncodings(), chunk.getStatistics(),
                    chunk.getFirstDataPageOffset(), chunk.getDictionaryPageOffset(), chunk.getValueCount(),
                    chunk.getTotalSize(), chunk.getTotalUncompressedSize());
            ColumnDecoder decoder = ColumnDecoder.of(requested.getType(0).asPrimitiveType(), TABLE.get(2));
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return decoder.converter();
                }

                @Override
                public void start() {
                }

                @Override
                public void end() {
                }
            }, requested, reader.getFooter().getFileMetaData().getCreatedBy());
            try (VarCharVector dictionary = decoder.startChunk(store, pages, requested.getColumns().get(0),
                    withoutStatistics, allocator)) {
                assertThat(dictionary).isNotNull();
                for (long left = pages.getRowCount(); left > 0; left -= 999) {
                    int rows = (int) Math.min(999, left);
                    ColumnDecoder.Decoded decoded = decoder.decode(rows, allocator);
                    try (FieldVector vector = decoded.vector()) {
                        for (int row = 0; row < rows; row++) {
                            if (vector.isNull(row)) {
                                actual.add(null);
                            } else if (decoded.dictionary() != null) {
                                actual.add(new String(dictionary.get(((IntVector) vector).get(row)), UTF_8));
                            } else {
                                actual.add(new String(((VarCharVector) vector).get(row), UTF_8));
                            }
                        }
                    }
                    if (decoded.dictionary() != null) {
                        assertThat(batchesWithValues).as("no ids after values").isZero();
                        batchesWithIds++;
                    } else {
                        batchesWithValues++;
                    }
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(batchesWithIds).isPositive();
        assertThat(batchesWithValues).isPositive();
    }

    @Test
    void filesWrittenByDuckDb(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("duck.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("""
                    COPY (
                      SELECT i AS id,
                             CAST(i % 100000 AS INTEGER) AS i32,
                             CAST(i % 100 AS TINYINT) AS tiny,
                             CAST(i % 30000 AS SMALLINT) AS small,
                             CASE WHEN i % 9 = 0 THEN NULL ELSE 'status-' || (i % 4) END AS status,
                             CASE WHEN i % 7 = 0 THEN NULL ELSE 'comment ' || md5(CAST(i AS VARCHAR)) END AS note,
                             CAST(i * 1.25 AS DECIMAL(20, 2)) AS amount,
                             CAST(i % 1000 AS FLOAT) / 8 AS ratio,
                             CAST(i * 0.01 AS DECIMAL(15, 2)) AS price,
                             CAST(i * 1000000000 AS DECIMAL(38, 6)) AS huge,
                             DATE '1992-01-01' + CAST(i % 2500 AS INTEGER) AS shipdate,
                             TIMESTAMP '1969-12-31 23:59:59.999' + INTERVAL (i) MILLISECOND * 997 AS ts,
                             i % 3 = 0 AS flag
                      FROM range(12000) t(i)
                    ) TO 'FILE' (FORMAT parquet, ROW_GROUP_SIZE 2048)
                    """.replace("FILE", file.toString()));
        }
        byte[] bytes = Files.readAllBytes(file);
        List<Column> table = List.of(column("id", "bigint"), column("i32", "int"), column("tiny", "tinyint"),
                column("small", "smallint"), column("status", "string"), column("note", "string"),
                column("amount", "decimal(20,2)"), column("ratio", "float"), column("price", "decimal(15,2)"),
                column("huge", "decimal(38,6)"), column("shipdate", "date"), column("ts", "timestamp"),
                column("flag", "boolean"));
        assertThat(ParquetScanPruningTest.rowGroups(bytes)).isGreaterThan(1);
        int[] all = ParquetTestFiles.all(table);
        for (int maxRows : new int[] {1_000, 2_048, 5_000}) {
            BatchReads.Result result = BatchReads.assertSameAsRows(bytes, table, all, List.of(), maxRows);
            assertThat(result.rows()).hasSize(12_000);
            assertThat(result.dictionaries()).allSatisfy(d -> assertThat(d[4]).as("status ids").isNotNull());
        }
        BatchReads.assertSameAsRows(bytes, table, new int[] {5, 0}, List.of(
                new ColumnPredicate(0, ColumnPredicate.Op.GE, List.of(9_000L))), 512);
    }
}
