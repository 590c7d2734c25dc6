package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.storage.LocalFolderStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every serde version Glaux speaks, against the SDK's own deserializers: the connector is told the function
 * reported an older version, writes that version's requests, and the SDK (which falls back version by version until
 * one parses) answers in kind.
 */
class FederationSerdeVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The function, its PingResponse saying it speaks {@code version}. */
    private static RewritingFunction speaking(SdkFunction function, int version) {
        return new RewritingFunction(function, (type, delegate) -> {
            byte[] answer = delegate.get();
            if (!type.equals("PingRequest")) {
                return answer;
            }
            ObjectNode pong = (ObjectNode) read(answer);
            pong.put("serDeVersion", version);
            return pong.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
    }

    private static List<JsonNode> requests(RewritingFunction function, String type) {
        List<JsonNode> requests = new ArrayList<>();
        for (byte[] request : function.requests) {
            JsonNode node = read(request);
            if (node.path("@type").asText().equals(type)) {
                requests.add(node);
            }
        }
        return requests;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void aFunctionIsSpokenToInTheSerdeVersionItReports(int version) throws Exception {
        LocalFolderStore store = new LocalFolderStore(folder);
        SdkFunction sdk = new SdkFunction(store, true);
        RewritingFunction function = speaking(sdk, version);
        try (FederationConnector connector = new FederationConnector("sales_catalog", function,
                SpilledObjects.of(store), FederationSettings.DEFAULTS.withBlockSizes(1024, 1).withListTablesPageSize(3))) {
            assertThat(connector.serdeVersion()).isEqualTo(version);
            assertThat(connector.metadata().listTables("many")).hasSize(7);
            assertThat(connector.metadata().capabilities())
                    .isEqualTo(version >= 4 ? ConnectorCapabilities.ALL : ConnectorCapabilities.NONE);
            ScanRequest request = Scans.request(connector, "orders", List.of("id", "customer", "tags"),
                    Map.of("year", Domain.singleValue(2022), "customer", Domain.singleValue("c1")),
                    OptionalLong.of(2), List.of());

            List<List<Object>> rows = Scans.rows(connector, request);

            assertThat(rows).hasSize(version >= 4 ? 2 : 10)
                    .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("c1"));
            assertThat(sdk.received("ReadRecordsRequest")).extracting(Received::limit)
                    .containsOnly(version >= 4 ? 2L : -1L);
            assertThat(sdk.responseTypes).contains("RemoteReadRecordsResponse");
        }
        JsonNode read = requests(function, "ReadRecordsRequest").get(0);
        List<String> constraintFields = new ArrayList<>();
        read.get("constraints").fieldNames().forEachRemaining(constraintFields::add);
        assertThat(constraintFields).containsExactlyElementsOf(switch (version) {
            case 2, 3 -> List.of("summary");
            case 4 -> List.of("summary", "expression", "orderByClause", "limit");
            case 5 -> List.of("summary", "expression", "orderByClause", "limit", "queryPassthroughArguments");
            default -> List.of("summary", "expression", "orderByClause", "limit", "queryPassthroughArguments",
                    "queryPlan");
        });
        assertThat(requests(function, "GetTableRequest").get(0).has("queryPassthroughArguments"))
                .isEqualTo(version >= 5);
        assertThat(requests(function, "ListTablesRequest")).hasSize(version >= 3 ? 1 + 7 / 3 : 1)
                .allSatisfy(list -> assertThat(list.has("pageSize")).isEqualTo(version >= 3));
        byte[] schema = Base64.getDecoder().decode(read.get("schema").asText());
        assertThat(schema[0] == -1 && schema[1] == -1 && schema[2] == -1 && schema[3] == -1)
                .as("the IPC continuation marker (absent from version 2's legacy framing)").isEqualTo(version > 2);
    }
}
