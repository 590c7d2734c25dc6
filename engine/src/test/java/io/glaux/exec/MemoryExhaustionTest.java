package io.glaux.exec;

import io.glaux.Glaux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query that needs more memory than the heap has fails with Athena's "Query exhausted resources at this scale
 * factor", and the engine keeps answering: run in a JVM of its own with a small heap, so the test's JVM is never
 * at risk.
 */
class MemoryExhaustionTest {

    /** A grouping of 100 million keys: far more than a 256 MB heap holds. */
    static final String HUNGRY = "SELECT count(*) FROM (SELECT k, count(*) FROM UNNEST(sequence(1, 10000)) a(x)"
            + " CROSS JOIN UNNEST(sequence(1, 10000)) b(y) CROSS JOIN UNNEST(ARRAY[x * 10000 + y]) c(k) GROUP BY k)";

    @Test
    void aQueryThatOutgrowsTheHeapFailsWithAthenasErrorAndTheNextQueryRuns(@TempDir Path folder) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), HungryQuery.class.getName(),
                folder.toString()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        List<String> lines = new String(output, StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("RESULT ")).toList();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        assertThat(lines).containsExactly(
                "RESULT FAILED 1 1 Query exhausted resources at this scale factor",
                "RESULT SUCCEEDED");
    }

    /** Runs {@link #HUNGRY}, then a small query, on an engine with a 256 MB heap; prints how each ended. */
    public static final class HungryQuery {
        public static void main(String[] args) throws IOException {
            try (Glaux glaux = Glaux.builder().dataFolder(Path.of(args[0])).build()) {
                QueryExecution hungry = glaux.execute(QueryRequest.of(HUNGRY));
                System.out.println("RESULT " + hungry.state() + " " + (hungry.status().athenaError() == null ? ""
                        : hungry.status().athenaError().errorCategory() + " "
                        + hungry.status().athenaError().errorType() + " ") + hungry.status().stateChangeReason());
                QueryExecution small = glaux.execute(QueryRequest.of("SELECT count(*) FROM UNNEST(sequence(1, 100))"));
                System.out.println("RESULT " + small.state());
            }
        }
    }
}
