package io.glaux.kms;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What KMS tells about a symmetric key (its {@code KeyMetadata}), plus its key policy and tags; never its material,
 * which the {@link KeyStore} keeps in a file of its own. Immutable: each change is a new value, saved whole.
 *
 * @param keyId the key's UUID
 * @param arn {@code arn:aws:kms:<region>:<account>:key/<keyId>}
 * @param accountId the owning account
 * @param description the caller's description ("" when none)
 * @param keyManager CUSTOMER for keys made with CreateKey, AWS for the {@code alias/aws/*} keys
 * @param state Enabled, Disabled or PendingDeletion
 * @param creationDate when it was created
 * @param deletionDate when a PendingDeletion key is deleted, else null
 * @param pendingWindowInDays the waiting period of a PendingDeletion key, else null
 * @param policy the key policy ({@code default}) as JSON text
 * @param tags the key's tags, in the order they were added
 */
public record KmsKey(String keyId, String arn, String accountId, String description, KeyManager keyManager,
        KeyState state, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays, String policy,
        Map<String, String> tags) {

    /** The only key usage, key spec, origin and algorithm Glaux's keys have. */
    public static final String KEY_USAGE = "ENCRYPT_DECRYPT";
    public static final String KEY_SPEC = "SYMMETRIC_DEFAULT";
    public static final String ORIGIN = "AWS_KMS";
    public static final String ENCRYPTION_ALGORITHM = "SYMMETRIC_DEFAULT";

    public KmsKey {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags == null ? Map.of() : tags));
    }

    public boolean enabled() {
        return state == KeyState.Enabled;
    }

    KmsKey withState(KeyState newState, Instant newDeletionDate, Integer newWindow) {
        return new KmsKey(keyId, arn, accountId, description, keyManager, newState, creationDate, newDeletionDate,
                newWindow, policy, tags);
    }

    KmsKey withPolicy(String newPolicy) {
        return new KmsKey(keyId, arn, accountId, description, keyManager, state, creationDate, deletionDate,
                pendingWindowInDays, newPolicy, tags);
    }

    KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(keyId, arn, accountId, description, keyManager, state, creationDate, deletionDate,
                pendingWindowInDays, policy, newTags);
    }
}
