package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.spice.SpiceScanOptions;
import io.glaux.spice.SpiceService;
import io.glaux.sql.QueryContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The 22 TPC-H queries ({@link TpchQueries#sql}) on every {@link Engine}: the eight tables generated once by
 * {@link TpchTables} at {@code --scale} and written once as Parquet and once as '|'-delimited text, then read by
 * <ul>
 *   <li><b>Glaux Parquet</b>: {@code tpch.<table>} over the Parquet objects;</li>
 *   <li><b>Glaux CSV</b>: {@code tpch_csv.<table>} over the text objects;</li>
 *   <li><b>Glaux SPICE</b>: each table imported once into SPICE dataset {@code spice.default.<table>} (the import is
 *       timed and its rows per second reported, not counted in the query times);</li>
 *   <li><b>DuckDB memory</b>, <b>DuckDB Parquet</b>, <b>DuckDB read_csv</b>: three in-process DuckDB databases, one
 *       with the tables loaded into memory from the Parquet files, one with views of {@code read_parquet} over them,
 *       one with views of {@code read_csv} over the text files.</li>
 * </ul>
 * The query texts name the plain tables ({@code lineitem}); each engine resolves them in its own place: a Glaux query
 * runs with its engine's database as the current one ({@link #context}: {@code awsdatacatalog.tpch},
 * {@code awsdatacatalog.tpch_csv} or {@code spice.default}, as Athena's QueryExecutionContext sets it), a DuckDB query
 * on its engine's own database. Each query runs on each engine after {@code --warmups} untimed runs, {@code --runs}
 * times (the median is reported), each run stopped after {@code --timeout-seconds}; every answer is compared with the
 * first engine's that answered ({@link SideBySide#compare}). Each Glaux time is printed with its ratio to the DuckDB
 * engine reading the same storage ({@link Engine#duckDbTwin}).
 *
 * <pre>
 * java -Xmx12g --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *      -Darrow.enable_unsafe_memory_access=true -Darrow.enable_null_check_for_get=false \
 *      -cp bench/target/benchmarks.jar io.glaux.bench.TpchSideBySide [--scale 1] [--threads 1] [--runs 3] \
 *      [--warmups 1] [--timeout-seconds 60] [--only 1,3,13] [--engines glaux-parquet,duckdb-parquet,...] \
 *      [--explain true (print Glaux's plans of the queries on its engines instead of running them)]
 * </pre>
 *
 * {@code --threads N} is given to DuckDB ({@code SET threads = N}) and to Glaux's vectorized operators; joins and
 * whatever else the vectorized operators do not run go row by row on one thread. Exits with status 1 when an answer
 * differs or a query fails (a timeout is reported, not a failure).
 */
public final class TpchSideBySide implements AutoCloseable {

    /** The Glaux bucket that holds both copies of the tables. */
    static final String BUCKET = "tpch";

    /** The Glaux database of the Parquet tables and the SPICE imports' source. */
    static final String PARQUET_DATABASE = "tpch";

    /** The Glaux database of the text twins. */
    static final String TEXT_DATABASE = "tpch_csv";

    /** The command line. */
    record Options(double scale, int threads, int runs, int warmups, long timeoutSeconds, List<Integer> queries,
                   List<Engine> engines, boolean explain) {

        static Options parse(String[] args) {
            double scale = 1;
            int threads = 1;
            int runs = 3;
            int warmups = 1;
            long timeoutSeconds = 60;
            List<Integer> queries = IntStream.rangeClosed(1, TpchQueries.COUNT).boxed().toList();
            List<Engine> engines = List.of(Engine.values());
            boolean explain = false;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--scale" -> scale = Double.parseDouble(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--warmups" -> warmups = Integer.parseInt(value);
                    case "--timeout-seconds" -> timeoutSeconds = Long.parseLong(value);
                    case "--only" -> queries = queryNumbers(value);
                    case "--engines" -> engines = Engine.parseList(value);
                    case "--explain" -> explain = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i] + " (expected"
                            + " --scale, --threads, --runs, --warmups, --timeout-seconds, --only, --engines, --explain)");
                }
            }
            if (!(scale > 0) || threads < 1 || runs < 1 || warmups < 0 || timeoutSeconds < 1) {
                throw new IllegalArgumentException("--scale must be positive, --threads, --runs and"
                        + " --timeout-seconds at least 1, --warmups at least 0");
            }
            return new Options(scale, threads, runs, warmups, timeoutSeconds, queries, engines, explain);
        }

        /** Query numbers as {@code --only} takes them: {@code 1,3,13}, in the order given. */
        private static List<Integer> queryNumbers(String text) {
            List<Integer> numbers = new ArrayList<>();
            for (String part : text.split(",")) {
                int n = Integer.parseInt(part.trim().replaceFirst("^[Qq]", ""));
                if (n < 1 || n > TpchQueries.COUNT) {
                    throw new IllegalArgumentException("No TPC-H query " + part.trim() + " (1 to "
                            + TpchQueries.COUNT + ")");
                }
                if (!numbers.contains(n)) {
                    numbers.add(n);
                }
            }
            return List.copyOf(numbers);
        }

        Duration timeout() {
            return Duration.ofSeconds(timeoutSeconds);
        }

        boolean writesText() {
            return engines.contains(Engine.GLAUX_CSV) || engines.contains(Engine.DUCKDB_CSV);
        }
    }

    /**
     * How one query went: its run on each of {@link Options#engines} (in that order), and what disagreed or failed
     * ({@code problem} null when every engine that answered agrees and none failed).
     */
    record Outcome(int query, List<TpchQueries.Run> runs, String problem) {

        boolean agrees() {
            return problem == null;
        }
    }

    private final Options options;
    private final Glaux glaux;
    private final Map<Engine, Connection> duckDbs;
    private final Map<String, Long> rows;
    private final List<SpiceImports.Imported> imports;
    private final QueryTimer timer = new QueryTimer();

    private TpchSideBySide(Options options, Glaux glaux, Map<Engine, Connection> duckDbs, Map<String, Long> rows,
                           List<SpiceImports.Imported> imports) {
        this.options = options;
        this.glaux = glaux;
        this.duckDbs = duckDbs;
        this.rows = rows;
        this.imports = imports;
    }

    /**
     * The database a Glaux engine's queries run in, so the queries' plain table names are that engine's tables: the
     * Parquet tables, their text twins, or the SPICE datasets (catalog {@value SpiceService#CATALOG}, database
     * {@value SpiceService#DATABASE}).
     */
    static QueryContext context(Engine engine) {
        return switch (engine) {
            case GLAUX_PARQUET -> new QueryContext(QueryContext.DEFAULT_CATALOG, PARQUET_DATABASE);
            case GLAUX_CSV -> new QueryContext(QueryContext.DEFAULT_CATALOG, TEXT_DATABASE);
            case GLAUX_SPICE -> new QueryContext(SpiceService.CATALOG, SpiceService.DATABASE);
            default -> throw new IllegalArgumentException(engine.label + " is not Glaux");
        };
    }

    /**
     * Generates the eight tables into {@code folder} (Glaux's data folder), registers them for every engine in
     * {@code options}, warms Glaux up and imports the SPICE datasets (the imports are the first large work in the JVM,
     * so the first, lineitem's, includes compiling the reading and importing code).
     */
    static TpchSideBySide open(Path folder, Options options) throws IOException, SQLException, InterruptedException {
        SpiceScanOptions scan = SpiceScanOptions.defaults().withThreads(options.threads());
        Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).spiceScanOptions(scan).build();
        Map<Engine, Connection> duckDbs = new EnumMap<>(Engine.class);
        try {
            Path bucketFolder = folder.resolve(BUCKET);
            glaux.store().createBucket(BUCKET);
            TpchTables.ddl(glaux, "CREATE DATABASE IF NOT EXISTS " + PARQUET_DATABASE);
            TpchTables.ddl(glaux, "CREATE DATABASE IF NOT EXISTS " + TEXT_DATABASE);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (TpchTables.Table table : TpchTables.Table.values()) {
                long started = System.nanoTime();
                long count = TpchTables.write(table, options.scale(), bucketFolder, options.writesText());
                TpchTables.registerParquet(glaux, table, BUCKET, PARQUET_DATABASE + "." + table.tableName);
                if (options.writesText()) {
                    TpchTables.registerText(glaux, table, BUCKET, TEXT_DATABASE + "." + table.tableName);
                }
                rows.put(table.tableName, count);
                System.out.printf(Locale.ROOT, "%s: %,d rows written and registered in %.1f s (Parquet %,d bytes%s)%n",
                        table.tableName, count, QueryTimer.millis(started) / 1e3,
                        Files.size(table.parquetFile(bucketFolder)), options.writesText()
                                ? String.format(Locale.ROOT, ", text %,d bytes", Files.size(table.csvFile(bucketFolder)))
                                : "");
            }
            glaux.warmUp();
            List<SpiceImports.Imported> imports = new ArrayList<>();
            if (options.engines().contains(Engine.GLAUX_SPICE)) {
                for (TpchTables.Table table : TpchTables.Table.values()) {
                    SpiceImports.Imported imported = SpiceImports.importTable(glaux, table.tableName,
                            PARQUET_DATABASE, table.tableName);
                    imports.add(imported);
                    System.out.printf(Locale.ROOT, "SPICE dataset %s: %,d rows imported in %.2f s (%,.0f rows/s)%n",
                            imported.dataset(), imported.rows(), imported.seconds(), imported.rowsPerSecond());
                }
            }
            for (Engine engine : options.engines()) {
                if (!engine.isGlaux()) {
                    long started = System.nanoTime();
                    duckDbs.put(engine, duckDb(engine, bucketFolder, options.threads()));
                    System.out.printf(Locale.ROOT, "%s: tables ready in %.1f s%n", engine.label,
                            QueryTimer.millis(started) / 1e3);
                }
            }
            return new TpchSideBySide(options, glaux, duckDbs, rows, imports);
        } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
            for (Connection duck : duckDbs.values()) {
                duck.close();
            }
            glaux.close();
            throw e;
        }
    }

    /** A new in-process DuckDB database holding the eight tables as {@code engine} reads them. */
    private static Connection duckDb(Engine engine, Path bucketFolder, int threads) throws SQLException {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duck.createStatement()) {
            statement.execute("SET threads = " + threads);
            for (TpchTables.Table table : TpchTables.Table.values()) {
                statement.execute(duckDbTable(engine, table, bucketFolder));
            }
            return duck;
        } catch (SQLException | RuntimeException e) {
            duck.close();
            throw e;
        }
    }

    /** The DuckDB statement that makes {@code table} for {@code engine}. */
    static String duckDbTable(Engine engine, TpchTables.Table table, Path bucketFolder) {
        String parquet = "read_parquet(" + literal(table.parquetFile(bucketFolder)) + ")";
        return switch (engine) {
            case DUCKDB_MEMORY -> "CREATE TABLE " + table.tableName + " AS SELECT * FROM " + parquet;
            case DUCKDB_PARQUET -> "CREATE VIEW " + table.tableName + " AS SELECT * FROM " + parquet;
            // LazySimpleSerDe as TpchTables writes it: '|' between fields, no header, no quoting, NULL as \N.
            case DUCKDB_CSV -> "CREATE VIEW " + table.tableName + " AS SELECT * FROM read_csv("
                    + literal(table.csvFile(bucketFolder)) + ", delim = '|', header = false, quote = '',"
                    + " escape = '', nullstr = '\\N', columns = {" + table.columns.stream()
                            .map(c -> "'" + c.name() + "': '" + c.type().trinoName().toUpperCase(Locale.ROOT) + "'")
                            .collect(Collectors.joining(", ")) + "})";
            default -> throw new IllegalArgumentException(engine.label + " is not DuckDB");
        };
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** Runs query {@code n} on every engine (warm-ups, then the timed runs) and compares the answers. */
    Outcome run(int n) {
        String sql = TpchQueries.sql(n);
        List<TpchQueries.Run> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        TpchQueries.Run reference = null;
        Engine referenceEngine = null;
        for (Engine engine : options.engines()) {
            TpchQueries.Run run = QueryTimer.median(engine.isGlaux()
                    ? () -> timer.glaux(glaux, context(engine), sql, options.timeout())
                    : () -> timer.duckdb(duckDbs.get(engine), sql, options.timeout()),
                    options.warmups(), options.runs());
            runs.add(run);
            if (!run.succeeded()) {
                if (!run.timedOut()) {
                    problems.add(engine.label + " failed: " + run.failure());
                }
            } else if (reference == null) {
                reference = run;
                referenceEngine = engine;
            } else {
                try {
                    SideBySide.compare("Q" + n, referenceEngine.label, reference.rows(), engine.label, run.rows());
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new Outcome(n, List.copyOf(runs), problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** Glaux's plan of query {@code n} on a Glaux engine, as EXPLAIN gives it in that engine's database. */
    String explain(int n, Engine engine) throws IOException {
        return TpchQueries.explain(glaux, context(engine), n);
    }

    /** What the answers column says of an outcome. */
    static String answers(Outcome outcome) {
        if (!outcome.agrees()) {
            String problem = outcome.problem().replaceAll("\\s+", " ").replace("|", "\\|");
            return problem.length() > 200 ? problem.substring(0, 200) + "…" : problem;
        }
        List<TpchQueries.Run> answered = outcome.runs().stream().filter(TpchQueries.Run::succeeded).toList();
        if (answered.isEmpty()) {
            return "every engine timed out";
        }
        int rows = answered.get(0).rows().size();
        return (answered.size() == outcome.runs().size() ? "agree" : "the engines that answered agree") + " ("
                + rows + (rows == 1 ? " row)" : " rows)");
    }

    /** The heading, the table of times and ratios, and the SPICE import rates. */
    String report(List<Outcome> outcomes, double loadBefore, double loadAfter) {
        List<Engine> engines = options.engines();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nTPC-H scale %s (lineitem %,d rows);"
                + " median of %d runs after %d warm-up run%s, ms (× the DuckDB engine reading the same storage:"
                + " live Parquet ÷ DuckDB Parquet, live CSV ÷ DuckDB read_csv, SPICE ÷ DuckDB memory); timeout %d s"
                + " per run; %d thread%s per query for DuckDB and Glaux's vectorized operators; %d processors,"
                + " load average %.2f before and %.2f after; max heap %,d MB%n%n",
                options.scale(), rows.get("lineitem"), options.runs(), options.warmups(),
                options.warmups() == 1 ? "" : "s", options.timeoutSeconds(), options.threads(),
                options.threads() == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                Runtime.getRuntime().maxMemory() >> 20));
        TpchQueries.Run[][] runs = new TpchQueries.Run[outcomes.size()][];
        for (int q = 0; q < outcomes.size(); q++) {
            runs[q] = outcomes.get(q).runs().toArray(TpchQueries.Run[]::new);
        }
        out.append(TimesTable.markdown(outcomes.stream().map(o -> "Q" + o.query()).toList(), engines, runs,
                Engine::duckDbTwin, outcomes.stream().map(TpchSideBySide::answers).toList()));
        if (!imports.isEmpty()) {
            out.append("\nSPICE imports (each dataset SELECT * from its Parquet table, before the runs above):\n\n");
            out.append("| dataset | rows | import, s | rows/s |\n|---|---:|---:|---:|\n");
            long allRows = 0;
            double allSeconds = 0;
            for (SpiceImports.Imported imported : imports) {
                out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f |%n", imported.dataset(),
                        imported.rows(), imported.seconds(), imported.rowsPerSecond()));
                allRows += imported.rows();
                allSeconds += imported.seconds();
            }
            out.append(String.format(Locale.ROOT, "| all eight | %,d | %.2f | %,.0f |%n", allRows, allSeconds,
                    allRows / allSeconds));
        }
        return out.toString();
    }

    List<SpiceImports.Imported> imports() {
        return imports;
    }

    @Override
    public void close() throws IOException, SQLException {
        timer.close();
        try {
            for (Connection duck : duckDbs.values()) {
                duck.close();
            }
        } finally {
            glaux.close();
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (!Object.class.getModule().isOpen("java.nio", TpchSideBySide.class.getModule())) {
            throw new IllegalStateException("SPICE's Arrow vectors need --add-opens=java.base/java.nio=ALL-UNNAMED"
                    + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED on the java command line");
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path folder = Files.createTempDirectory("glaux-tpch-side-by-side");
        boolean allAgree = true;
        try (TpchSideBySide harness = open(folder, options)) {
            if (options.explain()) {
                for (int n : options.queries()) {
                    for (Engine engine : options.engines().stream().filter(Engine::isGlaux).toList()) {
                        System.out.printf(Locale.ROOT, "%nQ%d, %s's plan:%n%s", n, engine.label,
                                harness.explain(n, engine));
                    }
                }
                return;
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int n : options.queries()) {
                Outcome outcome = harness.run(n);
                outcomes.add(outcome);
                allAgree &= outcome.agrees();
                System.out.printf(Locale.ROOT, "Q%d: %s — %s%n", n, IntStream.range(0, options.engines().size())
                        .mapToObj(e -> options.engines().get(e).label + " "
                                + TimesTable.time(outcome.runs().get(e)))
                        .collect(Collectors.joining(", ")), outcome.agrees() ? answers(outcome) : outcome.problem());
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            System.out.print(harness.report(outcomes, loadBefore, loadAfter));
        } finally {
            SideBySide.deleteTree(folder);
        }
        if (!allAgree) {
            System.err.println("Some answers differ or some queries failed: see the answers column");
            System.exit(1);
        }
    }
}
