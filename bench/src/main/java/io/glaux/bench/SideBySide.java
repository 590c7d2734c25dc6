package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.QueryResults;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.format.RowWriter;
import io.glaux.format.csv.CsvFormatWriter;
import io.glaux.format.parquet.ParquetFormatWriter;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Glaux next to DuckDB on the same TPC-H {@code lineitem} rows: generates them with {@code io.trino.tpch} at the
 * given scale, writes them once as Parquet (snappy, several row groups) and once as '|'-delimited text
 * (LazySimpleSerDe), registers both with Athena DDL in an embedded Glaux, and loads the Parquet file into an
 * in-process DuckDB (a table in memory, and a view that reads the file on every query). Each query runs on every
 * engine, warm-up runs first, then the median of {@code --runs} timed runs; the answers must agree or the run fails.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.glaux.bench.SideBySide [--scale 1] [--runs 5] [--warmups 2]
 * </pre>
 *
 * Glaux runs a query on one thread (the Enumerable plan is a single pipeline), so DuckDB is held to
 * {@code threads = 1}. A Glaux query is timed from submission until it has SUCCEEDED, which includes writing the
 * result object as Athena does; a DuckDB query is timed until every result row has been read. The SPICE column is
 * reported as n/a: Glaux has no SPICE cache yet.
 */
public final class SideBySide {

    /** Threads per query on both sides. */
    static final int THREADS = 1;

    /**
     * decimal(15,2) rather than TPC-H's usual decimal(12,2): Glaux types sum(decimal(p,s)) as decimal(p,s) (Trino
     * widens it to decimal(38,s)), so Q1's sums overflow decimal(12,2) from scale 0.1 on.
     */
    private static final AthenaType MONEY = new AthenaType.Decimal(15, 2);

    static final List<Column> LINEITEM = List.of(
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

    /** The queries, with {@code $T} for the table; written so Glaux (Athena's dialect) and DuckDB both accept them. */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("TPC-H Q1", """
                SELECT l_returnflag, l_linestatus,
                       sum(l_quantity) AS sum_qty,
                       sum(l_extendedprice) AS sum_base_price,
                       sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
                       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
                       avg(l_quantity) AS avg_qty,
                       avg(l_extendedprice) AS avg_price,
                       avg(l_discount) AS avg_disc,
                       count(*) AS count_order
                FROM $T
                WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
                GROUP BY l_returnflag, l_linestatus
                ORDER BY l_returnflag, l_linestatus""");
        QUERIES.put("TPC-H Q6", """
                SELECT sum(l_extendedprice * l_discount) AS revenue
                FROM $T
                WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'
                  AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24""");
        QUERIES.put("revenue by flag, status, ship month", """
                SELECT date_trunc('month', l_shipdate) AS ship_month, l_returnflag, l_linestatus,
                       sum(l_extendedprice * (1 - l_discount)) AS revenue
                FROM $T
                GROUP BY date_trunc('month', l_shipdate), l_returnflag, l_linestatus
                ORDER BY ship_month, l_returnflag, l_linestatus""");
        QUERIES.put("late lines by ship mode", """
                SELECT l_shipmode, count(*) AS line_count, sum(l_quantity) AS quantity
                FROM $T
                WHERE l_receiptdate > l_commitdate
                GROUP BY l_shipmode
                ORDER BY l_shipmode""");
    }

    private static final String[] ENGINES = {"Glaux Parquet", "Glaux CSV", "Glaux SPICE", "DuckDB memory",
            "DuckDB Parquet"};
    private static final int SPICE = 2;
    private static final int DUCKDB_MEMORY = 3;

    public static void main(String[] args) throws Exception {
        double scale = 1;
        int runs = 5;
        int warmups = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmups" -> warmups = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (expected --scale, --runs, --warmups)");
            }
        }
        if (runs < 1 || warmups < 0 || !(scale > 0)) {
            throw new IllegalArgumentException("--scale must be positive, --runs at least 1, --warmups at least 0");
        }
        Path folder = Files.createTempDirectory("glaux-side-by-side");
        try {
            run(folder, scale, runs, warmups);
        } finally {
            deleteTree(folder);
        }
    }

    private static void run(Path folder, double scale, int runs, int warmups) throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).build();
             Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            glaux.store().createBucket("tpch");
            Path parquet = folder.resolve("tpch/lineitem_parquet/lineitem.snappy.parquet");
            Path csv = folder.resolve("tpch/lineitem_csv/lineitem.txt");
            long started = System.nanoTime();
            long rows = generate(scale, parquet, csv);
            System.out.printf(Locale.ROOT, "TPC-H scale %s: lineitem %,d rows generated and written in %.1f s"
                    + " (Parquet %,d bytes, text %,d bytes)%n", scale, rows, seconds(started), Files.size(parquet),
                    Files.size(csv));

            register(glaux);
            started = System.nanoTime();
            try (Statement statement = duck.createStatement()) {
                statement.execute("SET threads = " + THREADS);
                String file = "'" + parquet.toAbsolutePath().toString().replace("'", "''") + "'";
                statement.execute("CREATE TABLE lineitem AS SELECT * FROM read_parquet(" + file + ")");
                statement.execute("CREATE VIEW lineitem_parquet AS SELECT * FROM read_parquet(" + file + ")");
                try (ResultSet groups = statement.executeQuery(
                        "SELECT count(DISTINCT row_group_id) FROM parquet_metadata(" + file + ")")) {
                    groups.next();
                    System.out.printf(Locale.ROOT, "Parquet row groups: %d; DuckDB table loaded in %.1f s;"
                            + " threads per query: %d on both sides%n", groups.getLong(1), seconds(started),
                            THREADS);
                }
            }
            glaux.warmUp();

            List<String> names = new ArrayList<>(QUERIES.keySet());
            double[][] medians = new double[names.size()][ENGINES.length];
            for (int q = 0; q < names.size(); q++) {
                String sql = QUERIES.get(names.get(q));
                List<List<String>> reference = null;
                for (int e = 0; e < ENGINES.length; e++) {
                    if (e == SPICE) {
                        medians[q][e] = Double.NaN;
                        continue;
                    }
                    Runner runner = runner(e, glaux, duck, sql);
                    for (int i = 0; i < warmups; i++) {
                        runner.run();
                    }
                    double[] times = new double[runs];
                    List<List<String>> answer = null;
                    for (int i = 0; i < runs; i++) {
                        long t0 = System.nanoTime();
                        answer = runner.run();
                        times[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    medians[q][e] = median(times);
                    if (e == 0) {
                        if (answer.isEmpty() || answer.stream().anyMatch(row -> row.contains(null))) {
                            throw new AssertionError(names.get(q) + ": no answer to compare (no rows, or NULLs): "
                                    + answer);
                        }
                        reference = answer;
                    } else {
                        compare(names.get(q), ENGINES[0], reference, ENGINES[e], answer);
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %d rows, answers agree on all engines%n", names.get(q),
                        reference.size());
            }
            print(scale, rows, runs, warmups, names, medians);
        }
    }

    interface Runner {
        List<List<String>> run() throws Exception;
    }

    private static Runner runner(int engine, Glaux glaux, Connection duck, String sql) {
        return switch (engine) {
            case 0 -> () -> glaux(glaux, sql.replace("$T", "tpch.lineitem_parquet"));
            case 1 -> () -> glaux(glaux, sql.replace("$T", "tpch.lineitem_csv"));
            case DUCKDB_MEMORY -> () -> duckdb(duck, sql.replace("$T", "lineitem"));
            case 4 -> () -> duckdb(duck, sql.replace("$T", "lineitem_parquet"));
            default -> throw new IllegalArgumentException("No runner for " + ENGINES[engine]);
        };
    }

    /** Writes the rows once into both files; returns the row count. */
    static long generate(double scale, Path parquet, Path csv) throws IOException {
        Files.createDirectories(parquet.getParent());
        Files.createDirectories(csv.getParent());
        Map<String, String> parquetProperties = Map.of(ParquetFormatWriter.WRITE_COMPRESSION, "SNAPPY",
                ParquetFormatWriter.BLOCK_SIZE, String.valueOf(16L << 20));
        Map<String, String> csvProperties = Map.of("field.delim", "|");
        try (OutputStream parquetOut = new BufferedOutputStream(Files.newOutputStream(parquet), 1 << 16);
             OutputStream csvOut = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16);
             RowWriter parquetRows = new ParquetFormatWriter().create(parquetOut, LINEITEM, parquetProperties);
             RowWriter csvRows = new CsvFormatWriter().create(csvOut, LINEITEM, csvProperties)) {
            // The generator's dates are already days since 1970-01-01, Glaux's date representation.
            for (LineItem item : new LineItemGenerator(scale, 1, 1)) {
                Object[] row = {
                        item.getOrderKey(), item.getPartKey(), item.getSupplierKey(), item.getLineNumber(),
                        BigDecimal.valueOf(item.getQuantity()).setScale(2),
                        BigDecimal.valueOf(item.getExtendedPriceInCents(), 2),
                        BigDecimal.valueOf(item.getDiscountPercent(), 2),
                        BigDecimal.valueOf(item.getTaxPercent(), 2),
                        item.getReturnFlag(), item.getStatus(),
                        item.getShipDate(), item.getCommitDate(), item.getReceiptDate(),
                        item.getShipInstructions(), item.getShipMode(), item.getComment()};
                parquetRows.write(row);
                csvRows.write(row);
            }
            return parquetRows.rowCount();
        }
    }

    private static void register(Glaux glaux) {
        String columns = String.join(",\n  ", LINEITEM.stream().map(c -> c.name() + " " + c.type().ddl()).toList());
        ddl(glaux, "CREATE DATABASE IF NOT EXISTS tpch");
        ddl(glaux, "CREATE EXTERNAL TABLE tpch.lineitem_parquet (\n  " + columns + ")\n"
                + "STORED AS PARQUET\nLOCATION 's3://tpch/lineitem_parquet/'");
        ddl(glaux, "CREATE EXTERNAL TABLE tpch.lineitem_csv (\n  " + columns + ")\n"
                + "ROW FORMAT DELIMITED\n  FIELDS TERMINATED BY '|'\nSTORED AS TEXTFILE\n"
                + "LOCATION 's3://tpch/lineitem_csv/'");
    }

    private static void ddl(Glaux glaux, String sql) {
        QueryExecution done = glaux.execute(sql);
        if (done.state() != QueryState.SUCCEEDED) {
            throw new IllegalStateException(done.state() + ": " + done.status().stateChangeReason() + "\n" + sql);
        }
    }

    private static List<List<String>> glaux(Glaux glaux, String sql) throws IOException {
        QueryExecution done = glaux.execute(sql);
        if (done.state() != QueryState.SUCCEEDED) {
            throw new IllegalStateException("Glaux " + done.state() + ": " + done.status().stateChangeReason()
                    + "\n" + sql);
        }
        QueryResults results = glaux.results(done.queryExecutionId());
        return results.rows();
    }

    private static List<List<String>> duckdb(Connection duck, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    Object value = result.getObject(c);
                    row.add(value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern MIDNIGHT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T]00:00(:00(\\.0*)?)?");

    /**
     * Fails unless both answers have the same rows in the same order. Numbers agree when equal after rounding to the
     * fewer decimal places of the two (an engine that returns avg(decimal) as decimal(p,2) rounds where another
     * returns a double), or within a relative 1e-9 (double sums in a different order); integers must be equal. A
     * date and the same date at midnight agree (date_trunc on a date gives a date in one engine, a timestamp in
     * another).
     */
    static void compare(String query, String leftName, List<List<String>> left, String rightName,
                        List<List<String>> right) {
        if (left.size() != right.size()) {
            throw new AssertionError(query + ": " + leftName + " returned " + left.size() + " rows, " + rightName
                    + " " + right.size());
        }
        for (int r = 0; r < left.size(); r++) {
            List<String> a = left.get(r);
            List<String> b = right.get(r);
            boolean same = a.size() == b.size();
            for (int c = 0; same && c < a.size(); c++) {
                same = agree(a.get(c), b.get(c));
            }
            if (!same) {
                throw new AssertionError(query + ", row " + (r + 1) + ": " + leftName + " " + a + " but "
                        + rightName + " " + b);
            }
        }
    }

    static boolean agree(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            BigDecimal x = new BigDecimal(a);
            BigDecimal y = new BigDecimal(b);
            int scale = Math.min(Math.max(x.scale(), 0), Math.max(y.scale(), 0));
            if (x.setScale(scale, RoundingMode.HALF_UP).compareTo(y.setScale(scale, RoundingMode.HALF_UP)) == 0) {
                return true;
            }
            if (x.scale() <= 0 && y.scale() <= 0) {
                return false;
            }
            BigDecimal tolerance = x.abs().max(y.abs()).multiply(new BigDecimal("1e-9"));
            return x.subtract(y).abs().compareTo(tolerance) <= 0;
        }
        return dateOf(a).equals(dateOf(b));
    }

    private static String dateOf(String value) {
        var m = MIDNIGHT.matcher(value);
        return m.matches() ? LocalDate.parse(m.group(1)).toString() : value;
    }

    private static void print(double scale, long rows, int runs, int warmups, List<String> names,
                              double[][] medians) {
        int width = Math.max(8, names.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nMedian of %d runs after %d warm-up runs, ms (× DuckDB in memory);"
                + " scale %s, lineitem %,d rows, %d thread per query%n%n", runs, warmups, scale, rows, THREADS));
        out.append("| query |");
        for (String engine : ENGINES) {
            out.append(' ').append(engine).append(" |");
        }
        out.append("\n|---|");
        out.append("---:|".repeat(ENGINES.length)).append('\n');
        for (int q = 0; q < names.size(); q++) {
            out.append("| ").append(String.format(Locale.ROOT, "%-" + width + "s", names.get(q))).append(" |");
            double base = medians[q][DUCKDB_MEMORY];
            for (int e = 0; e < ENGINES.length; e++) {
                double ms = medians[q][e];
                out.append(' ').append(Double.isNaN(ms) ? "n/a" : e == DUCKDB_MEMORY
                        ? String.format(Locale.ROOT, "%.1f", ms)
                        : String.format(Locale.ROOT, "%.1f (%.1f×)", ms, ms / base)).append(" |");
            }
            out.append('\n');
        }
        out.append("\nGlaux SPICE: n/a (no SPICE cache in Glaux yet).\n");
        System.out.print(out);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
