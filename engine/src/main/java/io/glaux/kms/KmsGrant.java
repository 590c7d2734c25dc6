package io.glaux.kms;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A grant: permission for a grantee principal to use a key in some operations, optionally only with an encryption
 * context that equals or contains given pairs. Kept here and listed; it is enforced when permissions are checked.
 *
 * @param grantId 64 hex digits
 * @param grantToken the token a grantee can present before the grant has propagated (KMS's eventual consistency)
 * @param keyArn the key's ARN
 * @param name the caller's name for it, or null
 * @param granteePrincipal who may use the key
 * @param retiringPrincipal who may retire the grant, or null
 * @param issuingAccount {@code arn:aws:iam::<account>:root}
 * @param operations the KMS operations allowed ({@code Decrypt}, {@code GenerateDataKey}, ...)
 * @param encryptionContextSubset a context the request's must contain, or null
 * @param encryptionContextEquals a context the request's must equal, or null
 */
public record KmsGrant(String grantId, String grantToken, String keyArn, String name, String granteePrincipal,
        String retiringPrincipal, String issuingAccount, List<String> operations,
        Map<String, String> encryptionContextSubset, Map<String, String> encryptionContextEquals,
        Instant creationDate) {

    public KmsGrant {
        operations = List.copyOf(operations);
        encryptionContextSubset = encryptionContextSubset == null ? null : Map.copyOf(encryptionContextSubset);
        encryptionContextEquals = encryptionContextEquals == null ? null : Map.copyOf(encryptionContextEquals);
    }

    /** The key id this grant is on (the last part of its key ARN). */
    public String keyId() {
        return keyArn.substring(keyArn.lastIndexOf('/') + 1);
    }
}
