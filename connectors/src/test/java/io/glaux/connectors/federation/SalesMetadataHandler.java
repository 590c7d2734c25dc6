package io.glaux.connectors.federation;

import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockWriter;
import com.amazonaws.athena.connector.lambda.data.SchemaBuilder;
import com.amazonaws.athena.connector.lambda.domain.Split;
import com.amazonaws.athena.connector.lambda.domain.TableName;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetDataSourceCapabilitiesResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetSplitsResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableLayoutResponse;
import com.amazonaws.athena.connector.lambda.metadata.GetTableRequest;
import com.amazonaws.athena.connector.lambda.metadata.GetTableResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListSchemasResponse;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesRequest;
import com.amazonaws.athena.connector.lambda.metadata.ListTablesResponse;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.DataSourceOptimizations;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.OptimizationSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.FilterPushdownSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.LimitPushdownSubType;
import com.amazonaws.athena.connector.lambda.metadata.optimizations.pushdown.TopNPushdownSubType;
import com.amazonaws.athena.connector.lambda.handlers.MetadataHandler;
import com.amazonaws.athena.connector.lambda.security.LocalKeyFactory;
import org.apache.arrow.vector.complex.reader.FieldReader;
import org.apache.arrow.vector.types.Types;
import org.apache.arrow.vector.types.pojo.Schema;
import software.amazon.awssdk.services.athena.AthenaClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata half of the test connector, written as an SDK connector is: schemas {@code sales} and {@code many},
 * tables listed page by page, {@code sales.orders} partitioned by year with one split per partition handed out one
 * GetSplits call at a time (continuation tokens), and the pushdowns it declares. It records every layout and split
 * request it gets. {@code sales.broken_meta} fails to describe itself.
 */
final class SalesMetadataHandler extends MetadataHandler {

    private final boolean pushdown;
    private final List<Received> received;

    /**
     * @param spill    {@code spill_bucket} and {@code spill_prefix}, as a Lambda's environment gives them
     * @param pushdown whether it declares filter, limit and top-N pushdown
     * @param encrypt  whether its splits carry an encryption key for spilled blocks
     */
    SalesMetadataHandler(Map<String, String> spill, boolean pushdown, boolean encrypt, List<Received> received) {
        this(spill, pushdown, encrypt, null, received);
    }

    /** @param athena the Athena client the SDK checks a query's state with (null: never checked) */
    SalesMetadataHandler(Map<String, String> spill, boolean pushdown, boolean encrypt, AthenaClient athena,
                         List<Received> received) {
        // The spill bucket comes from the configuration; the constructor's own spill bucket stays null, so the SDK
        // does not check the bucket's ownership against AWS before GetSplits.
        super(encrypt ? new LocalKeyFactory() : null, null, athena, "sales", null, spill.get("spill_prefix"), spill);
        this.pushdown = pushdown;
        this.received = received;
    }

    static Schema schema(String table) {
        return switch (table) {
            case "orders" -> SchemaBuilder.newBuilder()
                    .addBigIntField("id").addStringField("customer").addDecimalField("amount", 10, 2)
                    .addFloat8Field("ratio").addDateDayField("day").addDateMilliField("seen").addBitField("vip")
                    .addListField("tags", Types.MinorType.VARCHAR.getType())
                    .addStructField("info").addChildField("info", "code", Types.MinorType.INT.getType())
                    .addChildField("info", "note", Types.MinorType.VARCHAR.getType())
                    .addIntField("year").build();
            default -> SchemaBuilder.newBuilder().addBigIntField("id").addStringField("name")
                    .addStringField("region").build();
        };
    }

    static List<String> tables(String schema) {
        if (schema.equals("sales")) {
            return List.of("orders", "customers", "broken", "broken_meta");
        }
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tables.add("t" + i);
        }
        return tables;
    }

    @Override
    public ListSchemasResponse doListSchemaNames(BlockAllocator allocator, ListSchemasRequest request) {
        return new ListSchemasResponse(request.getCatalogName(), List.of("sales", "many"));
    }

    /** A page of at most pageSize tables; the token is the index of the next one. */
    @Override
    public ListTablesResponse doListTables(BlockAllocator allocator, ListTablesRequest request) {
        received.add(new Received("ListTablesRequest", request.getCatalogName(), request.getQueryId(),
                request.getSchemaName(), List.of(), Map.of(), request.getPageSize(), List.of(),
                request.getNextToken()));
        List<String> names = tables(request.getSchemaName());
        int from = request.getNextToken() == null ? 0 : Integer.parseInt(request.getNextToken());
        int to = request.getPageSize() == ListTablesRequest.UNLIMITED_PAGE_SIZE_VALUE ? names.size()
                : Math.min(names.size(), from + request.getPageSize());
        List<TableName> page = new ArrayList<>();
        for (String name : names.subList(from, to)) {
            page.add(new TableName(request.getSchemaName(), name));
        }
        return new ListTablesResponse(request.getCatalogName(), page, to < names.size() ? String.valueOf(to) : null);
    }

    @Override
    public GetTableResponse doGetTable(BlockAllocator allocator, GetTableRequest request) {
        TableName name = request.getTableName();
        if (!tables(name.getSchemaName()).contains(name.getTableName())) {
            throw new IllegalArgumentException("No such table " + name);
        }
        if (name.getTableName().equals("broken_meta")) {
            throw new IllegalStateException("the metastore is down");
        }
        Set<String> partitions = name.getTableName().equals("orders") ? Set.of("year") : Set.of();
        return new GetTableResponse(request.getCatalogName(), name, schema(name.getTableName()), partitions);
    }

    @Override
    public GetTableLayoutResponse doGetTableLayout(BlockAllocator allocator, GetTableLayoutRequest request)
            throws Exception {
        received.add(Received.of("GetTableLayoutRequest", request.getCatalogName(), request.getQueryId(),
                request.getTableName().getTableName(), List.of(), request.getConstraints(), null));
        return super.doGetTableLayout(allocator, request);
    }

    /** One partition per year; the block's constraint drops the years the query rules out. */
    @Override
    public void getPartitions(BlockWriter blockWriter, GetTableLayoutRequest request,
                              QueryStatusChecker queryStatusChecker) {
        for (int year : SalesData.YEARS) {
            blockWriter.writeRows((Block block, int row) -> block.setValue("year", row, year) ? 1 : 0);
        }
    }

    /** One split per partition, one per call: the continuation token is the next partition's row. */
    @Override
    public GetSplitsResponse doGetSplits(BlockAllocator allocator, GetSplitsRequest request) {
        received.add(Received.of("GetSplitsRequest", request.getCatalogName(), request.getQueryId(),
                request.getTableName().getTableName(), List.of(), request.getConstraints(),
                request.getContinuationToken()));
        Block partitions = request.getPartitions();
        int row = request.hasContinuationToken() ? Integer.parseInt(request.getContinuationToken()) : 0;
        Split.Builder split = Split.newBuilder(makeSpillLocation(request), makeEncryptionKey());
        if (request.getPartitionCols().contains("year")) {
            FieldReader year = partitions.getFieldReader("year");
            year.setPosition(row);
            split.add("year", String.valueOf(year.readInteger()));
        }
        Set<Split> splits = new LinkedHashSet<>();
        splits.add(split.build());
        String next = row + 1 < partitions.getRowCount() ? String.valueOf(row + 1) : null;
        return new GetSplitsResponse(request.getCatalogName(), splits, next);
    }

    @Override
    public GetDataSourceCapabilitiesResponse doGetDataSourceCapabilities(BlockAllocator allocator,
                                                                         GetDataSourceCapabilitiesRequest request) {
        Map<String, List<OptimizationSubType>> capabilities = new LinkedHashMap<>();
        if (pushdown) {
            put(capabilities, DataSourceOptimizations.SUPPORTS_FILTER_PUSHDOWN.withSupportedSubTypes(
                    FilterPushdownSubType.SORTED_RANGE_SET, FilterPushdownSubType.EQUATABLE_VALUE_SET,
                    FilterPushdownSubType.ALL_OR_NONE_VALUE_SET, FilterPushdownSubType.NULLABLE_COMPARISON));
            put(capabilities, DataSourceOptimizations.SUPPORTS_LIMIT_PUSHDOWN.withSupportedSubTypes(
                    LimitPushdownSubType.INTEGER_CONSTANT));
            put(capabilities, DataSourceOptimizations.SUPPORTS_TOP_N_PUSHDOWN.withSupportedSubTypes(
                    TopNPushdownSubType.SUPPORTS_ORDER_BY));
        }
        return new GetDataSourceCapabilitiesResponse(request.getCatalogName(), capabilities);
    }

    private static void put(Map<String, List<OptimizationSubType>> map,
                            Map.Entry<String, List<OptimizationSubType>> entry) {
        map.put(entry.getKey(), entry.getValue());
    }
}
