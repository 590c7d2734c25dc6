package io.glaux.aws.auth;

import io.glaux.iam.Principal;

import java.util.Objects;

/**
 * Who a request was found to come from.
 *
 * @param principal the caller
 * @param accessKeyId the access key it signed with, or null for an unsigned request
 * @param verified whether its signature was checked (enforcement on) rather than taken at its word
 * @param chunks for an {@code aws-chunked} body signed chunk by chunk, what checks its chunks; else null
 */
public record Authentication(Principal principal, String accessKeyId, boolean verified,
        ChunkSignatureChain.Seed chunks) {

    public Authentication {
        Objects.requireNonNull(principal, "principal");
    }
}
