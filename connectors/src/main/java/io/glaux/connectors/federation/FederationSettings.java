package io.glaux.connectors.federation;

import java.util.Objects;

/**
 * What Glaux tells a federation function about itself and how it reads.
 *
 * @param accountId          the caller's account, sent as the FederatedIdentity's {@code account}
 * @param callerArn          the caller's principal, sent as the FederatedIdentity's {@code arn}
 * @param maxBlockSize       ReadRecordsRequest's {@code maxBlockSize}: the largest block the function should build
 * @param maxInlineBlockSize ReadRecordsRequest's {@code maxInlineBlockSize}: above this a function spills its result
 *                           to S3 instead of answering inline (Lambda's response payload is limited to 6 MB)
 * @param listTablesPageSize ListTablesRequest's {@code pageSize}; -1 asks for every table at once
 */
public record FederationSettings(String accountId, String callerArn, long maxBlockSize, long maxInlineBlockSize,
                                 int listTablesPageSize) {

    public static final FederationSettings DEFAULTS = new FederationSettings("000000000000",
            "arn:aws:iam::000000000000:root", 16L << 20, 5L << 20, 50);

    public FederationSettings {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(callerArn, "callerArn");
        if (maxBlockSize <= 0 || maxInlineBlockSize < 0) {
            throw new IllegalArgumentException("Block sizes must be positive");
        }
        if (listTablesPageSize == 0 || listTablesPageSize < -1) {
            throw new IllegalArgumentException("listTablesPageSize must be positive or -1");
        }
    }

    public FederationSettings withBlockSizes(long newMaxBlockSize, long newMaxInlineBlockSize) {
        return new FederationSettings(accountId, callerArn, newMaxBlockSize, newMaxInlineBlockSize,
                listTablesPageSize);
    }

    public FederationSettings withListTablesPageSize(int pageSize) {
        return new FederationSettings(accountId, callerArn, maxBlockSize, maxInlineBlockSize, pageSize);
    }
}
