package io.glaux.connectors.federation;

import io.glaux.connector.ScanRequest;
import io.glaux.storage.LocalFolderStore;
import io.glaux.storage.ObjectInfo;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Results too large to answer inline: spilled by the function to S3, read back through the store. */
class FederationSpillTest {

    /** Blocks of a kilobyte, and nothing inline: every read spills, in several blocks. */
    private static final FederationSettings SPILLING = FederationSettings.DEFAULTS.withBlockSizes(1024, 1);
    private static final List<String> COLUMNS = List.of("id", "customer", "amount", "tags", "info");

    @TempDir
    Path folder;

    private LocalFolderStore store;

    @BeforeEach
    void start() throws Exception {
        store = new LocalFolderStore(folder);
    }

    private static List<List<Object>> expectedOrders() {
        List<List<Object>> rows = new ArrayList<>();
        for (int year : SalesData.YEARS) {
            for (Map<String, Object> order : SalesData.orders(year)) {
                Map<?, ?> info = (Map<?, ?>) order.get("info");
                rows.add(List.of(order.get("id"), order.get("customer"), order.get("amount"), order.get("tags"),
                        List.of(info.get("code"), info.get("note"))));
            }
        }
        return rows;
    }

    private static List<List<Object>> comparable(List<List<Object>> rows) {
        List<List<Object>> sorted = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>(row);
            copy.set(4, List.of((Object[]) row.get(4)));
            sorted.add(copy);
        }
        sorted.sort(Comparator.comparing(row -> (Long) row.get(0)));
        return sorted;
    }

    @Test
    void aSpilledReadIsFetchedFromTheStoreAndDecryptedWithTheSplitsKey() throws Exception {
        SdkFunction function = new SdkFunction(store, true);
        try (FederationConnector connector = new FederationConnector("sales_catalog", function,
                SpilledObjects.of(store), SPILLING)) {
            ScanRequest request = Scans.request(connector, "orders", COLUMNS, Map.of());

            assertThat(comparable(Scans.rows(connector, request))).isEqualTo(expectedOrders());
            assertThat(connector.openReaders()).as("Arrow memory still held").isZero();
        }
        assertThat(function.responseTypes).contains("RemoteReadRecordsResponse")
                .doesNotContain("ReadRecordsResponse");
        List<ObjectInfo> spilled = store.listAll(SdkFunction.SPILL_BUCKET, "athena-spill/" + Scans.QUERY_ID + "/");
        assertThat(spilled).hasSizeGreaterThan(3);
        byte[] encrypted = store.getAll(SdkFunction.SPILL_BUCKET, spilled.get(0).key());
        try (RootAllocator allocator = new RootAllocator()) {
            assertThatThrownBy(() -> ArrowIpc.readBatch(ArrowIpc.readSchema(ArrowIpc.schema(
                    SalesMetadataHandler.schema("orders"), 6)), encrypted, allocator).close())
                    .as("a spilled block is not readable without its key").isNotNull();
        }
    }

    @Test
    void aSplitWithoutAKeySpillsInTheClear() {
        SdkFunction function = new SdkFunction(store, true, false);
        try (FederationConnector connector = new FederationConnector("sales_catalog", function,
                SpilledObjects.of(store), SPILLING)) {
            ScanRequest request = Scans.request(connector, "orders", COLUMNS, Map.of());

            assertThat(comparable(Scans.rows(connector, request))).isEqualTo(expectedOrders());
        }
        assertThat(function.responseTypes).contains("RemoteReadRecordsResponse");
    }

    @Test
    void aSpilledBlockThatDoesNotDecryptFailsNamingTheObjectAndTheSplit() {
        SpilledObjects tampered = (bucket, key) -> {
            byte[] bytes = store.getAll(bucket, key);
            bytes[bytes.length / 2] ^= 1;
            return bytes;
        };
        try (FederationConnector connector = new FederationConnector("sales_catalog", new SdkFunction(store, true),
                tampered, SPILLING)) {
            ScanRequest request = Scans.request(connector, "customers", List.of("name"), Map.of());

            assertThatThrownBy(() -> Scans.rows(connector, request)).hasMessageMatching("GENERIC_USER_ERROR: The"
                    + " block your LambdaFunction\\[" + SdkFunction.ARN + "] spilled to s3://glaux-spill/athena-spill/"
                    + Scans.QUERY_ID + "/[0-9a-f-]+\\.0 executed in context\\[S3SpillLocation\\{bucket='glaux-spill',"
                    + " key='athena-spill/" + Scans.QUERY_ID + "/[0-9a-f-]+', directory=true}] could not be read: it"
                    + " does not decrypt with the split's key \\(.*\\)");
            assertThat(connector.openReaders()).isZero();
        }
    }

    @Test
    void aSpilledBlockThatIsGoneFailsNamingTheObject() {
        SpilledObjects gone = (bucket, key) -> {
            throw new NoSuchFileException("The object s3://" + bucket + "/" + key + " does not exist");
        };
        try (FederationConnector connector = new FederationConnector("sales_catalog", new SdkFunction(store, true),
                gone, SPILLING)) {
            ScanRequest request = Scans.request(connector, "customers", List.of("name"), Map.of());

            assertThatThrownBy(() -> Scans.rows(connector, request)).hasMessageContaining("could not be read: The"
                    + " object s3://glaux-spill/athena-spill/" + Scans.QUERY_ID);
        }
    }

    @Test
    void aSmallResultStaysInline() {
        SdkFunction function = new SdkFunction(store, true);
        try (FederationConnector connector = new FederationConnector("sales_catalog", function,
                SpilledObjects.of(store), FederationSettings.DEFAULTS)) {
            assertThat(Scans.rows(connector, Scans.request(connector, "orders", COLUMNS, Map.of()))).hasSize(150);
        }
        assertThat(function.responseTypes).contains("ReadRecordsResponse")
                .doesNotContain("RemoteReadRecordsResponse");
    }
}
