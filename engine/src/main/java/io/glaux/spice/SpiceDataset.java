package io.glaux.spice;

import io.glaux.catalog.Column;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A SPICE dataset: its definition and its current version. The version is swapped in one step when an ingestion
 * completes, so a scan sees either the old rows or the new ones, never a mix. A dataset restored from its file holds
 * no vectors until {@link SpiceService} loads them for the first reader. A deleted dataset has no data; its last
 * version is freed once the readers holding it finish.
 */
public final class SpiceDataset {

    private volatile SpiceDefinition definition;
    private List<Column> columns;
    private long rows;
    private SpiceVersion version;
    private boolean onDisk;
    private boolean deleted;
    /**
     * Its ingestions that have not ended yet (queued or running), in the order they run, so deleting the dataset can
     * cancel them and a queued one can tell which it waits for.
     */
    private final Queue<Ingestion> pending = new ConcurrentLinkedQueue<>();

    SpiceDataset(SpiceDefinition definition) {
        this.definition = definition;
        this.columns = List.of();
    }

    /** A dataset known from its file: columns and row count are known, vectors are loaded on first use. */
    static SpiceDataset persisted(SpiceFiles.Header header, SpiceDefinition definition) {
        SpiceDataset dataset = new SpiceDataset(definition);
        dataset.columns = header.columns();
        dataset.rows = header.rows();
        dataset.onDisk = true;
        return dataset;
    }

    public String name() {
        return definition.name();
    }

    public SpiceDefinition definition() {
        return definition;
    }

    /** Replaces the definition; the current version keeps serving until the next ingestion swaps in a new one. */
    void redefine(SpiceDefinition newDefinition) {
        this.definition = newDefinition;
    }

    /** The columns of the current version (empty before the first completed ingestion). */
    public synchronized List<Column> columns() {
        return columns;
    }

    /** Rows in the current version. */
    public synchronized long rows() {
        return rows;
    }

    /** Arrow memory held by the current version (0 before the first ingestion or while not loaded). */
    public synchronized long bytes() {
        return version == null ? 0 : version.bytes();
    }

    /** Whether a completed version exists (in memory or in its file). */
    public synchronized boolean hasData() {
        return version != null || onDisk;
    }

    /** Whether {@link SpiceService#deleteDataset} removed it. */
    public synchronized boolean isDeleted() {
        return deleted;
    }

    Queue<Ingestion> pending() {
        return pending;
    }

    synchronized boolean isLoaded() {
        return version != null;
    }

    /** The current in-memory version, retained for the caller, or null when there is none loaded. */
    synchronized SpiceVersion acquireLoaded() {
        if (version != null && version.retain()) {
            return version;
        }
        return null;
    }

    /** Installs a loaded or newly built version; returns whether the columns changed. */
    synchronized boolean install(SpiceVersion next) {
        boolean changed = !next.columns().equals(columns);
        SpiceVersion previous = version;
        version = next;
        columns = next.columns();
        rows = next.rows();
        onDisk = true;
        if (previous != null) {
            previous.release();
        }
        return changed;
    }

    /**
     * Marks the dataset deleted and drops its version (readers holding it finish first): it no longer has data and
     * nothing is installed into it any more.
     */
    synchronized void delete() {
        deleted = true;
        onDisk = false;
        columns = List.of();
        rows = 0;
        unload();
    }

    /** Drops the in-memory version (readers holding it finish first). */
    synchronized void unload() {
        if (version != null) {
            version.release();
            version = null;
        }
    }
}
