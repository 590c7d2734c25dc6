package io.glaux.athena.api;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.ServiceError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.Column;
import io.glaux.catalog.Database;
import io.glaux.catalog.StorageDescriptor;
import io.glaux.catalog.TableDefinition;
import io.glaux.catalog.ddl.HivePattern;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogService;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.error.GlauxException;
import io.glaux.sql.QueryContext;
import io.glaux.sql.catalog.CatalogRegistry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * ListDatabases, GetDatabase, ListTableMetadata and GetTableMetadata over the Glue-like catalog. {@code
 * AwsDataCatalog} and registered GLUE catalogs (Glaux is a single account) read it; a catalog that isn't there is an
 * InvalidRequestException; a database or table that isn't there is a MetadataException carrying Glue's
 * EntityNotFoundException, as Athena relays it (clients such as PyAthena look for that MetadataException).
 */
final class MetadataOperations {

    private final DataCatalogService dataCatalogs;
    private final CatalogRegistry catalogs;

    MetadataOperations(DataCatalogService dataCatalogs, CatalogRegistry catalogs) {
        this.dataCatalogs = dataCatalogs;
        this.catalogs = catalogs;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("ListDatabases", this::listDatabases);
        operations.put("GetDatabase", this::getDatabase);
        operations.put("ListTableMetadata", this::listTableMetadata);
        operations.put("GetTableMetadata", this::getTableMetadata);
    }

    private JsonNode listDatabases(JsonInput request, RequestContext context) {
        CatalogReader catalog = catalog(request);
        Integer max = request.integer("MaxResults", 1, 50);
        String token = request.string("NextToken", 1, 1024);
        List<Database> databases = catalog.listDatabases().stream().sorted(Comparator.comparing(Database::name))
                .toList();
        ListPage<Database> page = ListPage.of(databases, token, max == null ? 50 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("DatabaseList");
        page.items().forEach(database -> list.add(describe(database)));
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode getDatabase(JsonInput request, RequestContext context) {
        CatalogReader catalog = catalog(request);
        String name = databaseName(request);
        ObjectNode response = AwsJson.object();
        response.set("Database", describe(database(catalog, name)));
        return response;
    }

    private JsonNode listTableMetadata(JsonInput request, RequestContext context) {
        CatalogReader catalog = catalog(request);
        String database = database(catalog, databaseName(request)).name();
        String expression = request.string("Expression", 0, 256);
        Integer max = request.integer("MaxResults", 1, 50);
        String token = request.string("NextToken", 1, 1024);
        List<TableDefinition> tables = catalog.listTables(database).stream()
                .filter(table -> expression == null || expression.isEmpty()
                        || HivePattern.matches(expression, table.name()))
                .sorted(Comparator.comparing(TableDefinition::name))
                .toList();
        ListPage<TableDefinition> page = ListPage.of(tables, token, max == null ? 50 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("TableMetadataList");
        page.items().forEach(table -> list.add(describe(table)));
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    private JsonNode getTableMetadata(JsonInput request, RequestContext context) {
        CatalogReader catalog = catalog(request);
        String database = database(catalog, databaseName(request)).name();
        String tableName = request.requiredString("TableName", 1, 128);
        TableDefinition table = catalog.getTable(database, tableName)
                .orElseThrow(() -> entityNotFound("Entity Not Found"));
        ObjectNode response = AwsJson.object();
        response.set("TableMetadata", describe(table));
        return response;
    }

    /**
     * The catalog named by CatalogName (checked first, as every call needs it): AwsDataCatalog and registered GLUE
     * catalogs read the Glue-like catalog (Glaux is one account), LAMBDA and FEDERATED catalogs their connector.
     */
    private CatalogReader catalog(JsonInput request) {
        String name = DataCatalogOperations.catalogName(request, "CatalogName");
        request.string("WorkGroup", 1, 128, QueryExecutionOperations.WORKGROUP_NAME);
        DataCatalog catalog = dataCatalogs.find(name).orElseThrow(() -> AthenaErrors.invalidRequest(
                "DataCatalog " + name + " was not found."));
        if (DataCatalogService.isDefault(name) || catalog.type() == DataCatalogType.GLUE) {
            return catalogs.require(QueryContext.DEFAULT_CATALOG).metadata();
        }
        if (catalog.type() == DataCatalogType.HIVE) {
            throw new ServiceError(400, "MetadataException", "Glaux does not read metadata from HIVE data catalogs:"
                    + " " + catalog.name());
        }
        return new SourceErrors(SourceErrors.relay(() -> catalogs.require(catalog.name()).metadata()));
    }

    private static String databaseName(JsonInput request) {
        return request.requiredString("DatabaseName", 1, 128);
    }

    private static Database database(CatalogReader catalog, String name) {
        return catalog.getDatabase(name).orElseThrow(() -> entityNotFound("Database " + name + " not found."));
    }

    /** Glue's EntityNotFoundException as Athena passes it on: a MetadataException with Glue's error details. */
    private static ServiceError entityNotFound(String glueMessage) {
        return new ServiceError(400, "MetadataException", glueMessage + " (Service: AmazonDataCatalog; Status Code: 400;"
                + " Error Code: EntityNotFoundException; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
    }

    private static ObjectNode describe(Database database) {
        ObjectNode node = AwsJson.object();
        node.put("Name", database.name());
        if (database.description() != null && !database.description().isEmpty()) {
            node.put("Description", database.description());
        }
        ObjectNode parameters = node.putObject("Parameters");
        new TreeMap<>(database.parameters()).forEach(parameters::put);
        return node;
    }

    static ObjectNode describe(TableDefinition table) {
        ObjectNode node = AwsJson.object();
        node.put("Name", table.name());
        AwsJson.putTime(node, "CreateTime", table.createTime());
        node.put("TableType", table.kind().name());
        columns(node.putArray("Columns"), table.columns());
        columns(node.putArray("PartitionKeys"), table.partitionKeys());
        ObjectNode parameters = node.putObject("Parameters");
        tableParameters(table).forEach(parameters::put);
        return node;
    }

    private static void columns(ArrayNode array, List<Column> columns) {
        for (Column column : columns) {
            ObjectNode node = array.addObject();
            node.put("Name", column.name());
            node.put("Type", column.type().ddl());
            AwsJson.putString(node, "Comment", column.comment());
        }
    }

    /**
     * TBLPROPERTIES plus what Athena adds from the storage descriptor: {@code location}, {@code inputformat},
     * {@code outputformat}, {@code serde.serialization.lib} and each SerDe property as {@code serde.param.<name>}.
     */
    static Map<String, String> tableParameters(TableDefinition table) {
        Map<String, String> parameters = new TreeMap<>(table.parameters());
        StorageDescriptor storage = table.storage();
        if (storage != null) {
            putIfPresent(parameters, "location", storage.location());
            putIfPresent(parameters, "inputformat", storage.inputFormat());
            putIfPresent(parameters, "outputformat", storage.outputFormat());
            putIfPresent(parameters, "serde.serialization.lib", storage.serializationLibrary());
            storage.serdeParameters().forEach((key, value) -> parameters.put("serde.param." + key, value));
        }
        return parameters;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** A federated source's failure, as Athena relays it from the metadata API: a MetadataException. */
    private record SourceErrors(CatalogReader source) implements CatalogReader {
        @Override
        public List<Database> listDatabases() {
            return relay(source::listDatabases);
        }

        @Override
        public java.util.Optional<Database> getDatabase(String name) {
            return relay(() -> source.getDatabase(name));
        }

        @Override
        public List<TableDefinition> listTables(String database) {
            return relay(() -> source.listTables(database));
        }

        @Override
        public java.util.Optional<TableDefinition> getTable(String database, String table) {
            return relay(() -> source.getTable(database, table));
        }

        private static <T> T relay(java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (GlauxException e) {
                throw new ServiceError(400, "MetadataException", e.getMessage());
            }
        }
    }
}
