package io.glaux.quicksight.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;
import io.glaux.quicksight.analysis.Dashboard;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.render.VisualData;
import io.glaux.quicksight.render.VisualDataService;
import io.glaux.storage.NoSuchBucketException;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Dashboard snapshot jobs (StartDashboardSnapshotJob and its Describe operations): the CSV of each table or pivot
 * table visual selected, computed by {@link VisualDataService} on the dashboard's published version with the job's
 * Parameters, written through the engine's store. Jobs run in the background (QUEUED, RUNNING, then COMPLETED or
 * FAILED) and are kept across restarts; a job that was QUEUED or RUNNING when Glaux stopped is FAILED at the next
 * start. See {@code package-info.java} for the key layout and the rules.
 */
public final class SnapshotJobService implements AutoCloseable {

    /** Where a job without a DestinationConfiguration writes its files. */
    public static final String GLAUX_BUCKET = "glaux-quicksight-snapshots";
    /** QuickSight's limit: 5 CSVs from table or pivot table visuals per job. */
    public static final int MAX_CSV_FILES = 5;
    /** QuickSight's limit: 12 jobs running at once in an account. */
    public static final int MAX_RUNNING_JOBS = 12;
    /** A job id may be used again 24 hours after its job finished. */
    static final Duration ID_REUSE_AFTER = Duration.ofHours(24);

    private static final String RESOURCE_TYPE = null;
    private static final List<String> CSV_VISUALS = List.of("TableVisual", "PivotTableVisual");

    private final ResourceFiles<SnapshotJob> jobs;
    private final ObjectStore store;
    private final DashboardService dashboards;
    private final VisualDataService visuals;
    private final Clock clock;
    private final ExecutorService runner = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "glaux-snapshot-job");
        thread.setDaemon(true);
        return thread;
    });

    public SnapshotJobService(Path folder, ObjectStore store, DashboardService dashboards, VisualDataService visuals,
            Clock clock, boolean syncWrites) {
        this.jobs = new ResourceFiles<>(folder, SnapshotJob.class, SnapshotJob::key, syncWrites);
        this.store = store;
        this.dashboards = dashboards;
        this.visuals = visuals;
        this.clock = clock;
        for (SnapshotJob job : jobs.list()) {
            if (!job.status().isTerminal()) {
                jobs.save(job.with(SnapshotJobStatus.FAILED, clock.instant(), job.results(), new SnapshotError(
                        "INTERRUPTED", "Glaux stopped while the job was " + job.status() + "; start a new job.")));
            }
        }
    }

    /** Checks the request against QuickSight's rules and the dashboard, then queues the job. */
    public synchronized SnapshotJob start(SnapshotJobRequest request) {
        Dashboard dashboard = dashboards.get(request.dashboardId());
        if (request.anonymousUsers() == null) {
            throw QuickSightException.invalid("UserConfiguration is required: Glaux generates snapshots for one"
                    + " anonymous user (AnonymousUsers); it has no registered users.");
        }
        if (request.anonymousUsers() != 1) {
            throw QuickSightException.invalid("UserConfiguration.AnonymousUsers must hold exactly one user.");
        }
        if (!request.rowLevelPermissionTagKeys().isEmpty()) {
            throw QuickSightException.invalid("RowLevelPermissionTags are not supported: Glaux's datasets have no"
                    + " row-level security tags (RowLevelPermissionTagConfiguration).");
        }
        checkFiles(dashboard.published().definition(), request.files());
        String region = region(dashboard.arn());
        S3Destination destination = request.destination();
        if (destination != null && region != null && !region.equals(destination.bucketRegion())) {
            throw QuickSightException.invalid("The bucket must be in the region of the call (" + region + "), not "
                    + destination.bucketRegion() + ".");
        }
        String key = SnapshotJob.key(request.dashboardId(), request.snapshotJobId());
        Instant now = clock.instant();
        jobs.find(key).ifPresent(existing -> {
            if (!existing.status().isTerminal() || existing.lastUpdatedTime().plus(ID_REUSE_AFTER).isAfter(now)) {
                throw QuickSightException.exists(RESOURCE_TYPE, "Snapshot job " + request.snapshotJobId()
                        + " already exists for dashboard " + request.dashboardId() + "; a job id can be used again"
                        + " 24 hours after its job finished.");
            }
        });
        long running = jobs.list().stream().filter(j -> !j.status().isTerminal()).count();
        if (running >= MAX_RUNNING_JOBS) {
            throw new QuickSightException(QuickSightException.Kind.LIMIT_EXCEEDED, RESOURCE_TYPE, "There are already "
                    + running + " snapshot jobs queued or running; wait for one to finish.");
        }
        SnapshotJob job = new SnapshotJob(request.dashboardId(), request.snapshotJobId(),
                dashboard.arn() + "/snapshot-job/" + request.snapshotJobId(), SnapshotJobStatus.QUEUED, now, now,
                request.files(), destination, request.parameters(), request.rowLevelPermissionTagKeys(),
                request.configuration(), List.of(), null);
        jobs.save(job);
        runner.execute(() -> run(key));
        return job;
    }

    /** A job of the dashboard (an unknown dashboard or job is ResourceNotFoundException). */
    public SnapshotJob get(String dashboardId, String snapshotJobId) {
        dashboards.get(dashboardId);
        return jobs.find(SnapshotJob.key(dashboardId, snapshotJobId)).orElseThrow(() -> QuickSightException.notFound(
                RESOURCE_TYPE, "Snapshot job " + snapshotJobId + " does not exist for dashboard " + dashboardId
                        + "."));
    }

    /** A finished job, for DescribeDashboardSnapshotJobResult (a job still running is PreconditionNotMet). */
    public SnapshotJob result(String dashboardId, String snapshotJobId) {
        SnapshotJob job = get(dashboardId, snapshotJobId);
        if (!job.status().isTerminal()) {
            throw new QuickSightException(QuickSightException.Kind.PRECONDITION_NOT_MET, RESOURCE_TYPE,
                    "Dashboard Snapshot Job with id " + snapshotJobId + " has not reached a terminal state.");
        }
        return job;
    }

    /** FileGroups' rules: CSV only, each sheet selection one table or pivot table visual, 5 CSVs at most. */
    private static void checkFiles(JsonNode definition, List<SnapshotFile> files) {
        int csvFiles = 0;
        for (SnapshotFile file : files) {
            if (!file.formatType().equals("CSV")) {
                throw QuickSightException.invalid("FormatType " + file.formatType() + " is not produced by Glaux:"
                        + " it generates CSV snapshots of table and pivot table visuals only.");
            }
            for (SnapshotFile.SheetSelection selection : file.sheetSelections()) {
                if (!selection.selectionScope().equals("SELECTED_VISUALS")) {
                    throw QuickSightException.invalid("A CSV snapshot takes SelectionScope SELECTED_VISUALS with"
                            + " the visual to export, not " + selection.selectionScope() + ".");
                }
                if (selection.visualIds().size() != 1) {
                    throw QuickSightException.invalid("A CSV sheet selection takes exactly one visual id (it has "
                            + selection.visualIds().size() + ").");
                }
                String visualId = selection.visualIds().get(0);
                String kind = visualKind(definition, selection.sheetId(), visualId);
                if (!CSV_VISUALS.contains(kind)) {
                    throw QuickSightException.invalid("Visual " + visualId + " is a " + kind + ": CSV snapshots are"
                            + " generated for table and pivot table visuals only.");
                }
                csvFiles++;
            }
        }
        if (csvFiles > MAX_CSV_FILES) {
            throw QuickSightException.invalid("A snapshot job generates at most " + MAX_CSV_FILES + " CSVs from"
                    + " table or pivot table visuals; this one selects " + csvFiles + ".");
        }
    }

    /** The kind of a visual (TableVisual, BarChartVisual, ...) on a sheet; an unknown sheet or visual is refused. */
    private static String visualKind(JsonNode definition, String sheetId, String visualId) {
        JsonNode sheet = sheet(definition, sheetId);
        for (JsonNode visual : sheet.path("Visuals")) {
            var fields = visual.fields();
            if (fields.hasNext()) {
                var entry = fields.next();
                if (visualId.equals(entry.getValue().path("VisualId").asText())) {
                    return entry.getKey();
                }
            }
        }
        throw QuickSightException.invalid("Sheet " + sheetId + " of the dashboard has no visual " + visualId + ".");
    }

    private static JsonNode sheet(JsonNode definition, String sheetId) {
        for (JsonNode sheet : definition.path("Sheets")) {
            if (sheetId.equals(sheet.path("SheetId").asText())) {
                return sheet;
            }
        }
        throw QuickSightException.invalid("The dashboard has no sheet " + sheetId + ".");
    }

    private static JsonNode visualBody(JsonNode definition, String sheetId, String visualId) {
        for (JsonNode visual : sheet(definition, sheetId).path("Visuals")) {
            JsonNode body = visual.elements().hasNext() ? visual.elements().next() : null;
            if (body != null && visualId.equals(body.path("VisualId").asText())) {
                return body;
            }
        }
        throw QuickSightException.invalid("Sheet " + sheetId + " of the dashboard has no visual " + visualId + ".");
    }

    /** The region of an ARN ({@code arn:aws:quicksight:<region>:...}), or null. */
    private static String region(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length > 3 ? parts[3] : null;
    }

    private void run(String key) {
        SnapshotJob job = jobs.find(key).orElse(null);
        if (job == null) {
            return;
        }
        job = job.with(SnapshotJobStatus.RUNNING, clock.instant(), List.of(), null);
        jobs.save(job);
        List<List<SnapshotJob.S3Result>> results = new ArrayList<>();
        SnapshotError failure = null;
        try {
            JsonNode definition = dashboards.get(job.dashboardId()).published().definition();
            for (SnapshotFile file : job.files()) {
                List<SnapshotJob.S3Result> group = new ArrayList<>();
                for (SnapshotFile.SheetSelection selection : file.sheetSelections()) {
                    SnapshotJob.S3Result result = writeCsv(job, definition, selection);
                    if (failure == null && !result.errors().isEmpty()) {
                        failure = result.errors().get(0);
                    }
                    group.add(result);
                }
                results.add(group);
            }
        } catch (RuntimeException e) {
            failure = new SnapshotError(errorType(e), String.valueOf(e.getMessage()));
        }
        SnapshotJobStatus end = failure == null ? SnapshotJobStatus.COMPLETED : SnapshotJobStatus.FAILED;
        jobs.save(job.with(end, clock.instant(), results, failure));
    }

    /** One visual's CSV, written to its key; a failure is kept in the result, not thrown. */
    private SnapshotJob.S3Result writeCsv(SnapshotJob job, JsonNode definition,
            SnapshotFile.SheetSelection selection) {
        String visualId = selection.visualIds().get(0);
        S3Destination destination = job.destination();
        String bucket = destination == null ? GLAUX_BUCKET : destination.bucketName();
        String key = objectKey(destination == null ? null : destination.bucketPrefix(), job.dashboardId(),
                job.snapshotJobId(), selection.sheetId(), visualId);
        try {
            VisualData data = visuals.dashboardVisual(job.dashboardId(), null, visualId, job.parameters(),
                    List.of());
            byte[] csv = SnapshotCsv.write(visualBody(definition, selection.sheetId(), visualId), data);
            if (destination == null) {
                store.createBucket(GLAUX_BUCKET);
            }
            try (ObjectUpload upload = store.startUpload(bucket, key, ObjectMetadata.ofContentType("text/csv"))) {
                upload.write(csv);
                upload.commit();
            }
            return new SnapshotJob.S3Result(destination, "s3://" + bucket + "/" + key, List.of());
        } catch (NoSuchBucketException e) {
            return new SnapshotJob.S3Result(destination, null, List.of(new SnapshotError("S3_BUCKET_NOT_FOUND",
                    "The destination bucket " + bucket + " does not exist.")));
        } catch (IOException e) {
            return new SnapshotJob.S3Result(destination, null, List.of(new SnapshotError("S3_WRITE_FAILED",
                    "The CSV of visual " + visualId + " could not be written to s3://" + bucket + "/" + key + ": "
                            + e.getMessage())));
        } catch (RuntimeException e) {
            return new SnapshotJob.S3Result(destination, null, List.of(new SnapshotError(errorType(e),
                    "Visual " + visualId + ": " + e.getMessage())));
        }
    }

    /**
     * The key of a visual's CSV: {@code <BucketPrefix>/<DashboardId>/<SnapshotJobId>/<SheetId>/<VisualId>.csv}
     * (the prefix without leading or trailing slashes; no prefix in Glaux's own bucket).
     */
    static String objectKey(String prefix, String dashboardId, String jobId, String sheetId, String visualId) {
        String trimmed = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        return (trimmed.isEmpty() ? "" : trimmed + "/") + dashboardId + "/" + jobId + "/" + sheetId + "/" + visualId
                + ".csv";
    }

    private static String errorType(RuntimeException e) {
        if (e instanceof QuickSightException q) {
            return switch (q.kind()) {
                case QUERY_FAILED, QUERY_TIMEOUT -> q.kind().name();
                case PRECONDITION_NOT_MET -> "PRECONDITION_NOT_MET";
                case NOT_FOUND -> "RESOURCE_NOT_FOUND";
                default -> "INVALID_PARAMETER_VALUE";
            };
        }
        return "INTERNAL_FAILURE";
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
