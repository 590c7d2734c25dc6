package io.glaux.connectors.federation;

import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorMetadata;
import io.glaux.connector.ConnectorScanner;

import java.util.Objects;

/**
 * A LAMBDA data catalog served by Athena Query Federation SDK functions: Glaux plays Athena, the caller. Metadata
 * requests go to the metadata function, ReadRecordsRequests to the record function (the same one for a composite
 * handler); each is pinged once for the serde version it speaks. Spilled results are read through {@link
 * SpilledObjects}. Closing the connector releases its Arrow memory (once readers still open are closed); the
 * functions belong to whoever made them.
 */
public final class FederationConnector implements Connector {

    private final ArrowMemory memory = new ArrowMemory();
    private final FunctionClient metadataFunction;
    private final FederationMetadata metadata;
    private final FederationScanner scanner;

    /**
     * @param catalogName      the catalog as queries name it, sent as every request's {@code catalogName}: a
     *                         registered catalog's name, or {@code lambda:<function>} for one named in SQL
     * @param metadataFunction answers Ping, ListSchemas, ListTables, GetTable, GetTableLayout, GetSplits and
     *                         GetDataSourceCapabilities
     * @param recordFunction   answers ReadRecords; may be {@code metadataFunction} itself
     * @param spill            where spilled blocks are read from
     */
    public FederationConnector(String catalogName, FederationFunction metadataFunction,
                               FederationFunction recordFunction, SpilledObjects spill, FederationSettings settings) {
        Objects.requireNonNull(catalogName, "catalogName");
        Objects.requireNonNull(spill, "spill");
        Objects.requireNonNull(settings, "settings");
        this.metadataFunction = new FunctionClient(Objects.requireNonNull(metadataFunction, "metadataFunction"),
                catalogName, settings);
        FunctionClient records = recordFunction == metadataFunction ? this.metadataFunction
                : new FunctionClient(Objects.requireNonNull(recordFunction, "recordFunction"), catalogName, settings);
        this.metadata = new FederationMetadata(this.metadataFunction, settings);
        this.scanner = new FederationScanner(metadata, this.metadataFunction, records, spill, memory);
    }

    /** A composite handler: one function answers every request. */
    public FederationConnector(String catalogName, FederationFunction function, SpilledObjects spill,
                               FederationSettings settings) {
        this(catalogName, function, function, spill, settings);
    }

    /** The serde version spoken with the metadata function, pinging it first if needed. */
    public int serdeVersion() {
        return metadataFunction.requests().serdeVersion();
    }

    /** Readers (and requests being written) holding Arrow memory now. */
    int openReaders() {
        return memory.open();
    }

    @Override
    public ConnectorMetadata metadata() {
        return metadata;
    }

    @Override
    public ConnectorScanner scanner() {
        return scanner;
    }

    /** Releases the Arrow memory once the readers still open have closed. */
    @Override
    public void close() {
        memory.close();
    }
}
