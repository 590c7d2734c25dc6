package io.glaux.connectors.dynamodb;

import io.glaux.connector.ConnectorSplit;

/**
 * One unit of a DynamoDB read: a Query for one hash key value (on the table or on a secondary index), or one segment
 * of a parallel Scan.
 *
 * @param index         the secondary index queried, or null for the table
 * @param hashValue     the hash key's value (the engine's form) for a Query, or null for a Scan segment
 * @param segment       the Scan segment, from 0
 * @param totalSegments the Scan's segment count
 */
record DynamoDbSplit(String index, Object hashValue, int segment, int totalSegments) implements ConnectorSplit {

    static DynamoDbSplit query(String index, Object hashValue) {
        return new DynamoDbSplit(index, hashValue, 0, 1);
    }

    static DynamoDbSplit scan(int segment, int totalSegments) {
        return new DynamoDbSplit(null, null, segment, totalSegments);
    }

    boolean isQuery() {
        return hashValue != null;
    }
}
