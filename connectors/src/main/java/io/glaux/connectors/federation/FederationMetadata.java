package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.ConnectorMetadata;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.SchemaTableName;
import io.glaux.error.GlauxException;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names and shapes from the metadata function: ListSchemasRequest, ListTablesRequest (page by page),
 * GetTableRequest (its Arrow schema as Athena columns, the partition columns last) and, from serde version 4,
 * GetDataSourceCapabilitiesRequest. Metadata requests carry a fresh query id: the SPI does not say which query asks.
 */
final class FederationMetadata implements ConnectorMetadata {

    private final FunctionClient function;
    private final FederationSettings settings;
    private final Map<SchemaTableName, TableShape> shapes = new ConcurrentHashMap<>();
    private volatile ConnectorCapabilities capabilities;

    FederationMetadata(FunctionClient function, FederationSettings settings) {
        this.function = function;
        this.settings = settings;
    }

    @Override
    public List<String> listSchemas() {
        Response response = function.call(function.requests().listSchemas(queryId()), FederationErrors.METADATA,
                Set.of("ListSchemasResponse"));
        return response.texts(response.node(), "schemas");
    }

    @Override
    public List<SchemaTableName> listTables(String schema) {
        List<SchemaTableName> tables = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String nextToken = null;
        do {
            Response response = function.call(function.requests().listTables(queryId(), schema, nextToken,
                    settings.listTablesPageSize()), FederationErrors.METADATA, Set.of("ListTablesResponse"));
            for (JsonNode table : response.array(response.node(), "tables")) {
                tables.add(new SchemaTableName(response.text(table, "schemaName"),
                        response.text(table, "tableName")));
            }
            nextToken = response.optionalText(response.node(), "nextToken");
            if (nextToken != null && !tokens.add(nextToken)) {
                throw response.malformed("it gives the nextToken " + nextToken + " a second time");
            }
        } while (nextToken != null);
        return tables;
    }

    @Override
    public Optional<ConnectorTable> getTable(SchemaTableName name) {
        TableShape shape;
        try {
            shape = fetch(name);
        } catch (GlauxException e) {
            // SDK connectors throw for tables they don't have; the SPI wants "no such table" for those.
            if (listTables(name.schema()).contains(name)) {
                throw e;
            }
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        List<Column> partitions = new ArrayList<>();
        for (Field field : shape.schema().getFields()) {
            AthenaType type = ArrowTypes.athenaType(field);
            if (type == null) {
                throw FederationErrors.unsupported(function.arn(), "describes column " + field.getName() + " of "
                        + shape.name() + " with Arrow type " + field.getType() + ", which Athena does not support");
            }
            Column column = new Column(field.getName(), type);
            (shape.partitionColumns().contains(field.getName()) ? partitions : columns).add(column);
        }
        return Optional.of(new ConnectorTable(shape.name(), columns, partitions, Map.of()));
    }

    /** The shape a scan of this table needs: the last GetTableResponse for it, or a new one. */
    TableShape shape(SchemaTableName name) {
        TableShape shape = shapes.get(name);
        return shape != null ? shape : fetch(name);
    }

    private TableShape fetch(SchemaTableName name) {
        Response response = function.call(function.requests().getTable(queryId(), name), FederationErrors.METADATA,
                Set.of("GetTableResponse"));
        JsonNode node = response.node();
        JsonNode tableName = node.get("tableName");
        SchemaTableName canonical = tableName == null || tableName.isNull() ? name
                : new SchemaTableName(response.text(tableName, "schemaName"), response.text(tableName, "tableName"));
        Schema schema = response.schema(node, "schema");
        List<String> partitionColumns = response.texts(node, "partitionColumns");
        for (String column : partitionColumns) {
            if (schema.getFields().stream().noneMatch(f -> f.getName().equals(column))) {
                throw response.malformed("its partition column " + column + " is not in its schema");
            }
        }
        TableShape shape = new TableShape(canonical, schema, partitionColumns);
        shapes.put(name, shape);
        shapes.put(canonical, shape);
        return shape;
    }

    /**
     * What the function declared: limit and top-N pushdown as declared (supports_limit_pushdown,
     * supports_top_n_pushdown); the constraint counts as enforced only when it declares filter pushdown of sorted
     * ranges (supports_filter_pushdown), since Athena lets a connector use a constraint merely to prune. Before serde
     * version 4 there is nothing to ask: nothing is pushed down but the projection and the constraint.
     */
    @Override
    public ConnectorCapabilities capabilities() {
        ConnectorCapabilities known = capabilities;
        if (known == null) {
            known = fetchCapabilities();
            capabilities = known;
        }
        return known;
    }

    private ConnectorCapabilities fetchCapabilities() {
        Requests requests = function.requests();
        if (requests.serdeVersion() < 4) {
            return ConnectorCapabilities.NONE;
        }
        Response response = function.call(requests.getDataSourceCapabilities(queryId()), FederationErrors.METADATA,
                Set.of("GetDataSourceCapabilitiesResponse"));
        JsonNode declared = response.object(response.node(), "capabilities");
        boolean filters = subTypes(response, declared, "supports_filter_pushdown").contains("sorted_range_set");
        boolean limit = declared.has("supports_limit_pushdown");
        boolean topN = declared.has("supports_top_n_pushdown");
        return new ConnectorCapabilities(filters, filters && limit, filters && topN);
    }

    private static Set<String> subTypes(Response response, JsonNode declared, String optimization) {
        Set<String> subTypes = new HashSet<>();
        JsonNode list = declared.get(optimization);
        if (list != null) {
            if (!list.isArray()) {
                throw response.malformed(optimization + " is not a list");
            }
            list.forEach(subType -> subTypes.add(subType.path("subType").asText()));
        }
        return subTypes;
    }

    private static String queryId() {
        return UUID.randomUUID().toString();
    }
}
