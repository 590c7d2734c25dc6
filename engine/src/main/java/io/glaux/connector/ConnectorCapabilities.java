package io.glaux.connector;

/**
 * What a connector does with a scan request beyond reading the projected columns.
 *
 * @param enforcesConstraint the rows it returns all satisfy the request's constraint (it filters exactly, not only
 *                           prunes); a limit or top-N is offered only to such connectors, since rows the engine
 *                           filters out afterwards would leave a limited answer short
 * @param limit              it stops after the request's limit
 * @param topN               it returns the first rows by the request's order when a limit comes with one
 */
public record ConnectorCapabilities(boolean enforcesConstraint, boolean limit, boolean topN) {

    /** Takes the projection and uses the constraint at most to prune; the engine does the rest. */
    public static final ConnectorCapabilities NONE = new ConnectorCapabilities(false, false, false);

    /** Filters, limits and orders in the source, as a database does. */
    public static final ConnectorCapabilities ALL = new ConnectorCapabilities(true, true, true);
}
