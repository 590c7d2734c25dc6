package io.glaux.kms.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.kms.KmsAlias;
import io.glaux.kms.KmsGrant;
import io.glaux.kms.KmsKey;

import java.util.Map;

/** The response structures of KMS's model that several operations answer: KeyMetadata, AliasListEntry, GrantListEntry. */
final class KmsJson {

    private KmsJson() {
    }

    static ObjectNode keyMetadata(KmsKey key) {
        ObjectNode node = AwsJson.object();
        node.put("AWSAccountId", key.accountId());
        node.put("KeyId", key.keyId());
        node.put("Arn", key.arn());
        AwsJson.putTime(node, "CreationDate", key.creationDate());
        node.put("Enabled", key.enabled());
        node.put("Description", key.description());
        node.put("KeyUsage", KmsKey.KEY_USAGE);
        node.put("KeyState", key.state().name());
        AwsJson.putTime(node, "DeletionDate", key.deletionDate());
        node.put("Origin", KmsKey.ORIGIN);
        node.put("KeyManager", key.keyManager().name());
        node.put("CustomerMasterKeySpec", KmsKey.KEY_SPEC);
        node.put("KeySpec", KmsKey.KEY_SPEC);
        node.putArray("EncryptionAlgorithms").add(KmsKey.ENCRYPTION_ALGORITHM);
        node.put("MultiRegion", false);
        return node;
    }

    static ObjectNode alias(KmsAlias alias) {
        ObjectNode node = AwsJson.object();
        node.put("AliasName", alias.name());
        node.put("AliasArn", alias.arn());
        node.put("TargetKeyId", alias.targetKeyId());
        AwsJson.putTime(node, "CreationDate", alias.creationDate());
        AwsJson.putTime(node, "LastUpdatedDate", alias.lastUpdatedDate());
        return node;
    }

    static ObjectNode grant(KmsGrant grant) {
        ObjectNode node = AwsJson.object();
        node.put("KeyId", grant.keyArn());
        node.put("GrantId", grant.grantId());
        AwsJson.putString(node, "Name", grant.name());
        AwsJson.putTime(node, "CreationDate", grant.creationDate());
        node.put("GranteePrincipal", grant.granteePrincipal());
        AwsJson.putString(node, "RetiringPrincipal", grant.retiringPrincipal());
        node.put("IssuingAccount", grant.issuingAccount());
        grant.operations().forEach(node.putArray("Operations")::add);
        if (grant.encryptionContextSubset() != null || grant.encryptionContextEquals() != null) {
            ObjectNode constraints = node.putObject("Constraints");
            putMap(constraints, "EncryptionContextSubset", grant.encryptionContextSubset());
            putMap(constraints, "EncryptionContextEquals", grant.encryptionContextEquals());
        }
        return node;
    }

    private static void putMap(ObjectNode node, String field, Map<String, String> map) {
        if (map != null) {
            ObjectNode object = node.putObject(field);
            map.forEach(object::put);
        }
    }
}
