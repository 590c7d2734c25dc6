package io.glaux.sql;

import io.glaux.Glaux;
import io.glaux.spice.SpiceDefinition;
import io.glaux.spice.SpiceScanOptions;
import io.glaux.sql.scan.ScanContext;
import io.glaux.storage.ObjectUpload;
import io.glaux.testing.GeneratedRows;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the cancellation checks cost: each query is compiled with and without them and both plans are drained on
 * one thread in alternating order, many times; it prints the medians and minimums of the thread's CPU time and
 * asserts nothing (a measurement, not a test):
 *
 * <pre>
 * mvn -o -q -pl engine test -Dtest=CancellationOverheadTest -Dglaux.measureCancellation=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * grep RESULT engine/target/surefire-reports/io.glaux.sql.CancellationOverheadTest-output.txt
 * </pre>
 */
@EnabledIfSystemProperty(named = "glaux.measureCancellation", matches = "true")
class CancellationOverheadTest {

    /** CPU time of the draining thread: less disturbed than wall time by whatever else runs on the machine. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 25;
    private static final int WARM_UP_ROUNDS = 5;

    @TempDir
    Path data;

    private static long drain(PreparedQuery query) {
        AtomicBoolean cancel = new AtomicBoolean();
        long rows = 0;
        try (Enumerator<Object[]> e = query.run(new ScanContext(cancel, Long.MAX_VALUE), cancel)) {
            while (e.moveNext()) {
                e.current();
                rows++;
            }
        }
        return rows;
    }

    @Test
    void measure() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).planCacheSize(0).syncWrites(false)
                .spiceScanOptions(SpiceScanOptions.defaults().withVectorized(false).withThreads(1)).build()) {
            glaux.store().createBucket("lake");
            try (ObjectUpload upload = glaux.store().startUpload("lake", "big/part-0.csv")) {
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(upload, StandardCharsets.UTF_8));
                for (int i = 0; i < 2_000_000; i++) {
                    out.write(i + "," + (i % 10) + ",s" + (i * 7919 % 100_003) + "\n");
                }
                out.flush();
                upload.commit();
            }
            glaux.execute("CREATE EXTERNAL TABLE big (id bigint, k int, s string) ROW FORMAT DELIMITED"
                    + " FIELDS TERMINATED BY ',' LOCATION 's3://lake/big/'");
            glaux.spice().createDataset(new SpiceDefinition("big", "SELECT * FROM big", QueryContext.DEFAULT));
            glaux.spice().createIngestion("big").await(5, TimeUnit.MINUTES);
            String[][] queries = {
                {"CSV scan, filter, aggregate (2M rows)", "SELECT count(*), sum(id), max(s) FROM big WHERE k <> 3"},
                {"SPICE row-by-row scan, group by (2M rows)",
                    "SELECT k, count(*), sum(id), max(s) FROM spice.default.big WHERE k <> 3 GROUP BY k"},
                {"SPICE hash join (2M x 2M rows)",
                    "SELECT count(*) FROM spice.default.big a JOIN spice.default.big b ON a.id = b.id WHERE a.k <> 3"},
                {"VALUES cross joins, group by (1M rows, no scan)",
                    GeneratedRows.numbers(6) + "SELECT k, count(*), sum(id) FROM n WHERE id % 3 <> 0 GROUP BY k"},
            };
            QueryPlanner planner = glaux.planner();
            for (String[] query : queries) {
                PreparedQuery[] plans = new PreparedQuery[2];
                for (int checks = 0; checks < 2; checks++) {
                    planner.cancellationChecks(checks == 1);
                    plans[checks] = planner.prepare(query[1], QueryContext.DEFAULT, List.of());
                }
                planner.cancellationChecks(true);
                List<List<Long>> millis = List.of(new ArrayList<>(), new ArrayList<>());
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < 2; i++) {
                        int checks = (i + round) % 2;
                        long start = THREADS.getCurrentThreadCpuTime();
                        drain(plans[checks]);
                        if (round >= WARM_UP_ROUNDS) {
                            millis.get(checks).add((THREADS.getCurrentThreadCpuTime() - start) / 1_000_000);
                        }
                    }
                }
                millis.forEach(Collections::sort);
                long withMedian = millis.get(1).get(millis.get(1).size() / 2);
                long withoutMedian = millis.get(0).get(millis.get(0).size() / 2);
                System.out.printf("RESULT %-48s CPU with checks: median %5d ms, min %5d ms | without: median %5d"
                                + " ms, min %5d ms | median %+.1f%%%n", query[0], withMedian, millis.get(1).get(0),
                        withoutMedian, millis.get(0).get(0), 100.0 * (withMedian - withoutMedian) / withoutMedian);
            }
        }
    }
}
