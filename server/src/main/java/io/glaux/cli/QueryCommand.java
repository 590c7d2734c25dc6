package io.glaux.cli;

import io.glaux.Glaux;
import io.glaux.QueryResults;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.sql.QueryContext;
import io.glaux.sql.parse.StatementSplitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code glaux query "SQL"}: runs statements through the Athena query path and prints their results. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run Athena SQL statements (separated by ';', or read from stdin with '-') and print results.")
final class QueryCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = {"-d", "--database"}, defaultValue = "default", description = "Current database.")
    String database;

    @Option(names = {"-w", "--workgroup"}, defaultValue = "primary", description = "Workgroup.")
    String workgroup;

    @Option(names = "--output-location", description = "Result location (s3://bucket/prefix/).")
    String outputLocation;

    @Parameters(arity = "1", paramLabel = "SQL", description = "The statements, or '-' to read them from stdin.")
    String sql;

    @Override
    public Integer call() throws Exception {
        String text = sql.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : sql;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int exit = 0;
        try (Glaux glaux = store.open()) {
            // Ctrl-C or SIGTERM cancels the running statement and records it in the history before the JVM exits.
            Thread stop = new Thread(() -> {
                try {
                    glaux.close();
                } catch (Exception e) {
                    System.err.println("Error while stopping: " + e.getMessage());
                }
            }, "glaux-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                exit = run(glaux, text, out);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException e) {
                    // Already stopping: the hook is running or has run.
                }
            }
        }
        return exit;
    }

    private int run(Glaux glaux, String text, PrintStream out) throws java.io.IOException {
        for (String statement : StatementSplitter.split(text)) {
            QueryRequest request = QueryRequest.of(statement)
                    .withContext(new QueryContext(QueryContext.DEFAULT_CATALOG, database))
                    .withWorkgroup(workgroup).withOutputLocation(outputLocation);
            QueryExecution done = glaux.execute(request);
            if (done.state() == QueryState.SUCCEEDED) {
                QueryResults results = glaux.results(done.queryExecutionId());
                out.print(TablePrinter.render(results));
            }
            out.println(Summary.of(done));
            if (done.state() != QueryState.SUCCEEDED) {
                return 1;
            }
        }
        return 0;
    }

    /** One line about a finished query: state, time, bytes scanned, result object, or the error. */
    static final class Summary {
        static String of(QueryExecution done) {
            var stats = done.statistics();
            if (done.state() != QueryState.SUCCEEDED) {
                return done.state() + ": " + done.status().stateChangeReason();
            }
            return String.format("%s in %d ms, %s scanned, result %s (query %s)", done.state(),
                    stats.totalExecutionTimeInMillis(), bytes(stats.dataScannedInBytes()), done.outputLocation(),
                    done.queryExecutionId());
        }

        private static String bytes(long n) {
            return n < 1024 ? n + " B" : n < 1 << 20 ? String.format("%.1f KB", n / 1024.0)
                    : String.format("%.1f MB", n / 1048576.0);
        }
    }

}
