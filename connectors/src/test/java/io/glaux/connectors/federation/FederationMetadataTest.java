package io.glaux.connectors.federation;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.SchemaTableName;
import io.glaux.storage.LocalFolderStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ping, listing and describing through a real Federation SDK connector. */
class FederationMetadataTest {

    @TempDir
    Path folder;

    private SdkFunction function;
    private FederationConnector connector;

    @BeforeEach
    void start() throws Exception {
        LocalFolderStore store = new LocalFolderStore(folder);
        function = new SdkFunction(store, true);
        connector = new FederationConnector("sales_catalog", function, SpilledObjects.of(store),
                FederationSettings.DEFAULTS.withListTablesPageSize(3));
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    @Test
    void theFirstRequestIsAPingAndTheReportedSerdeVersionIsSpokenAfter() {
        assertThat(connector.metadata().listSchemas()).containsExactly("sales", "many");
        connector.metadata().listSchemas();

        assertThat(function.requestTypes).containsExactly("PingRequest", "ListSchemasRequest",
                "ListSchemasRequest");
        assertThat(function.responseTypes.get(0)).isEqualTo("PingResponse");
        assertThat(connector.serdeVersion()).isEqualTo(6);
    }

    @Test
    void tablesAreListedPageByPageFollowingNextTokens() {
        List<SchemaTableName> tables = connector.metadata().listTables("many");

        assertThat(tables).extracting(SchemaTableName::table)
                .containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6");
        List<Received> pages = function.received("ListTablesRequest");
        assertThat(pages).extracting(Received::continuationToken).containsExactly(null, "3", "6");
        assertThat(pages).extracting(Received::limit).containsOnly(3L);
        assertThat(pages).extracting(Received::catalogName).containsOnly("sales_catalog");
    }

    @Test
    void aTableSchemaBecomesAthenaColumnsWithThePartitionColumnsApart() {
        ConnectorTable table = connector.metadata().getTable(new SchemaTableName("sales", "orders")).orElseThrow();

        assertThat(table.columns()).containsExactly(new Column("id", AthenaType.BIGINT),
                new Column("customer", AthenaType.STRING), new Column("amount", new AthenaType.Decimal(10, 2)),
                new Column("ratio", AthenaType.DOUBLE), new Column("day", AthenaType.DATE),
                new Column("seen", AthenaType.TIMESTAMP), new Column("vip", AthenaType.BOOLEAN),
                new Column("tags", new AthenaType.Array(AthenaType.STRING)),
                new Column("info", new AthenaType.Struct(List.of(new AthenaType.Field("code", AthenaType.INT),
                        new AthenaType.Field("note", AthenaType.STRING)))));
        assertThat(table.partitionColumns()).containsExactly(new Column("year", AthenaType.INT));
    }

    @Test
    void aTableTheConnectorDoesNotHaveIsAbsentNotAnError() {
        assertThat(connector.metadata().getTable(new SchemaTableName("sales", "nosuch"))).isEmpty();
        assertThat(connector.metadata().getTable(new SchemaTableName("sales", "customers"))).isPresent();
    }

    @Test
    void declaredPushdownsBecomeCapabilitiesAndUndeclaredOnesDoNot() throws Exception {
        assertThat(connector.metadata().capabilities()).isEqualTo(ConnectorCapabilities.ALL);

        LocalFolderStore store = new LocalFolderStore(folder);
        try (FederationConnector plain = new FederationConnector("plain", new SdkFunction(store, false),
                SpilledObjects.of(store), FederationSettings.DEFAULTS)) {
            assertThat(plain.metadata().capabilities()).isEqualTo(ConnectorCapabilities.NONE);
        }
    }
}
