package io.glaux.connectors.federation;

import com.amazonaws.athena.connector.lambda.QueryStatusChecker;
import com.amazonaws.athena.connector.lambda.data.Block;
import com.amazonaws.athena.connector.lambda.data.BlockAllocator;
import com.amazonaws.athena.connector.lambda.data.BlockSpiller;
import com.amazonaws.athena.connector.lambda.data.FieldResolver;
import com.amazonaws.athena.connector.lambda.data.SpillConfig;
import com.amazonaws.athena.connector.lambda.domain.predicate.Constraints;
import com.amazonaws.athena.connector.lambda.domain.predicate.OrderByField;
import com.amazonaws.athena.connector.lambda.handlers.RecordHandler;
import com.amazonaws.athena.connector.lambda.records.ReadRecordsRequest;
import com.amazonaws.athena.connector.lambda.records.RecordResponse;
import org.apache.arrow.vector.types.pojo.Field;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The record half of the test connector: it generates a split's rows and writes them through the SDK's spiller,
 * whose blocks keep only the rows the constraint summary admits; it stops at the limit and, for a top-N, writes the
 * split's rows in the requested order of {@code id}. It records every read. {@code sales.broken} throws.
 */
final class SalesRecordHandler extends RecordHandler {

    private final List<Received> received;

    SalesRecordHandler(S3Client s3, Map<String, String> configOptions, List<Received> received) {
        this(s3, null, configOptions, received);
    }

    /**
     * @param athena        the Athena client the SDK checks a query's state with (null: never checked)
     * @param configOptions the spill settings; {@code max_block_bytes}, when given, caps both the blocks the
     *                      connector builds and what it answers inline, below what the caller asks for
     */
    SalesRecordHandler(S3Client s3, AthenaClient athena, Map<String, String> configOptions, List<Received> received) {
        super(s3, null, athena, "sales", configOptions);
        this.received = received;
    }

    @Override
    public RecordResponse doReadRecords(BlockAllocator allocator, ReadRecordsRequest request) throws Exception {
        List<String> columns = request.getSchema().getFields().stream().map(Field::getName).toList();
        received.add(Received.of("ReadRecordsRequest", request.getCatalogName(), request.getQueryId(),
                request.getTableName().getTableName(), columns, request.getConstraints(), null));
        String maxBlockBytes = configOptions.get("max_block_bytes");
        if (maxBlockBytes == null) {
            return super.doReadRecords(allocator, request);
        }
        long max = Long.parseLong(maxBlockBytes);
        return super.doReadRecords(allocator, new ReadRecordsRequest(request.getIdentity(), request.getCatalogName(),
                request.getQueryId(), request.getTableName(), request.getSchema(), request.getSplit(),
                request.getConstraints(), Math.min(max, request.getMaxBlockSize()),
                Math.min(max, request.getMaxInlineBlockSize())));
    }

    /**
     * The SDK's spill settings with one spill thread instead of its two. Its S3BlockSpiller collects the locations of
     * spilled blocks in an unsynchronised list that both threads append to, so now and then, when two blocks finish
     * writing at once, a location is lost and the response omits a block that is in the bucket. On one thread the
     * response lists every block, and a block missing from a query's answer is Glaux's fault, not the SDK's.
     */
    @Override
    protected SpillConfig getSpillConfig(ReadRecordsRequest request) {
        SpillConfig sdk = super.getSpillConfig(request);
        // Built field by field: the SDK's copying builder leaves the spill location out.
        return SpillConfig.newBuilder().withSpillLocation(sdk.getSpillLocation())
                .withMaxBlockBytes(sdk.getMaxBlockBytes()).withMaxInlineBlockBytes(sdk.getMaxInlineBlockSize())
                .withRequestId(sdk.getRequestId()).withEncryptionKey(sdk.getEncryptionKey())
                .withNumSpillThreads(1).build();
    }

    @Override
    protected void readWithConstraint(BlockSpiller spiller, ReadRecordsRequest request,
                                      QueryStatusChecker queryStatusChecker) {
        String table = request.getTableName().getTableName();
        if (table.equals("broken")) {
            throw new IllegalStateException("the disk is on fire");
        }
        List<Map<String, Object>> rows = table.equals("orders")
                ? new ArrayList<>(SalesData.orders(request.getSplit().getPropertyAsInt("year")))
                : SalesData.customers();
        Constraints constraints = request.getConstraints();
        for (OrderByField order : constraints.getOrderByClause()) {
            if (order.getColumnName().equals("id")) {
                Comparator<Map<String, Object>> byId = Comparator.comparing(row -> (Long) row.get("id"));
                rows.sort(order.getDirection().isAscending() ? byId : Collections.reverseOrder(byId));
            }
        }
        long limit = constraints.hasLimit() ? constraints.getLimit() : Long.MAX_VALUE;
        long[] written = {0};
        for (Map<String, Object> row : rows) {
            if (written[0] >= limit) {
                break;
            }
            spiller.writeRows((Block block, int rowNum) -> {
                boolean matched = true;
                for (Map.Entry<String, Object> value : row.entrySet()) {
                    matched &= value.getValue() instanceof List || value.getValue() instanceof Map
                            ? block.offerComplexValue(value.getKey(), rowNum, FieldResolver.DEFAULT, value.getValue())
                            : block.offerValue(value.getKey(), rowNum, value.getValue());
                }
                written[0] += matched ? 1 : 0;
                return matched ? 1 : 0;
            });
        }
    }
}
