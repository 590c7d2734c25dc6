package io.glaux.format.parquet;

import io.glaux.catalog.Column;
import io.glaux.format.BatchSource;
import io.glaux.format.ColumnBatch;
import io.glaux.format.ObjectSource;
import io.glaux.format.ReadRequest;
import io.glaux.format.RowSource;
import io.glaux.testing.BytesObjectSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.glaux.format.parquet.ParquetTestFiles.column;

/**
 * Rows per second of the row path ({@link ParquetFormatReader#open}) and the batch path
 * ({@link ParquetFormatReader#openBatches}) over a table shaped like TPC-H lineitem (its sixteen columns and types,
 * low-cardinality flags and modes, a distinct comment per row) written by DuckDB with its defaults, read whole from
 * memory. Not a test: a main to run by hand with the row count, the number of runs and optionally the columns to read
 * (indexes, comma-separated), e.g.
 * {@code java -cp <engine test class path> io.glaux.format.parquet.ParquetReadThroughput 3000000 3}.
 */
public final class ParquetReadThroughput {

    static final List<Column> LINEITEM = List.of(column("l_orderkey", "bigint"), column("l_partkey", "bigint"),
            column("l_suppkey", "bigint"), column("l_linenumber", "bigint"), column("l_quantity", "decimal(15,2)"),
            column("l_extendedprice", "decimal(15,2)"), column("l_discount", "decimal(15,2)"),
            column("l_tax", "decimal(15,2)"), column("l_returnflag", "string"), column("l_linestatus", "string"),
            column("l_shipdate", "date"), column("l_commitdate", "date"), column("l_receiptdate", "date"),
            column("l_shipinstruct", "string"), column("l_shipmode", "string"), column("l_comment", "string"));

    static final String LINEITEM_LIKE = """
            COPY (
              SELECT i // 4 + 1 AS l_orderkey,
                     (i * 7919) % 200000 + 1 AS l_partkey,
                     (i * 104729) % 10000 + 1 AS l_suppkey,
                     i % 7 + 1 AS l_linenumber,
                     CAST(i % 50 + 1 AS DECIMAL(15, 2)) AS l_quantity,
                     CAST((i * 31337) % 10000000 / 100 AS DECIMAL(15, 2)) AS l_extendedprice,
                     CAST(i % 11 / 100 AS DECIMAL(15, 2)) AS l_discount,
                     CAST(i % 9 / 100 AS DECIMAL(15, 2)) AS l_tax,
                     ['R', 'A', 'N'][i % 3 + 1] AS l_returnflag,
                     ['O', 'F'][i % 2 + 1] AS l_linestatus,
                     DATE '1992-01-02' + CAST(i % 2526 AS INTEGER) AS l_shipdate,
                     DATE '1992-01-31' + CAST(i % 2526 AS INTEGER) AS l_commitdate,
                     DATE '1992-01-17' + CAST(i % 2526 AS INTEGER) AS l_receiptdate,
                     ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'][i % 4 + 1] AS l_shipinstruct,
                     ['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'][i % 7 + 1] AS l_shipmode,
                     'final ' || substr(md5(CAST(i AS VARCHAR)), 1, 20) AS l_comment
              FROM range(ROWS) t(i)
            ) TO 'FILE' (FORMAT parquet)
            """;

    private ParquetReadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("lineitem", ".parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute(LINEITEM_LIKE.replace("ROWS", Long.toString(rows)).replace("FILE", file.toString()));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        ObjectSource source = new BytesObjectSource("s3://bench/lineitem.parquet", bytes);
        int[] projection = args.length > 2
                ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : ParquetTestFiles.all(LINEITEM);
        ReadRequest request = new ReadRequest(LINEITEM, projection, List.of(), Map.of(), null);
        ParquetFormatReader reader = new ParquetFormatReader();
        System.out.printf("lineitem-like, %,d rows: %,d bytes%n", rows, bytes.length);
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            long read = 0;
            try (RowSource rowSource = reader.open(source, request)) {
                while (rowSource.next() != null) {
                    read++;
                }
            }
            report("rows   ", read, start);
            start = System.nanoTime();
            read = 0;
            try (BufferAllocator allocator = new RootAllocator();
                 BatchSource batches = reader.openBatches(source, request, allocator, 8_192).orElseThrow()) {
                for (ColumnBatch batch = batches.next(); batch != null; batch = batches.next()) {
                    read += batch.rowCount();
                    batch.close();
                }
            }
            report("batches", read, start);
        }
    }

    private static void report(String path, long rows, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %,d rows in %.2f s: %,.0f rows/s%n", path, rows, seconds, rows / seconds);
    }
}
