package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.sql.QueryContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 22 TPC-H queries (resources {@code tpch/q01.sql} ... {@code q22.sql}, the specification's query definitions
 * with its validation parameters, in text both Glaux and DuckDB accept) over the eight tables generated once by
 * {@link TpchTables}: Glaux reads them as {@code tpch.<table>} over the Parquet objects, DuckDB as views of
 * {@code read_parquet} over the same files. Each query runs once on each engine with a timeout, and the answers are
 * compared with {@link SideBySide#compare}.
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *      -cp bench/target/benchmarks.jar io.glaux.bench.TpchQueries [--scale 0.01] [--timeout-seconds 60] \
 *      [--athena-api true] [--explain N]...
 * </pre>
 *
 * prints, per query, Glaux's and DuckDB's time (one run each, after Glaux's warm-up) and whether they agree; with
 * {@code --athena-api true} Glaux's queries go through the Athena API (AWS SDK client, Glaux server on loopback);
 * with {@code --explain N} it prints Glaux's plan of query N instead.
 */
public final class TpchQueries implements AutoCloseable {

    /** The number of TPC-H queries. */
    static final int COUNT = 22;

    /** The Glaux bucket, and database, that hold the tables. */
    static final String BUCKET = "tpch";
    static final String DATABASE = "tpch";

    private static final QueryContext CONTEXT = new QueryContext(QueryContext.DEFAULT_CATALOG, DATABASE);

    /** How a query went on one engine: its rows, or why there are none, and how long it took. */
    record Run(List<List<String>> rows, String failure, boolean timedOut, double millis) {

        boolean succeeded() {
            return failure == null;
        }
    }

    /** How a query went on both engines, and whether their answers agree ({@code difference} null). */
    record Outcome(int query, Run glaux, Run duckdb, String difference) {

        boolean agrees() {
            return difference == null;
        }
    }

    private final Glaux glaux;
    private final AthenaApiQueries athenaApi;
    private final Connection duck;
    private final QueryTimer timer = new QueryTimer();

    private TpchQueries(Glaux glaux, AthenaApiQueries athenaApi, Connection duck) {
        this.glaux = glaux;
        this.athenaApi = athenaApi;
        this.duck = duck;
    }

    /**
     * Generates the eight tables at {@code scale} into {@code folder} (Glaux's data folder), registers them in Glaux
     * and in a new in-process DuckDB, and warms Glaux up. With {@code athenaApi}, Glaux's queries go through the
     * Athena API of a Glaux server on a loopback port ({@link AthenaApiQueries}); else straight to the engine.
     */
    static TpchQueries open(Path folder, double scale, boolean athenaApi) throws IOException, SQLException {
        Glaux glaux = Glaux.builder().dataFolder(folder).syncWrites(false).build();
        Connection duck = null;
        AthenaApiQueries api = null;
        try {
            glaux.store().createBucket(BUCKET);
            TpchTables.ddl(glaux, "CREATE DATABASE IF NOT EXISTS " + DATABASE);
            Path bucketFolder = folder.resolve(BUCKET);
            duck = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = duck.createStatement()) {
                for (TpchTables.Table table : TpchTables.Table.values()) {
                    TpchTables.write(table, scale, bucketFolder, false);
                    TpchTables.registerParquet(glaux, table, BUCKET, DATABASE + "." + table.tableName);
                    statement.execute("CREATE VIEW " + table.tableName + " AS SELECT * FROM read_parquet('"
                            + table.parquetFile(bucketFolder).toAbsolutePath().toString().replace("'", "''")
                            + "')");
                }
            }
            glaux.warmUp();
            if (athenaApi) {
                api = new AthenaApiQueries(glaux, DATABASE);
            }
            return new TpchQueries(glaux, api, duck);
        } catch (IOException | SQLException | RuntimeException e) {
            if (api != null) {
                api.close();
            }
            if (duck != null) {
                duck.close();
            }
            glaux.close();
            throw e;
        }
    }

    /** Query {@code n}'s text (1 to {@value #COUNT}). */
    static String sql(int n) {
        String name = String.format(Locale.ROOT, "tpch/q%02d.sql", n);
        try (InputStream in = TpchQueries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No TPC-H query " + n + " (" + name + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs query {@code n} on Glaux, then on DuckDB, each stopped after {@code timeout}, and compares them. */
    Outcome run(int n, Duration timeout) {
        String sql = sql(n);
        Run onGlaux = athenaApi != null ? athenaApi.run(sql, timeout) : timer.glaux(glaux, CONTEXT, sql, timeout);
        Run onDuckDb = timer.duckdb(duck, sql, timeout);
        String difference;
        if (!onGlaux.succeeded() || !onDuckDb.succeeded()) {
            difference = "Glaux " + (onGlaux.succeeded() ? "answered" : onGlaux.failure()) + "; DuckDB "
                    + (onDuckDb.succeeded() ? "answered" : onDuckDb.failure());
        } else {
            try {
                SideBySide.compare("Q" + n, "Glaux", onGlaux.rows(), "DuckDB", onDuckDb.rows());
                difference = null;
            } catch (AssertionError e) {
                difference = e.getMessage();
            }
        }
        return new Outcome(n, onGlaux, onDuckDb, difference);
    }

    /** Glaux's EXPLAIN of query {@code n}: the optimized plan it runs, one line per operator. */
    String explain(int n) throws IOException {
        return explain(glaux, CONTEXT, n);
    }

    /** Glaux's EXPLAIN of query {@code n} run in {@code context}: the optimized plan, one line per operator. */
    static String explain(Glaux glaux, QueryContext context, int n) throws IOException {
        QueryExecution done = glaux.execute(QueryRequest.of("EXPLAIN " + sql(n)).withContext(context));
        if (done.state() != QueryState.SUCCEEDED) {
            throw new IllegalStateException("EXPLAIN Q" + n + ": " + done.status().stateChangeReason());
        }
        StringBuilder plan = new StringBuilder();
        for (List<String> row : glaux.results(done.queryExecutionId()).rows()) {
            plan.append(String.join(" ", row)).append('\n');
        }
        return plan.toString();
    }

    @Override
    public void close() throws IOException, SQLException {
        timer.close();
        try {
            if (athenaApi != null) {
                athenaApi.close();
            }
            duck.close();
        } finally {
            glaux.close();
        }
    }

    public static void main(String[] args) throws Exception {
        double scale = 0.01;
        long timeoutSeconds = 60;
        boolean athenaApi = false;
        List<Integer> explain = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[i + 1]);
                case "--timeout-seconds" -> timeoutSeconds = Long.parseLong(args[i + 1]);
                case "--explain" -> explain.add(Integer.parseInt(args[i + 1]));
                case "--athena-api" -> athenaApi = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (expected --scale, --timeout-seconds, --athena-api, --explain)");
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(args[args.length - 1] + " needs a value");
        }
        Path folder = Files.createTempDirectory("glaux-tpch");
        try {
            long started = System.nanoTime();
            try (TpchQueries queries = open(folder, scale, athenaApi)) {
                System.out.printf(Locale.ROOT, "TPC-H scale %s generated and registered in %.1f s; %d processors%n%n",
                        scale, QueryTimer.millis(started) / 1000, Runtime.getRuntime().availableProcessors());
                for (int n : explain) {
                    System.out.printf(Locale.ROOT, "Q%d, Glaux's plan:%n%s%n", n, queries.explain(n));
                }
                if (!explain.isEmpty()) {
                    return;
                }
                System.out.println("| query | Glaux, ms | DuckDB, ms | answers |");
                System.out.println("|---|---:|---:|---|");
                for (int n = 1; n <= COUNT; n++) {
                    Outcome outcome = queries.run(n, Duration.ofSeconds(timeoutSeconds));
                    System.out.printf(Locale.ROOT, "| Q%d | %s | %s | %s |%n", n, time(outcome.glaux()),
                            time(outcome.duckdb()), outcome.agrees()
                                    ? "agree (" + outcome.glaux().rows().size() + " rows)"
                                    : outcome.difference().replace('\n', ' '));
                }
            }
        } finally {
            SideBySide.deleteTree(folder);
        }
    }

    private static String time(Run run) {
        return run.timedOut() ? "> " + Math.round(run.millis()) : String.format(Locale.ROOT, "%.0f", run.millis());
    }
}
