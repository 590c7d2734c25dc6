package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.spice.SpiceScanOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Queries over a SPICE dataset: TPC-H {@code lineitem} generated at {@link #scale} (written as Parquet, registered,
 * imported into SPICE dataset {@code lineitem} once per trial) and queried as {@code spice.default.lineitem} through
 * {@link Glaux#execute(QueryRequest)}, the engine's SQL entry point, so whichever physical plan the engine picks for
 * SPICE (row by row, or its vectorized operators) is what is measured. Each invocation is a whole query: planning
 * (a cached plan after the first), the scan, and writing the small result object (1 to 10 rows), as SideBySide
 * times it.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SpiceScan                       # defaults: scale 0.1, 1 thread, vectorized
 * java -jar bench/target/benchmarks.jar SpiceScan -p threads=1,2 -p vectorized=true,false
 * </pre>
 *
 * The fork's {@code -Xmx6g} gives SPICE a capacity of 3 GB (half the heap), room for lineitem up to about scale 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-Darrow.enable_unsafe_memory_access=true",
        "-Darrow.enable_null_check_for_get=false"})
public class SpiceScanBenchmark {

    /** TPC-H scale factor of the generated lineitem (0.1 is about 600,000 rows). */
    @Param("0.1")
    public double scale;

    /** Threads per SPICE scan ({@link SpiceScanOptions#withThreads}). */
    @Param("1")
    public int threads;

    /** Whether the engine may use its vectorized SPICE operators ({@link SpiceScanOptions#withVectorized}). */
    @Param("true")
    public boolean vectorized;

    /** The side-by-side harness's TPC-H Q6 and Q1, over the SPICE dataset. */
    static final String Q6 = SideBySide.QUERIES.get("TPC-H Q6").replace("${lineitem}", "spice.default.lineitem");
    static final String Q1 = SideBySide.QUERIES.get("TPC-H Q1").replace("${lineitem}", "spice.default.lineitem");

    static final String TOP_N = """
            SELECT l_orderkey, l_linenumber, l_shipdate, l_extendedprice
            FROM spice.default.lineitem
            WHERE l_shipmode = 'AIR' AND l_shipdate >= DATE '1995-01-01'
            ORDER BY l_extendedprice DESC
            LIMIT 10""";

    private Path folder;
    private Glaux glaux;

    @Setup(Level.Trial)
    public void importDataset() throws IOException, InterruptedException {
        folder = Files.createTempDirectory("glaux-spice-bench");
        glaux = Glaux.builder().dataFolder(folder).syncWrites(false)
                .spiceScanOptions(SpiceScanOptions.defaults().withThreads(threads).withVectorized(vectorized))
                .build();
        glaux.store().createBucket("tpch");
        TpchTables.write(TpchTables.Table.LINEITEM, scale, folder.resolve("tpch"), false);
        TpchTables.register(glaux, TpchTables.Table.LINEITEM, "tpch", "tpch", false);
        SpiceImports.Imported imported = SpiceImports.importTable(glaux, "lineitem", "tpch", "lineitem_parquet");
        System.out.printf(java.util.Locale.ROOT, "%nSPICE lineitem: %,d rows imported in %.1f s, %,d bytes of Arrow"
                + " memory, IPC file %,d bytes%n", imported.rows(), imported.seconds(), imported.arrowBytes(),
                imported.fileBytes());
        glaux.warmUp();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        glaux.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** TPC-H Q6: a filtered sum over four columns. */
    @Benchmark
    public QueryExecution filteredSum() {
        return run(Q6);
    }

    /** TPC-H Q1: group by two dictionary-encoded columns, sums and averages over decimals. */
    @Benchmark
    public QueryExecution groupedAggregate() {
        return run(Q1);
    }

    /** The ten highest prices among filtered rows. */
    @Benchmark
    public QueryExecution topN() {
        return run(TOP_N);
    }

    private QueryExecution run(String sql) {
        QueryExecution done = glaux.execute(QueryRequest.of(sql));
        if (done.state() != QueryState.SUCCEEDED) {
            throw new IllegalStateException(done.state() + ": " + done.status().stateChangeReason());
        }
        return done;
    }
}
