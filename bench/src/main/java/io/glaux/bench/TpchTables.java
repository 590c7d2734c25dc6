package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.format.RowWriter;
import io.glaux.format.csv.CsvFormatWriter;
import io.glaux.format.parquet.ParquetFormatWriter;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * TPC-H {@code lineitem} and {@code orders} generated with {@code io.trino.tpch} (the same generator, so every
 * {@code l_orderkey} has its order), written into a Glaux bucket as Parquet (snappy, 16 MiB row groups) and/or
 * '|'-delimited text (LazySimpleSerDe), and registered with Athena DDL as {@code <database>.<table>_parquet} and
 * {@code <database>.<table>_csv}. Money columns are TPC-H's {@code decimal(12,2)}; dates are the generator's days
 * since 1970-01-01, which is Glaux's date representation.
 */
final class TpchTables {

    static final AthenaType MONEY = new AthenaType.Decimal(12, 2);

    static final List<Column> LINEITEM_COLUMNS = List.of(
            new Column("l_orderkey", AthenaType.BIGINT),
            new Column("l_partkey", AthenaType.BIGINT),
            new Column("l_suppkey", AthenaType.BIGINT),
            new Column("l_linenumber", AthenaType.INT),
            new Column("l_quantity", MONEY),
            new Column("l_extendedprice", MONEY),
            new Column("l_discount", MONEY),
            new Column("l_tax", MONEY),
            new Column("l_returnflag", AthenaType.STRING),
            new Column("l_linestatus", AthenaType.STRING),
            new Column("l_shipdate", AthenaType.DATE),
            new Column("l_commitdate", AthenaType.DATE),
            new Column("l_receiptdate", AthenaType.DATE),
            new Column("l_shipinstruct", AthenaType.STRING),
            new Column("l_shipmode", AthenaType.STRING),
            new Column("l_comment", AthenaType.STRING));

    static final List<Column> ORDERS_COLUMNS = List.of(
            new Column("o_orderkey", AthenaType.BIGINT),
            new Column("o_custkey", AthenaType.BIGINT),
            new Column("o_orderstatus", AthenaType.STRING),
            new Column("o_totalprice", MONEY),
            new Column("o_orderdate", AthenaType.DATE),
            new Column("o_orderpriority", AthenaType.STRING),
            new Column("o_clerk", AthenaType.STRING),
            new Column("o_shippriority", AthenaType.INT),
            new Column("o_comment", AthenaType.STRING));

    /** One generated table: its name, columns and rows at a scale. */
    enum Table {
        LINEITEM("lineitem", LINEITEM_COLUMNS),
        ORDERS("orders", ORDERS_COLUMNS);

        final String tableName;
        final List<Column> columns;

        Table(String tableName, List<Column> columns) {
            this.tableName = tableName;
            this.columns = columns;
        }

        Stream<Object[]> rows(double scale) {
            return switch (this) {
                case LINEITEM -> generated(new LineItemGenerator(scale, 1, 1), TpchTables::lineitem);
                case ORDERS -> generated(new OrderGenerator(scale, 1, 1), TpchTables::order);
            };
        }

        /** The Parquet object's path under the bucket folder. */
        Path parquetFile(Path bucketFolder) {
            return bucketFolder.resolve(tableName + "_parquet/" + tableName + ".snappy.parquet");
        }

        /** The text object's path under the bucket folder. */
        Path csvFile(Path bucketFolder) {
            return bucketFolder.resolve(tableName + "_csv/" + tableName + ".txt");
        }
    }

    private TpchTables() {
    }

    private static <T> Stream<Object[]> generated(Iterable<T> generator, Function<T, Object[]> row) {
        return StreamSupport.stream(generator.spliterator(), false).map(row);
    }

    private static Object[] lineitem(LineItem item) {
        return new Object[] {
                item.getOrderKey(), item.getPartKey(), item.getSupplierKey(), item.getLineNumber(),
                BigDecimal.valueOf(item.getQuantity()).setScale(2),
                BigDecimal.valueOf(item.getExtendedPriceInCents(), 2),
                BigDecimal.valueOf(item.getDiscountPercent(), 2),
                BigDecimal.valueOf(item.getTaxPercent(), 2),
                item.getReturnFlag(), item.getStatus(),
                item.getShipDate(), item.getCommitDate(), item.getReceiptDate(),
                item.getShipInstructions(), item.getShipMode(), item.getComment()};
    }

    private static Object[] order(Order order) {
        return new Object[] {
                order.getOrderKey(), order.getCustomerKey(), String.valueOf(order.getOrderStatus()),
                BigDecimal.valueOf(order.getTotalPriceInCents(), 2), order.getOrderDate(),
                order.getOrderPriority(), order.getClerk(), order.getShipPriority(), order.getComment()};
    }

    /**
     * Writes a table's rows once into the Parquet object and, when {@code withCsv}, the text object under
     * {@code bucketFolder}; returns the row count.
     */
    static long write(Table table, double scale, Path bucketFolder, boolean withCsv) throws IOException {
        Path parquet = table.parquetFile(bucketFolder);
        Path csv = table.csvFile(bucketFolder);
        Files.createDirectories(parquet.getParent());
        if (withCsv) {
            Files.createDirectories(csv.getParent());
        }
        Map<String, String> parquetProperties = Map.of(ParquetFormatWriter.WRITE_COMPRESSION, "SNAPPY",
                ParquetFormatWriter.BLOCK_SIZE, String.valueOf(16L << 20));
        try (OutputStream parquetOut = new BufferedOutputStream(Files.newOutputStream(parquet), 1 << 16);
             RowWriter parquetRows = new ParquetFormatWriter().create(parquetOut, table.columns, parquetProperties);
             OutputStream csvOut = withCsv ? new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16) : null;
             RowWriter csvRows = withCsv ? new CsvFormatWriter().create(csvOut, table.columns,
                     Map.of("field.delim", "|")) : null;
             Stream<Object[]> rows = table.rows(scale)) {
            rows.forEach(row -> {
                try {
                    parquetRows.write(row);
                    if (csvRows != null) {
                        csvRows.write(row);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return parquetRows.rowCount();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Registers {@code database.<table>_parquet} (and {@code _csv} when {@code withCsv}) over the objects
     * {@link #write} put in bucket {@code bucket}.
     */
    static void register(Glaux glaux, Table table, String bucket, String database, boolean withCsv) {
        String columns = String.join(",\n  ", table.columns.stream().map(c -> c.name() + " " + c.type().ddl())
                .toList());
        ddl(glaux, "CREATE DATABASE IF NOT EXISTS " + database);
        ddl(glaux, "CREATE EXTERNAL TABLE " + database + "." + table.tableName + "_parquet (\n  " + columns + ")\n"
                + "STORED AS PARQUET\nLOCATION 's3://" + bucket + "/" + table.tableName + "_parquet/'");
        if (withCsv) {
            ddl(glaux, "CREATE EXTERNAL TABLE " + database + "." + table.tableName + "_csv (\n  " + columns + ")\n"
                    + "ROW FORMAT DELIMITED\n  FIELDS TERMINATED BY '|'\nSTORED AS TEXTFILE\n"
                    + "LOCATION 's3://" + bucket + "/" + table.tableName + "_csv/'");
        }
    }

    /** Runs a statement that must succeed. */
    static QueryExecution ddl(Glaux glaux, String sql) {
        QueryExecution done = glaux.execute(sql);
        if (done.state() != QueryState.SUCCEEDED) {
            throw new IllegalStateException(done.state() + ": " + done.status().stateChangeReason() + "\n" + sql);
        }
        return done;
    }
}
