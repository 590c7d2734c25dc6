package io.glaux;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GROUP BY over one CSV object several times larger than the heap of the JVM that runs it: the scan streams, so
 * memory is bounded by the query's state (seven groups), not by the object.
 */
@Tag("large")
class LargeObjectScanTest {

    static final long TARGET_BYTES = 300L * 1024 * 1024;
    static final int CATEGORIES = 7;
    static final String CHILD_HEAP = "-Xmx64m";
    static final String PADDING = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod";

    @TempDir
    Path data;

    /** Per category: row count, sum of amounts, min and max id. */
    final long[] count = new long[CATEGORIES];
    final long[] sum = new long[CATEGORIES];
    final long[] minId = new long[CATEGORIES];
    final long[] maxId = new long[CATEGORIES];

    @Test
    void groupByOverAnObjectLargerThanTheHeap() throws Exception {
        Path object = data.resolve("lake/big/part-0.csv");
        long size = generate(object);
        assertThat(size).isGreaterThanOrEqualTo(TARGET_BYTES);

        Process child = new ProcessBuilder(javaExecutable(), CHILD_HEAP,
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                LargeScanMain.class.getName(), data.toString(),
                "CREATE EXTERNAL TABLE big (id bigint, category string, amount int, note string) "
                        + "ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/big/'",
                "SELECT category, count(*), sum(amount), min(id), max(id) FROM big "
                        + "GROUP BY category ORDER BY category")
                .redirectError(data.resolve("child.err").toFile())
                .redirectOutput(data.resolve("child.out").toFile())
                .start();
        boolean exited = child.waitFor(110, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        String err = Files.readString(data.resolve("child.err"));
        System.out.println(err);
        assertThat(exited).as("child finished in time").isTrue();
        assertThat(child.exitValue()).as(err).isZero();

        List<String> expected = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            expected.add("c" + c + "\t" + count[c] + "\t" + sum[c] + "\t" + minId[c] + "\t" + maxId[c]);
        }
        assertThat(Files.readAllLines(data.resolve("child.out"))).containsExactlyElementsOf(expected);
        assertThat(err).contains("scanned " + size + " bytes");
    }

    /** Streams rows {@code id,c<id%7>,<amount>,<padding>} until the object reaches its target size. */
    private long generate(Path object) throws IOException {
        Files.createDirectories(object.getParent());
        java.util.Arrays.fill(minId, Long.MAX_VALUE);
        long written = 0;
        byte[] padding = PADDING.getBytes(StandardCharsets.US_ASCII);
        StringBuilder line = new StringBuilder(128);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(object), 1 << 20)) {
            for (long id = 1; written < TARGET_BYTES; id++) {
                int category = (int) (id * 5 % CATEGORIES);
                long amount = id * 7919 % 1000;
                line.setLength(0);
                line.append(id).append(",c").append(category).append(',').append(amount).append(',');
                for (int i = 0; i < line.length(); i++) {
                    out.write(line.charAt(i));
                }
                out.write(padding, 0, (int) (id % padding.length));
                out.write('\n');
                written += line.length() + id % padding.length + 1;
                count[category]++;
                sum[category] += amount;
                minId[category] = Math.min(minId[category], id);
                maxId[category] = Math.max(maxId[category], id);
            }
        }
        assertThat(Files.size(object)).isEqualTo(written);
        return written;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
