package io.glaux.spice;

import io.glaux.catalog.Column;

import java.util.List;

/**
 * A SPICE dataset: its definition and its current version. The version is swapped in one step when an ingestion
 * completes, so a scan sees either the old rows or the new ones, never a mix. A dataset restored from its file holds
 * no vectors until {@link SpiceService} loads them for the first reader.
 */
public final class SpiceDataset {

    private final SpiceDefinition definition;
    private List<Column> columns;
    private long rows;
    private SpiceVersion version;
    private boolean onDisk;

    SpiceDataset(SpiceDefinition definition) {
        this.definition = definition;
        this.columns = List.of();
    }

    /** A dataset known from its file: columns and row count are known, vectors are loaded on first use. */
    static SpiceDataset persisted(SpiceFiles.Header header) {
        SpiceDataset dataset = new SpiceDataset(header.definition());
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

    /** Drops the in-memory version (readers holding it finish first). */
    synchronized void unload() {
        if (version != null) {
            version.release();
            version = null;
        }
    }
}
