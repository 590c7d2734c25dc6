package io.glaux.kms;

import java.time.Instant;

/**
 * An alias: a friendly name ({@code alias/<name>}) for one key of the same account and region.
 *
 * @param name the alias name, {@code alias/...}
 * @param arn {@code arn:aws:kms:<region>:<account>:alias/<name>}
 * @param targetKeyId the key id (UUID) it points at
 */
public record KmsAlias(String name, String arn, String targetKeyId, Instant creationDate, Instant lastUpdatedDate) {
}
