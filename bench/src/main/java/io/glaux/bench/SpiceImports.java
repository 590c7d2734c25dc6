package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.spice.Ingestion;
import io.glaux.spice.IngestionStatus;
import io.glaux.spice.SpiceDataset;
import io.glaux.spice.SpiceDefinition;
import io.glaux.spice.SpiceService;
import io.glaux.sql.QueryContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Imports a catalog table into a SPICE dataset and reports what it costs in time, memory and file size. */
final class SpiceImports {

    /** What one import took and holds. */
    record Imported(String dataset, long rows, double seconds, long arrowBytes, long fileBytes) {

        double rowsPerSecond() {
            return rows / seconds;
        }

        /** Arrow memory over the IPC file's size. */
        double memoryPerFileByte() {
            return (double) arrowBytes / fileBytes;
        }
    }

    private SpiceImports() {
    }

    /**
     * Defines dataset {@code dataset} as {@code SELECT * FROM <table>} in {@code awsdatacatalog.<database>}, runs its
     * first ingestion and waits for it; fails unless it COMPLETED.
     */
    static Imported importTable(Glaux glaux, String dataset, String database, String table)
            throws IOException, InterruptedException {
        return importQuery(glaux, dataset, database, "SELECT * FROM " + table);
    }

    /**
     * What importing a dataset over an Athena data source took: the whole ingestion, and the part after its Athena
     * query completed (reading the result object into the dataset and saving it, as an import from a table does).
     */
    record AthenaImported(Imported imported, double importSeconds, double importCpuSeconds) {
    }

    /**
     * The CPU time so far of the whole process: an import's own thread, the workers that read parts of its table for
     * it, the collector and the compilers. On a process that does nothing else, its change over an import is what
     * the import cost.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The CPU time so far of SPICE's ingestion threads (the import runs on one, which waits idle for the query). */
    static long ingestionCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("glaux-spice-ingestion")) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos;
    }

    /**
     * Defines dataset {@code dataset} as {@code sql} in {@code awsdatacatalog.<database>} over Athena workgroup
     * {@code workgroup} (its ingestion runs the query there and imports its result object) and imports it once.
     */
    static AthenaImported importThroughAthena(Glaux glaux, String dataset, String database, String sql,
                                              String workgroup) throws IOException, InterruptedException {
        long cpuBefore = ingestionCpuNanos();
        Imported imported = importDefinition(glaux, new SpiceDefinition(dataset, sql,
                new QueryContext(QueryContext.DEFAULT_CATALOG, database)).withWorkgroup(workgroup));
        long ended = System.currentTimeMillis();
        long cpu = ingestionCpuNanos() - cpuBefore;
        String queryId = glaux.spice().ingestions(dataset).get(0).queryExecutionId();
        Instant completed = glaux.queries().get(queryId).orElseThrow().status().completionDateTime();
        return new AthenaImported(imported, (ended - completed.toEpochMilli()) / 1e3, cpu / 1e9);
    }

    /** Defines dataset {@code dataset} as {@code sql} in {@code awsdatacatalog.<database>} and imports it once. */
    static Imported importQuery(Glaux glaux, String dataset, String database, String sql)
            throws IOException, InterruptedException {
        return importDefinition(glaux, new SpiceDefinition(dataset, sql,
                new QueryContext(QueryContext.DEFAULT_CATALOG, database)));
    }

    private static Imported importDefinition(Glaux glaux, SpiceDefinition definition)
            throws IOException, InterruptedException {
        SpiceService spice = glaux.spice();
        String dataset = definition.name();
        spice.createDataset(definition);
        long started = System.nanoTime();
        Ingestion ingestion = spice.createIngestion(dataset);
        if (!ingestion.await(60, TimeUnit.MINUTES)) {
            ingestion.cancel();
            throw new IllegalStateException("SPICE ingestion of " + dataset + " did not finish within an hour");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (ingestion.status() != IngestionStatus.COMPLETED) {
            throw new IllegalStateException("SPICE ingestion of " + dataset + " ended " + ingestion.status() + ": "
                    + ingestion.errorInfo());
        }
        SpiceDataset imported = spice.dataset(dataset).orElseThrow();
        return new Imported(dataset, imported.rows(), seconds, imported.bytes(), spice.fileBytes(dataset));
    }
}
