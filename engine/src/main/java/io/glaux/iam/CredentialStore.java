package io.glaux.iam;

import java.util.Optional;

/**
 * Where a request's access key is looked up to check its signature: the IAM users' keys, the sessions STS handed
 * out, and the account's root key.
 */
@FunctionalInterface
public interface CredentialStore {

    /** The credentials of {@code accessKeyId}, or empty when no one has that key (or it was deleted). */
    Optional<SigningCredentials> find(String accessKeyId);
}
