package io.glaux.kms;

import java.util.List;
import java.util.Map;

/**
 * What CreateGrant asks for.
 *
 * @param keyId the key's id or ARN
 * @param granteePrincipal who may use the key
 * @param retiringPrincipal who may retire the grant, or null
 * @param operations the grant operations ({@code Encrypt}, {@code Decrypt}, ...), at least one
 * @param encryptionContextSubset the constraint EncryptionContextSubset, or null
 * @param encryptionContextEquals the constraint EncryptionContextEquals, or null
 * @param name the grant's name, or null; a second request with the same name and the same everything else returns
 *     the first grant, as AWS does for a retried CreateGrant
 */
public record GrantRequest(String keyId, String granteePrincipal, String retiringPrincipal, List<String> operations,
        Map<String, String> encryptionContextSubset, Map<String, String> encryptionContextEquals, String name) {
}
