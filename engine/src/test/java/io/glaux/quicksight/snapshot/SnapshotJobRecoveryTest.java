package io.glaux.quicksight.snapshot;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.glaux.quicksight.ResourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs kept across a restart: one interrupted while QUEUED or RUNNING is FAILED, a finished one is untouched. */
class SnapshotJobRecoveryTest {

    private static final Instant STARTED = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void anInterruptedJobIsFailedAtTheNextStart(@TempDir Path folder) {
        ResourceFiles<SnapshotJob> before = new ResourceFiles<>(folder, SnapshotJob.class, SnapshotJob::key, false);
        before.save(job("running", SnapshotJobStatus.RUNNING));
        before.save(job("queued", SnapshotJobStatus.QUEUED));
        before.save(job("done", SnapshotJobStatus.COMPLETED));

        Clock later = Clock.fixed(STARTED.plusSeconds(60), ZoneOffset.UTC);
        new SnapshotJobService(folder, null, null, null, later, false).close();

        ResourceFiles<SnapshotJob> after = new ResourceFiles<>(folder, SnapshotJob.class, SnapshotJob::key, false);
        for (String id : List.of("running", "queued")) {
            SnapshotJob job = after.find(SnapshotJob.key("shop", id)).orElseThrow();
            assertThat(job.status()).as(id).isEqualTo(SnapshotJobStatus.FAILED);
            assertThat(job.errorInfo().type()).isEqualTo("INTERRUPTED");
            assertThat(job.lastUpdatedTime()).isEqualTo(later.instant());
            assertThat(job.files()).isEqualTo(job("x", SnapshotJobStatus.QUEUED).files());
        }
        SnapshotJob done = after.find(SnapshotJob.key("shop", "done")).orElseThrow();
        assertThat(done).isEqualTo(job("done", SnapshotJobStatus.COMPLETED));
    }

    @Test
    void objectKeysFollowTheDocumentedLayout() {
        assertThat(SnapshotJobService.objectKey("/reports/daily/", "shop", "job-1", "overview", "table"))
                .isEqualTo("reports/daily/shop/job-1/overview/table.csv");
        assertThat(SnapshotJobService.objectKey(null, "shop", "job-1", "overview", "table"))
                .isEqualTo("shop/job-1/overview/table.csv");
    }

    private static SnapshotJob job(String id, SnapshotJobStatus status) {
        SnapshotFile file = new SnapshotFile("CSV", List.of(new SnapshotFile.SheetSelection("overview",
                "SELECTED_VISUALS", List.of("table"))));
        List<List<SnapshotJob.S3Result>> results = status == SnapshotJobStatus.COMPLETED
                ? List.of(List.of(new SnapshotJob.S3Result(null, "s3://glaux-quicksight-snapshots/shop/" + id
                        + "/overview/table.csv", List.of())))
                : List.of();
        return new SnapshotJob("shop", id, "arn:aws:quicksight:us-east-1:000000000000:dashboard/shop/snapshot-job/"
                + id, status, STARTED, STARTED, List.of(file), null, Map.of("Channel", List.of("web")), List.of(),
                JsonNodeFactory.instance.objectNode().put("Parameters", "kept"), results, null);
    }
}
