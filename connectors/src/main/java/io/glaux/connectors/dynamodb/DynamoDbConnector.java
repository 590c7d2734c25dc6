package io.glaux.connectors.dynamodb;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.CatalogReader;
import io.glaux.catalog.Column;
import io.glaux.catalog.Database;
import io.glaux.catalog.TableDefinition;
import io.glaux.connector.BatchReader;
import io.glaux.connector.Connector;
import io.glaux.connector.ConnectorCapabilities;
import io.glaux.connector.ConnectorMetadata;
import io.glaux.connector.ConnectorScanner;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One catalog's DynamoDB, read as Athena's DynamoDB connector reads it: one schema, {@code default}, whose tables are
 * DynamoDB's tables (plus the Glue databases flagged {@code dynamo-db-flag}); columns from a Glue table describing
 * the DynamoDB table, else inferred from a few sampled items and the key schema; reads as Query when the hash key
 * (of the table or of a secondary index) is constrained to values, else as a parallel Scan, with the projection and
 * the constraint pushed down as expressions.
 */
final class DynamoDbConnector implements Connector, ConnectorMetadata, ConnectorScanner {

    static final String DEFAULT_SCHEMA = "default";
    /** What marks a Glue database as describing DynamoDB tables, in its location URI or description. */
    static final String GLUE_FLAG = "dynamo-db-flag";
    static final String SOURCE_TABLE = "sourceTable";
    static final String COLUMN_MAPPING = "columnMapping";

    /** Bytes of table per scan segment when the segment count is not set. */
    private static final long BYTES_PER_SEGMENT = 64L * 1024 * 1024;
    /** The most hash key values read as one Query each; more become a Scan with a filter. */
    static final int MAX_QUERY_KEYS = 100;

    private final DynamoDbConnectionConfig config;
    private final CatalogReader glue;
    private DynamoDbClient client;
    private boolean closed;

    DynamoDbConnector(DynamoDbConnectionConfig config, CatalogReader glue) {
        this.config = config;
        this.glue = glue;
    }

    DynamoDbConnectionConfig config() {
        return config;
    }

    synchronized DynamoDbClient client() {
        if (closed) {
            throw new IllegalStateException("The DynamoDB connector of catalog '" + config.catalog() + "' is closed");
        }
        if (client == null) {
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(60))
                            .build())
                    .region(Region.of(config.region()))
                    .credentialsProvider(credentials())
                    .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)));
            if (config.endpoint() != null) {
                builder.endpointOverride(config.endpoint());
            }
            client = builder.build();
        }
        return client;
    }

    private AwsCredentialsProvider credentials() {
        if (config.accessKeyId() != null) {
            return StaticCredentialsProvider.create(config.sessionToken() == null
                    ? AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())
                    : AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(),
                    config.sessionToken()));
        }
        if (config.endpoint() != null) {
            // A local DynamoDB-API server checks that requests are signed, not by whom.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("glaux", "glaux"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public ConnectorMetadata metadata() {
        return this;
    }

    @Override
    public ConnectorScanner scanner() {
        return this;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    // ---- metadata

    @Override
    public List<String> listSchemas() {
        List<String> schemas = new ArrayList<>(List.of(DEFAULT_SCHEMA));
        for (Database database : flaggedDatabases()) {
            if (!database.name().equalsIgnoreCase(DEFAULT_SCHEMA)) {
                schemas.add(database.name());
            }
        }
        return schemas;
    }

    @Override
    public List<SchemaTableName> listTables(String schema) {
        List<SchemaTableName> tables = new ArrayList<>();
        if (schema.equalsIgnoreCase(DEFAULT_SCHEMA)) {
            for (String table : dynamoTables()) {
                tables.add(new SchemaTableName(DEFAULT_SCHEMA, table));
            }
            return tables;
        }
        Database database = flaggedDatabase(schema);
        if (database != null) {
            for (TableDefinition table : glue.listTables(database.name())) {
                if (!table.isView()) {
                    tables.add(new SchemaTableName(database.name(), table.name()));
                }
            }
        }
        return tables;
    }

    /** Every DynamoDB table name, ListTables page by page. */
    List<String> dynamoTables() {
        List<String> names = new ArrayList<>();
        String start = null;
        try {
            do {
                ListTablesResponse page = client().listTables(ListTablesRequest.builder()
                        .exclusiveStartTableName(start).limit(100).build());
                names.addAll(page.tableNames());
                start = page.lastEvaluatedTableName();
            } while (start != null);
        } catch (SdkException e) {
            throw DynamoDbErrors.of(config, "listing tables", e);
        }
        return names;
    }

    @Override
    public Optional<ConnectorTable> getTable(SchemaTableName name) {
        TableDefinition described = glueTable(name.schema(), name.table());
        if (described == null && !name.schema().equalsIgnoreCase(DEFAULT_SCHEMA)) {
            return Optional.empty();
        }
        String source = described == null ? name.table()
                : described.parameter(SOURCE_TABLE).filter(s -> !s.isBlank()).orElse(described.name());
        TableDescription table = describe(source);
        if (table == null) {
            return Optional.empty();
        }
        String doing = "reading the schema of table " + name.schema() + "." + table.tableName();
        try {
            List<Map<String, AttributeValue>> sample = DynamoDbReader.sample(client(), table.tableName(),
                    config.sampleSize());
            return Optional.of(described == null ? inferred(name, table, sample) : fromGlue(name, table, described,
                    sample));
        } catch (SdkException e) {
            throw DynamoDbErrors.of(config, doing, e);
        }
    }

    /** A table's description by its exact name, else by a name differing only in case; null if none. */
    private TableDescription describe(String name) {
        try {
            return client().describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            // SQL lower-cases names; DynamoDB's are case-sensitive.
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            if (!"ValidationException".equals(e.awsErrorDetails() == null ? null
                    : e.awsErrorDetails().errorCode())) {
                throw DynamoDbErrors.of(config, "describing table " + name, e);
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.of(config, "describing table " + name, e);
        }
        for (String table : dynamoTables()) {
            if (table.equalsIgnoreCase(name) && !table.equals(name)) {
                try {
                    return client().describeTable(b -> b.tableName(table)).table();
                } catch (ResourceNotFoundException e) {
                    return null;
                } catch (SdkException e) {
                    throw DynamoDbErrors.of(config, "describing table " + table, e);
                }
            }
        }
        return null;
    }

    private ConnectorTable inferred(SchemaTableName name, TableDescription table,
                                    List<Map<String, AttributeValue>> sample) {
        Map<String, AthenaType> types = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        // Key attributes always, with their key schema types.
        for (KeySchemaElement key : table.keySchema()) {
            addColumn(types, attributes, key.attributeName(), keyType(table, key.attributeName()));
        }
        Map<String, AthenaType> seen = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : sample) {
            for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
                seen.put(attribute.getKey(), DynamoDbTypes.merge(seen.get(attribute.getKey()),
                        DynamoDbTypes.infer(attribute.getValue())));
            }
        }
        seen.forEach((attribute, type) -> addColumn(types, attributes, attribute, DynamoDbTypes.settle(type)));
        if (sample.isEmpty()) {
            for (AttributeDefinition definition : table.attributeDefinitions()) {
                addColumn(types, attributes, definition.attributeName(),
                        DynamoDbTypes.ofKey(definition.attributeType()));
            }
        }
        List<Column> columns = new ArrayList<>();
        types.forEach((column, type) -> columns.add(new Column(column, type)));
        return new ConnectorTable(new SchemaTableName(name.schema(), table.tableName()), columns, List.of(),
                info(table, attributes, types).properties());
    }

    private static void addColumn(Map<String, AthenaType> types, Map<String, String> attributes, String attribute,
                                  AthenaType type) {
        String column = attribute.toLowerCase(Locale.ROOT);
        if (!types.containsKey(column)) {
            types.put(column, type);
            attributes.put(column, attribute);
        }
    }

    private static AthenaType keyType(TableDescription table, String attribute) {
        for (AttributeDefinition definition : table.attributeDefinitions()) {
            if (definition.attributeName().equals(attribute)) {
                return DynamoDbTypes.ofKey(definition.attributeType());
            }
        }
        return AthenaType.STRING;
    }

    private ConnectorTable fromGlue(SchemaTableName name, TableDescription table, TableDefinition described,
                                    List<Map<String, AttributeValue>> sample) {
        Map<String, String> mapping = new LinkedHashMap<>();
        described.parameter(COLUMN_MAPPING).ifPresent(text -> {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    mapping.put(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
                }
            }
        });
        List<String> known = new ArrayList<>();
        table.keySchema().forEach(k -> known.add(k.attributeName()));
        table.attributeDefinitions().forEach(d -> known.add(d.attributeName()));
        sample.forEach(item -> known.addAll(item.keySet()));
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, AthenaType> types = new LinkedHashMap<>();
        for (Column column : described.allColumns()) {
            String attribute = mapping.get(column.name());
            if (attribute == null) {
                attribute = known.stream().filter(k -> k.equals(column.name())).findFirst()
                        .or(() -> known.stream().filter(k -> k.equalsIgnoreCase(column.name())).findFirst())
                        .orElse(column.name());
            }
            attributes.put(column.name(), attribute);
            types.put(column.name(), column.type());
        }
        return new ConnectorTable(new SchemaTableName(name.schema(), described.name()), described.allColumns(),
                List.of(), info(table, attributes, types).properties());
    }

    private static DynamoDbTableInfo info(TableDescription table, Map<String, String> attributes,
                                          Map<String, AthenaType> types) {
        String hash = null;
        String range = null;
        for (KeySchemaElement key : table.keySchema()) {
            if (key.keyType() == KeyType.HASH) {
                hash = key.attributeName();
            } else if (key.keyType() == KeyType.RANGE) {
                range = key.attributeName();
            }
        }
        List<DynamoDbTableInfo.Index> indexes = new ArrayList<>();
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            if (index.projection() != null && index.projection().projectionType() == ProjectionType.ALL
                    && (index.indexStatusAsString() == null || "ACTIVE".equals(index.indexStatusAsString()))) {
                indexes.add(index(index.indexName(), index.keySchema()));
            }
        }
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            // A local index reads any attribute from the table.
            indexes.add(index(index.indexName(), index.keySchema()));
        }
        long size = table.tableSizeBytes() == null ? 0 : table.tableSizeBytes();
        return new DynamoDbTableInfo(table.tableName(), hash, range, indexes, size, attributes, types);
    }

    private static DynamoDbTableInfo.Index index(String name, List<KeySchemaElement> keys) {
        String hash = null;
        String range = null;
        for (KeySchemaElement key : keys) {
            if (key.keyType() == KeyType.HASH) {
                hash = key.attributeName();
            } else if (key.keyType() == KeyType.RANGE) {
                range = key.attributeName();
            }
        }
        return new DynamoDbTableInfo.Index(name, hash, range);
    }

    private List<Database> flaggedDatabases() {
        if (glue == null) {
            return List.of();
        }
        List<Database> flagged = new ArrayList<>();
        for (Database database : glue.listDatabases()) {
            if (isFlagged(database)) {
                flagged.add(database);
            }
        }
        return flagged;
    }

    private static boolean isFlagged(Database database) {
        return database.locationUri() != null && database.locationUri().contains(GLUE_FLAG)
                || database.description() != null && database.description().contains(GLUE_FLAG);
    }

    private Database flaggedDatabase(String name) {
        if (glue == null) {
            return null;
        }
        return glue.getDatabase(name.toLowerCase(Locale.ROOT)).filter(DynamoDbConnector::isFlagged).orElse(null);
    }

    /**
     * The Glue table describing {@code schema.table}: in the flagged database of that name, or, for the default
     * schema, the first flagged database holding a table of that name.
     */
    private TableDefinition glueTable(String schema, String table) {
        if (glue == null) {
            return null;
        }
        Database database = flaggedDatabase(schema);
        if (database != null) {
            TableDefinition found = glue.getTable(database.name(), table.toLowerCase(Locale.ROOT)).orElse(null);
            if (found != null || !schema.equalsIgnoreCase(DEFAULT_SCHEMA)) {
                return found != null && !found.isView() ? found : null;
            }
        }
        if (schema.equalsIgnoreCase(DEFAULT_SCHEMA)) {
            for (Database flagged : flaggedDatabases()) {
                Optional<TableDefinition> found = glue.getTable(flagged.name(), table.toLowerCase(Locale.ROOT));
                if (found.isPresent() && !found.get().isView()) {
                    return found.get();
                }
            }
        }
        return null;
    }

    @Override
    public ConnectorCapabilities capabilities() {
        // Constraints on other types than strings, numbers and booleans are not pushed down, so rows may come back
        // that the engine filters out: no limit is taken.
        return ConnectorCapabilities.NONE;
    }

    // ---- scanner

    @Override
    public List<ConnectorSplit> splits(ScanRequest request) {
        if (request.constraint().isNone()) {
            return List.of();
        }
        DynamoDbTableInfo table = DynamoDbTableInfo.of(request.table());
        DynamoDbPlan.KeyChoice key = DynamoDbPlan.chooseKey(table, request.constraint());
        List<ConnectorSplit> splits = new ArrayList<>();
        if (key != null) {
            for (Object value : key.values()) {
                splits.add(DynamoDbSplit.query(key.index(), value));
            }
            return splits;
        }
        int segments = config.scanSegments() > 0 ? config.scanSegments()
                : (int) Math.max(1, Math.min(DynamoDbConnectionConfig.MAX_SEGMENTS,
                (table.sizeBytes() + BYTES_PER_SEGMENT - 1) / BYTES_PER_SEGMENT));
        for (int segment = 0; segment < segments; segment++) {
            splits.add(DynamoDbSplit.scan(segment, segments));
        }
        return splits;
    }

    @Override
    public BatchReader read(ScanRequest request, ConnectorSplit split) {
        DynamoDbTableInfo table = DynamoDbTableInfo.of(request.table());
        DynamoDbPlan plan = DynamoDbPlan.of(table, request, (DynamoDbSplit) split);
        return new DynamoDbReader(this, request, table, plan);
    }
}
