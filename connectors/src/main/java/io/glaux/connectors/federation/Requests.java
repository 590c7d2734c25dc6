package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.connector.SchemaTableName;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;

/**
 * The protocol's requests at one serde version, field by field in the SDK's order. Every request names the caller
 * (FederatedIdentity), the catalog as the query wrote it and the query; ListTablesRequest pages from version 3,
 * GetTableRequest carries {@code queryPassthroughArguments} from version 5, and the Constraints inside the layout,
 * split and read requests follow {@link ConstraintsJson}.
 */
final class Requests {

    private final int serdeVersion;
    private final String catalogName;
    private final FederationSettings settings;

    Requests(int serdeVersion, String catalogName, FederationSettings settings) {
        this.serdeVersion = serdeVersion;
        this.catalogName = catalogName;
        this.settings = settings;
    }

    int serdeVersion() {
        return serdeVersion;
    }

    /** The caller; {@code id} and {@code principal} are what the SDK itself writes for them. */
    private ObjectNode identity() {
        ObjectNode identity = ProtocolJson.MAPPER.createObjectNode();
        identity.put("id", "UNKNOWN");
        identity.put("principal", "UNKNOWN");
        identity.put("account", settings.accountId());
        identity.put("arn", settings.callerArn());
        identity.putObject("tags");
        identity.putArray("groups");
        identity.putObject("configOptions");
        return identity;
    }

    ObjectNode ping(String queryId) {
        ObjectNode request = ProtocolJson.typed("PingRequest");
        request.set("identity", identity());
        request.put("catalogName", catalogName);
        return request.put("queryId", queryId);
    }

    private ObjectNode metadata(String type, String queryId) {
        ObjectNode request = ProtocolJson.typed(type);
        request.set("identity", identity());
        request.put("queryId", queryId);
        return request.put("catalogName", catalogName);
    }

    ObjectNode listSchemas(String queryId) {
        return metadata("ListSchemasRequest", queryId);
    }

    /**
     * From version 3 a page: {@code nextToken} and {@code pageSize}. Version 2 functions may predate paging (SDKs before
     * 2021 refuse the two fields), so they are asked for every table at once, which later SDKs read as unlimited.
     */
    ObjectNode listTables(String queryId, String schema, String nextToken, int pageSize) {
        ObjectNode request = metadata("ListTablesRequest", queryId).put("schemaName", schema);
        if (serdeVersion >= 3) {
            request.put("nextToken", nextToken).put("pageSize", pageSize);
        }
        return request;
    }

    ObjectNode getTable(String queryId, SchemaTableName table) {
        ObjectNode request = metadata("GetTableRequest", queryId);
        request.set("tableName", tableName(table));
        if (serdeVersion >= 5) {
            request.putObject("queryPassthroughArguments");
        }
        return request;
    }

    ObjectNode getTableLayout(String queryId, SchemaTableName table, ObjectNode constraints, Schema schema,
                              List<String> partitionColumns) {
        ObjectNode request = metadata("GetTableLayoutRequest", queryId);
        request.set("tableName", tableName(table));
        request.set("constraints", constraints);
        request.put("schema", ArrowIpc.schema(schema, serdeVersion));
        strings(request.putArray("partitionColumns"), partitionColumns);
        return request;
    }

    /** @param partitions the partitions Block as GetTableLayoutResponse returned it */
    ObjectNode getSplits(String queryId, SchemaTableName table, JsonNode partitions, List<String> partitionColumns,
                         ObjectNode constraints, String continuationToken) {
        ObjectNode request = metadata("GetSplitsRequest", queryId);
        request.set("tableName", tableName(table));
        request.set("partitions", partitions);
        strings(request.putArray("partitionColumns"), partitionColumns);
        request.set("constraints", constraints);
        return request.put("continuationToken", continuationToken);
    }

    /** @param split the Split as GetSplitsResponse returned it */
    ObjectNode readRecords(String queryId, SchemaTableName table, Schema schema, JsonNode split,
                           ObjectNode constraints) {
        ObjectNode request = metadata("ReadRecordsRequest", queryId);
        request.set("tableName", tableName(table));
        request.put("schema", ArrowIpc.schema(schema, serdeVersion));
        request.set("split", split);
        request.set("constraints", constraints);
        request.put("maxBlockSize", String.valueOf(settings.maxBlockSize()));
        return request.put("maxInlineBlockSize", String.valueOf(settings.maxInlineBlockSize()));
    }

    /** From serde version 4 only. */
    ObjectNode getDataSourceCapabilities(String queryId) {
        return metadata("GetDataSourceCapabilitiesRequest", queryId);
    }

    private static ObjectNode tableName(SchemaTableName table) {
        ObjectNode name = ProtocolJson.MAPPER.createObjectNode();
        name.put("schemaName", table.schema());
        return name.put("tableName", table.table());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
