package io.glaux.connectors.dynamodb;

import io.glaux.catalog.AthenaType;
import io.glaux.connector.ArrayColumnBatch;
import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.ScanRequest;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one split page by page (DynamoDB returns up to 1 MB per page and the LastEvaluatedKey to go on from), each
 * page one batch. Nothing is read ahead: a closed reader makes no further request.
 */
final class DynamoDbReader implements BatchReader {

    private final DynamoDbConnector connector;
    private final ScanRequest request;
    private final DynamoDbTableInfo table;
    private final DynamoDbPlan plan;
    private final List<AthenaType> types = new ArrayList<>();
    private final List<String> attributes = new ArrayList<>();
    private Map<String, AttributeValue> startKey;
    private boolean done;
    private volatile boolean closed;

    DynamoDbReader(DynamoDbConnector connector, ScanRequest request, DynamoDbTableInfo table, DynamoDbPlan plan) {
        this.connector = connector;
        this.request = request;
        this.table = table;
        this.plan = plan;
        for (String column : request.columns()) {
            types.add(table.typeByColumn().get(column));
            attributes.add(table.attributeByColumn().getOrDefault(column, column));
        }
    }

    /** Up to {@code limit} items of a table, as the schema inference reads them. */
    static List<Map<String, AttributeValue>> sample(DynamoDbClient client, String table, int limit) {
        return client.scan(b -> b.tableName(table).limit(limit)).items();
    }

    @Override
    public ColumnBatch next() {
        if (done || closed) {
            return null;
        }
        List<Map<String, AttributeValue>> items;
        int count;
        Map<String, AttributeValue> lastKey;
        boolean countOnly = plan.projection() == null;
        try {
            if (plan.isQuery()) {
                QueryRequest.Builder query = QueryRequest.builder().tableName(table.tableName())
                        .indexName(plan.index()).keyConditionExpression(plan.keyCondition())
                        .filterExpression(plan.filter()).exclusiveStartKey(startKey)
                        .expressionAttributeNames(plan.names().isEmpty() ? null : plan.names())
                        .expressionAttributeValues(plan.values().isEmpty() ? null : plan.values());
                if (countOnly) {
                    query.select(Select.COUNT);
                } else {
                    query.projectionExpression(plan.projection());
                }
                QueryResponse response = connector.client().query(query.build());
                items = response.items();
                count = response.count();
                lastKey = response.lastEvaluatedKey();
            } else {
                software.amazon.awssdk.services.dynamodb.model.ScanRequest.Builder scan =
                        software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder()
                                .tableName(table.tableName()).filterExpression(plan.filter())
                                .exclusiveStartKey(startKey)
                                .expressionAttributeNames(plan.names().isEmpty() ? null : plan.names())
                                .expressionAttributeValues(plan.values().isEmpty() ? null : plan.values());
                if (plan.totalSegments() > 1) {
                    scan.segment(plan.segment()).totalSegments(plan.totalSegments());
                }
                if (countOnly) {
                    scan.select(Select.COUNT);
                } else {
                    scan.projectionExpression(plan.projection());
                }
                ScanResponse response = connector.client().scan(scan.build());
                items = response.items();
                count = response.count();
                lastKey = response.lastEvaluatedKey();
            }
        } catch (SdkException e) {
            throw DynamoDbErrors.of(connector.config(), "reading table " + request.table().name().schema() + "."
                    + table.tableName(), e);
        }
        startKey = lastKey == null || lastKey.isEmpty() ? null : lastKey;
        done = startKey == null;
        if (countOnly) {
            return new ArrayColumnBatch(count, List.of());
        }
        List<Object[]> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            Object[] column = new Object[items.size()];
            for (int row = 0; row < items.size(); row++) {
                AttributeValue value = items.get(row).get(attributes.get(c));
                try {
                    column[row] = DynamoDbTypes.toEngine(value, types.get(c));
                } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
                    throw new GlauxException(ErrorType.USER_ERROR, "GENERIC_USER_ERROR: Catalog '"
                            + connector.config().catalog() + "', reading table " + request.table().name().schema()
                            + "." + table.tableName() + ", column " + request.columns().get(c) + ": "
                            + e.getMessage());
                }
            }
            columns.add(column);
        }
        return new ArrayColumnBatch(items.size(), columns);
    }

    @Override
    public void close() {
        closed = true;
    }
}
