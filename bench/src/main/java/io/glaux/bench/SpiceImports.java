package io.glaux.bench;

import io.glaux.Glaux;
import io.glaux.spice.Ingestion;
import io.glaux.spice.IngestionStatus;
import io.glaux.spice.SpiceDataset;
import io.glaux.spice.SpiceDefinition;
import io.glaux.spice.SpiceService;
import io.glaux.sql.QueryContext;

import java.io.IOException;
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

    /** Defines dataset {@code dataset} as {@code sql} in {@code awsdatacatalog.<database>} and imports it once. */
    static Imported importQuery(Glaux glaux, String dataset, String database, String sql)
            throws IOException, InterruptedException {
        SpiceService spice = glaux.spice();
        spice.createDataset(new SpiceDefinition(dataset, sql,
                new QueryContext(QueryContext.DEFAULT_CATALOG, database)));
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
