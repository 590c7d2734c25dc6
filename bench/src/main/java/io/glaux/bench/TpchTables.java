package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.format.RowWriter;
import io.glaux.format.csv.CsvFormatWriter;
import io.glaux.format.parquet.ParquetFormatWriter;
import io.trino.tpch.Customer;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.Part;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.PartSupplierGenerator;
import io.trino.tpch.Region;
import io.trino.tpch.RegionGenerator;
import io.trino.tpch.Supplier;
import io.trino.tpch.SupplierGenerator;

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
 * The eight TPC-H tables generated with {@code io.trino.tpch} (one generator for all, so every foreign key has its
 * row), written into a Glaux bucket as Parquet (snappy, 16 MiB row groups) and/or '|'-delimited text
 * (LazySimpleSerDe), and registered with Athena DDL as {@code <database>.<table>_parquet} and
 * {@code <database>.<table>_csv}. Money, quantity, discount and tax are TPC-H's {@code decimal(12,2)}; keys are
 * {@code bigint}; dates are the generator's days since 1970-01-01, which is Glaux's date representation.
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

    static final List<Column> REGION_COLUMNS = List.of(
            new Column("r_regionkey", AthenaType.BIGINT),
            new Column("r_name", AthenaType.STRING),
            new Column("r_comment", AthenaType.STRING));

    static final List<Column> NATION_COLUMNS = List.of(
            new Column("n_nationkey", AthenaType.BIGINT),
            new Column("n_name", AthenaType.STRING),
            new Column("n_regionkey", AthenaType.BIGINT),
            new Column("n_comment", AthenaType.STRING));

    static final List<Column> SUPPLIER_COLUMNS = List.of(
            new Column("s_suppkey", AthenaType.BIGINT),
            new Column("s_name", AthenaType.STRING),
            new Column("s_address", AthenaType.STRING),
            new Column("s_nationkey", AthenaType.BIGINT),
            new Column("s_phone", AthenaType.STRING),
            new Column("s_acctbal", MONEY),
            new Column("s_comment", AthenaType.STRING));

    static final List<Column> CUSTOMER_COLUMNS = List.of(
            new Column("c_custkey", AthenaType.BIGINT),
            new Column("c_name", AthenaType.STRING),
            new Column("c_address", AthenaType.STRING),
            new Column("c_nationkey", AthenaType.BIGINT),
            new Column("c_phone", AthenaType.STRING),
            new Column("c_acctbal", MONEY),
            new Column("c_mktsegment", AthenaType.STRING),
            new Column("c_comment", AthenaType.STRING));

    static final List<Column> PART_COLUMNS = List.of(
            new Column("p_partkey", AthenaType.BIGINT),
            new Column("p_name", AthenaType.STRING),
            new Column("p_mfgr", AthenaType.STRING),
            new Column("p_brand", AthenaType.STRING),
            new Column("p_type", AthenaType.STRING),
            new Column("p_size", AthenaType.INT),
            new Column("p_container", AthenaType.STRING),
            new Column("p_retailprice", MONEY),
            new Column("p_comment", AthenaType.STRING));

    static final List<Column> PARTSUPP_COLUMNS = List.of(
            new Column("ps_partkey", AthenaType.BIGINT),
            new Column("ps_suppkey", AthenaType.BIGINT),
            new Column("ps_availqty", AthenaType.INT),
            new Column("ps_supplycost", MONEY),
            new Column("ps_comment", AthenaType.STRING));

    /** One generated table: its name, columns and rows at a scale. */
    enum Table {
        LINEITEM("lineitem", LINEITEM_COLUMNS),
        ORDERS("orders", ORDERS_COLUMNS),
        REGION("region", REGION_COLUMNS),
        NATION("nation", NATION_COLUMNS),
        SUPPLIER("supplier", SUPPLIER_COLUMNS),
        CUSTOMER("customer", CUSTOMER_COLUMNS),
        PART("part", PART_COLUMNS),
        PARTSUPP("partsupp", PARTSUPP_COLUMNS);

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
                case REGION -> generated(new RegionGenerator(), TpchTables::region);
                case NATION -> generated(new NationGenerator(), TpchTables::nation);
                case SUPPLIER -> generated(new SupplierGenerator(scale, 1, 1), TpchTables::supplier);
                case CUSTOMER -> generated(new CustomerGenerator(scale, 1, 1), TpchTables::customer);
                case PART -> generated(new PartGenerator(scale, 1, 1), TpchTables::part);
                case PARTSUPP -> generated(new PartSupplierGenerator(scale, 1, 1), TpchTables::partSupplier);
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

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static Object[] lineitem(LineItem item) {
        return new Object[] {
                item.getOrderKey(), item.getPartKey(), item.getSupplierKey(), item.getLineNumber(),
                BigDecimal.valueOf(item.getQuantity()).setScale(2),
                cents(item.getExtendedPriceInCents()),
                cents(item.getDiscountPercent()),
                cents(item.getTaxPercent()),
                item.getReturnFlag(), item.getStatus(),
                item.getShipDate(), item.getCommitDate(), item.getReceiptDate(),
                item.getShipInstructions(), item.getShipMode(), item.getComment()};
    }

    private static Object[] order(Order order) {
        return new Object[] {
                order.getOrderKey(), order.getCustomerKey(), String.valueOf(order.getOrderStatus()),
                cents(order.getTotalPriceInCents()), order.getOrderDate(),
                order.getOrderPriority(), order.getClerk(), order.getShipPriority(), order.getComment()};
    }

    private static Object[] region(Region region) {
        return new Object[] {region.getRegionKey(), region.getName(), region.getComment()};
    }

    private static Object[] nation(Nation nation) {
        return new Object[] {nation.getNationKey(), nation.getName(), nation.getRegionKey(), nation.getComment()};
    }

    private static Object[] supplier(Supplier supplier) {
        return new Object[] {
                supplier.getSupplierKey(), supplier.getName(), supplier.getAddress(), supplier.getNationKey(),
                supplier.getPhone(), cents(supplier.getAccountBalanceInCents()), supplier.getComment()};
    }

    private static Object[] customer(Customer customer) {
        return new Object[] {
                customer.getCustomerKey(), customer.getName(), customer.getAddress(), customer.getNationKey(),
                customer.getPhone(), cents(customer.getAccountBalanceInCents()), customer.getMarketSegment(),
                customer.getComment()};
    }

    private static Object[] part(Part part) {
        return new Object[] {
                part.getPartKey(), part.getName(), part.getManufacturer(), part.getBrand(), part.getType(),
                part.getSize(), part.getContainer(), cents(part.getRetailPriceInCents()), part.getComment()};
    }

    private static Object[] partSupplier(PartSupplier partSupplier) {
        return new Object[] {
                partSupplier.getPartKey(), partSupplier.getSupplierKey(), partSupplier.getAvailableQuantity(),
                cents(partSupplier.getSupplyCostInCents()), partSupplier.getComment()};
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
        ddl(glaux, "CREATE DATABASE IF NOT EXISTS " + database);
        registerParquet(glaux, table, bucket, database + "." + table.tableName + "_parquet");
        if (withCsv) {
            registerText(glaux, table, bucket, database + "." + table.tableName + "_csv");
        }
    }

    /**
     * Registers {@code qualifiedName} (database.table, the database existing) over the '|'-delimited text object
     * {@link #write} put in bucket {@code bucket}.
     */
    static void registerText(Glaux glaux, Table table, String bucket, String qualifiedName) {
        ddl(glaux, "CREATE EXTERNAL TABLE " + qualifiedName + " (\n  " + columnsDdl(table) + ")\n"
                + "ROW FORMAT DELIMITED\n  FIELDS TERMINATED BY '|'\nSTORED AS TEXTFILE\n"
                + "LOCATION 's3://" + bucket + "/" + table.tableName + "_csv/'");
    }

    /**
     * Registers {@code qualifiedName} (database.table, the database existing) over the Parquet object {@link #write}
     * put in bucket {@code bucket}.
     */
    static void registerParquet(Glaux glaux, Table table, String bucket, String qualifiedName) {
        ddl(glaux, "CREATE EXTERNAL TABLE " + qualifiedName + " (\n  " + columnsDdl(table) + ")\n"
                + "STORED AS PARQUET\nLOCATION 's3://" + bucket + "/" + table.tableName + "_parquet/'");
    }

    private static String columnsDdl(Table table) {
        return String.join(",\n  ", table.columns.stream().map(c -> c.name() + " " + c.type().ddl()).toList());
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
