package io.glaux.spice;

/**
 * Told of every change of an ingestion's status: QUEUED when it is created, RUNNING when it starts, and its end
 * (COMPLETED, FAILED or CANCELLED). Called on the thread that changed the status; it must return at once and what it
 * throws is logged and ignored.
 */
@FunctionalInterface
public interface IngestionListener {

    /**
     * @param previous the status before ({@link IngestionStatus#INITIALIZED} for a new ingestion)
     * @param ingestion the ingestion, already in its new status
     */
    void statusChanged(IngestionStatus previous, Ingestion ingestion);
}
