package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.workgroup.ResultConfiguration;
import io.glaux.workgroup.WorkgroupConfiguration;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast SPICE imports TPC-H lineitem at {@code --scale}: from its Parquet object and from its '|'-delimited text
 * object, each read in columns (the dataset's query only reads the table's columns) and row by row (the same query
 * with a filter that keeps every row, which runs through the planned operators); {@code --only} picks some of them
 * (parquet-columns, parquet-rows, text-columns, text-rows, duckdb-parquet). Each source is imported
 * {@code --warmups} times unmeasured (the first import of a process also pays for class loading and compilation),
 * then the median of {@code --runs} imports is printed: in wall time, in CPU time of the ingestion thread, and in CPU
 * time of the whole process, which also counts the workers that read parts of the table for the ingestion thread,
 * the collector and the compilers. CPU time is what a loaded machine does not inflate; rows per process CPU second
 * is the rate per core. Beside them, as a yardstick for the rate per core, DuckDB in the same process loads the
 * same Parquet object into a table of its memory on one thread ({@code CREATE OR REPLACE TABLE ... AS SELECT * FROM
 * read_parquet(...)}), timed the same way (it has no ingestion thread of Glaux's).
 *
 * <p>With {@code --source athena}, the dataset reads through an Athena workgroup, as QuickSight's Athena data sources
 * do: each ingestion runs {@code SELECT * FROM lineitem} as an Athena query and imports its result object (a quoted
 * CSV), in columns and, in a second Glaux with the system property {@code glaux.spice.athenaColumnar=false}, row by
 * row ({@code --only columns} or {@code rows} for one of them). The time counted is the ingestion's after its query
 * completed, and the CPU time of the ingestion thread (which waits idle while the query runs), a per-core figure that
 * a loaded machine does not inflate.
 *
 * <pre>
 * java -Xmx8g --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *      -cp bench/target/benchmarks.jar io.glaux.bench.SpiceImportRate [--scale 1] [--runs 3] [--warmups 1] \
 *      [--source tables|athena] [--only parquet-columns,...,duckdb-parquet|columns|rows]
 * </pre>
 */
public final class SpiceImportRate {

    /** The system property that makes SPICE read Athena result objects row by row when false. */
    private static final String ATHENA_COLUMNAR = "glaux.spice.athenaColumnar";

    private SpiceImportRate() {
    }

    public static void main(String[] args) throws Exception {
        double scale = 1;
        int runs = 3;
        int warmups = 1;
        String sources = "tables";
        String only = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmups" -> warmups = Integer.parseInt(args[i + 1]);
                case "--source" -> sources = args[i + 1];
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (expected --scale, --runs, --warmups, --source, --only)");
            }
        }
        if (sources.equals("athena")) {
            athena(scale, runs, warmups, only);
            return;
        }
        if (!sources.equals("tables")) {
            throw new IllegalArgumentException("--source is tables or athena, not " + sources);
        }
        Path folder = Files.createTempDirectory("glaux-spice-import-rate");
        try (Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).build()) {
            glaux.store().createBucket("tpch");
            long rows = TpchTables.write(TpchTables.Table.LINEITEM, scale, folder.resolve("tpch"), true);
            TpchTables.register(glaux, TpchTables.Table.LINEITEM, "tpch", "tpch", true);
            System.out.printf(Locale.ROOT, "lineitem at scale %s: %,d rows (Parquet %,d bytes, text %,d bytes)%n",
                    scale, rows, Files.size(TpchTables.Table.LINEITEM.parquetFile(folder.resolve("tpch"))),
                    Files.size(TpchTables.Table.LINEITEM.csvFile(folder.resolve("tpch"))));
            System.out.println("| source | rows | median import | rows/s | import thread CPU | process CPU"
                    + " | rows per process CPU second |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            int dataset = 0;
            for (TableImport source : TableImport.chosen(only)) {
                if (source == TableImport.DUCKDB_PARQUET) {
                    duckdb(source.label, TpchTables.Table.LINEITEM.parquetFile(folder.resolve("tpch")), rows, runs,
                            warmups);
                    continue;
                }
                List<Double> seconds = new ArrayList<>();
                List<Double> threadSeconds = new ArrayList<>();
                List<Double> cpuSeconds = new ArrayList<>();
                long imported = 0;
                for (int run = 0; run < warmups + runs; run++) {
                    String name = "import_" + dataset++;
                    long threadBefore = SpiceImports.ingestionCpuNanos();
                    long cpuBefore = SpiceImports.processCpuNanos();
                    SpiceImports.Imported result = SpiceImports.importQuery(glaux, name, "tpch", source.sql);
                    long cpu = SpiceImports.processCpuNanos() - cpuBefore;
                    long thread = SpiceImports.ingestionCpuNanos() - threadBefore;
                    if (run >= warmups) {
                        seconds.add(result.seconds());
                        threadSeconds.add(thread / 1e9);
                        cpuSeconds.add(cpu / 1e9);
                    }
                    imported = result.rows();
                    glaux.spice().deleteDataset(name);
                }
                double median = median(seconds);
                double cpu = median(cpuSeconds);
                System.out.printf(Locale.ROOT, "| %s | %,d | %.2f s | %,.0f | %.2f s | %.2f s | %,.0f |%n",
                        source.label, imported, median, imported / median, median(threadSeconds), cpu,
                        imported / cpu);
            }
        } finally {
            SideBySide.deleteTree(folder);
        }
    }

    /** DuckDB's load of the Parquet object into its memory, on one thread, as a row of the table. */
    private static void duckdb(String label, Path parquet, long rows, int runs, int warmups) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("SET threads = 1");
            String load = "CREATE OR REPLACE TABLE lineitem AS SELECT * FROM read_parquet('"
                    + parquet.toString().replace("'", "''") + "')";
            List<Double> seconds = new ArrayList<>();
            List<Double> cpuSeconds = new ArrayList<>();
            for (int run = 0; run < warmups + runs; run++) {
                long cpuBefore = SpiceImports.processCpuNanos();
                long start = System.nanoTime();
                statement.execute(load);
                long elapsed = System.nanoTime() - start;
                long cpu = SpiceImports.processCpuNanos() - cpuBefore;
                if (run >= warmups) {
                    seconds.add(elapsed / 1e9);
                    cpuSeconds.add(cpu / 1e9);
                }
            }
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM lineitem")) {
                count.next();
                if (count.getLong(1) != rows) {
                    throw new IllegalStateException("DuckDB loaded " + count.getLong(1) + " rows, not " + rows);
                }
            }
            double median = median(seconds);
            double cpu = median(cpuSeconds);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.2f s | %,.0f | — | %.2f s | %,.0f |%n", label, rows,
                    median, rows / median, cpu, rows / cpu);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    /** The imports of lineitem from its tables, each named for {@code --only}. */
    private enum TableImport {
        PARQUET_COLUMNS("Parquet, in columns", "SELECT * FROM lineitem_parquet"),
        PARQUET_ROWS("Parquet, row by row", "SELECT * FROM lineitem_parquet WHERE l_orderkey > 0"),
        TEXT_COLUMNS("text, in columns", "SELECT * FROM lineitem_csv"),
        TEXT_ROWS("text, row by row", "SELECT * FROM lineitem_csv WHERE l_orderkey > 0"),
        DUCKDB_PARQUET("DuckDB, Parquet into its memory (1 thread)", null);

        private final String label;
        private final String sql;

        TableImport(String label, String sql) {
            this.label = label;
            this.sql = sql;
        }

        /** The option's name: parquet-columns, parquet-rows, text-columns, text-rows, duckdb-parquet. */
        String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** All imports, or those {@code only} names (comma-separated). */
        static List<TableImport> chosen(String only) {
            if (only == null) {
                return List.of(values());
            }
            List<TableImport> chosen = new ArrayList<>();
            for (String option : only.split(",")) {
                TableImport match = null;
                for (TableImport candidate : values()) {
                    if (candidate.option().equals(option.trim())) {
                        match = candidate;
                    }
                }
                if (match == null) {
                    throw new IllegalArgumentException("--only takes parquet-columns, parquet-rows, text-columns,"
                            + " text-rows and duckdb-parquet, not " + option);
                }
                chosen.add(match);
            }
            return chosen;
        }
    }

    /** Imports lineitem through an Athena workgroup, in columns then row by row. */
    private static void athena(double scale, int runs, int warmups, String only) throws Exception {
        if (only != null && !only.equals("columns") && !only.equals("rows")) {
            throw new IllegalArgumentException("--only with --source athena is columns or rows, not " + only);
        }
        System.out.println("| Athena result object | rows | median import | rows/s | import thread CPU | rows per"
                + " CPU second | median ingestion |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (boolean columnar : new boolean[] {true, false}) {
            if (only != null && columnar != only.equals("columns")) {
                continue;
            }
            System.setProperty(ATHENA_COLUMNAR, Boolean.toString(columnar));
            Path folder = Files.createTempDirectory("glaux-spice-import-rate");
            try (Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).build()) {
                glaux.store().createBucket("tpch");
                glaux.store().createBucket("glaux-bench-results");
                TpchTables.write(TpchTables.Table.LINEITEM, scale, folder.resolve("tpch"), false);
                TpchTables.register(glaux, TpchTables.Table.LINEITEM, "tpch", "tpch", false);
                glaux.workgroups().create("bench", "QuickSight's Athena data source", new WorkgroupConfiguration(
                        ResultConfiguration.NONE.withOutputLocation("s3://glaux-bench-results/"), false, true, null,
                        false, "AUTO"), Map.of());
                List<Double> importSeconds = new ArrayList<>();
                List<Double> cpuSeconds = new ArrayList<>();
                List<Double> ingestionSeconds = new ArrayList<>();
                long imported = 0;
                for (int run = 0; run < warmups + runs; run++) {
                    String name = "athena_" + run;
                    SpiceImports.AthenaImported result = SpiceImports.importThroughAthena(glaux, name, "tpch",
                            "SELECT * FROM lineitem_parquet", "bench");
                    if (run >= warmups) {
                        importSeconds.add(result.importSeconds());
                        cpuSeconds.add(result.importCpuSeconds());
                        ingestionSeconds.add(result.imported().seconds());
                    }
                    imported = result.imported().rows();
                    glaux.spice().deleteDataset(name);
                }
                double median = median(importSeconds);
                double cpu = median(cpuSeconds);
                System.out.printf(Locale.ROOT, "| %s | %,d | %.2f s | %,.0f | %.2f s | %,.0f | %.2f s |%n",
                        columnar ? "in columns" : "row by row", imported, median, imported / median, cpu,
                        imported / cpu, median(ingestionSeconds));
            } finally {
                System.clearProperty(ATHENA_COLUMNAR);
                SideBySide.deleteTree(folder);
            }
        }
    }
}
