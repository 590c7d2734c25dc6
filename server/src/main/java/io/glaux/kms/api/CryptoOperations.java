package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.kms.DataKey;
import io.glaux.kms.DataKeySpec;
import io.glaux.kms.Decrypted;
import io.glaux.kms.Encrypted;
import io.glaux.kms.KeyStore;
import io.glaux.kms.Kms;
import io.glaux.kms.ReEncrypted;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Encrypt, Decrypt, ReEncrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext and GenerateRandom. Blobs travel as
 * base64 in JSON; every key is answered by its ARN. With DryRun, a request that would succeed is answered with
 * DryRunOperationException after its key has been checked.
 */
final class CryptoOperations {

    private static final int MAX_PLAINTEXT = 4096;
    private static final int MAX_CIPHERTEXT = 6144;
    private static final List<String> DATA_KEY_SPECS = Arrays.stream(DataKeySpec.values()).map(Enum::name).toList();

    private final Kms kms;

    CryptoOperations(Kms kms) {
        this.kms = kms;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("Encrypt", this::encrypt);
        operations.put("Decrypt", this::decrypt);
        operations.put("ReEncrypt", this::reEncrypt);
        operations.put("GenerateDataKey", (request, context) -> generateDataKey(request, context, true));
        operations.put("GenerateDataKeyWithoutPlaintext",
                (request, context) -> generateDataKey(request, context, false));
        operations.put("GenerateRandom", this::generateRandom);
    }

    private JsonNode encrypt(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        byte[] plaintext = KmsInput.requiredBlob(request, "Plaintext", 1, MAX_PLAINTEXT);
        Map<String, String> encryptionContext = KmsInput.context(request, "EncryptionContext");
        KmsInput.symmetricAlgorithm(request, "EncryptionAlgorithm");
        boolean dryRun = KmsInput.dryRun(request);
        KeyStore store = KmsInput.store(kms, context);
        KmsInput.grantTokens(request, store);
        Encrypted encrypted = store.encrypt(keyId, plaintext, encryptionContext);
        refuseDryRun(dryRun);
        ObjectNode response = AwsJson.object();
        response.put("CiphertextBlob", base64(encrypted.ciphertextBlob()));
        response.put("KeyId", encrypted.keyArn());
        response.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return response;
    }

    private JsonNode decrypt(JsonInput request, RequestContext context) {
        byte[] blob = KmsInput.requiredBlob(request, "CiphertextBlob", 1, MAX_CIPHERTEXT);
        Map<String, String> encryptionContext = KmsInput.context(request, "EncryptionContext");
        String keyId = KmsInput.keyId(request, "KeyId");
        KmsInput.symmetricAlgorithm(request, "EncryptionAlgorithm");
        if (request.has("Recipient")) {
            throw KmsErrors.unsupported("Recipient (Nitro Enclaves attestation) is not supported by Glaux");
        }
        boolean dryRun = KmsInput.dryRun(request);
        KeyStore store = KmsInput.store(kms, context);
        KmsInput.grantTokens(request, store);
        Decrypted decrypted = store.decrypt(blob, encryptionContext, keyId);
        refuseDryRun(dryRun);
        ObjectNode response = AwsJson.object();
        response.put("KeyId", decrypted.keyArn());
        response.put("Plaintext", base64(decrypted.plaintext()));
        response.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return response;
    }

    private JsonNode reEncrypt(JsonInput request, RequestContext context) {
        byte[] blob = KmsInput.requiredBlob(request, "CiphertextBlob", 1, MAX_CIPHERTEXT);
        Map<String, String> sourceContext = KmsInput.context(request, "SourceEncryptionContext");
        String sourceKeyId = KmsInput.keyId(request, "SourceKeyId");
        String destinationKeyId = KmsInput.requiredKeyId(request, "DestinationKeyId");
        Map<String, String> destinationContext = KmsInput.context(request, "DestinationEncryptionContext");
        KmsInput.symmetricAlgorithm(request, "SourceEncryptionAlgorithm");
        KmsInput.symmetricAlgorithm(request, "DestinationEncryptionAlgorithm");
        boolean dryRun = KmsInput.dryRun(request);
        KeyStore store = KmsInput.store(kms, context);
        KmsInput.grantTokens(request, store);
        ReEncrypted moved = store.reEncrypt(blob, sourceContext, sourceKeyId, destinationKeyId, destinationContext);
        refuseDryRun(dryRun);
        ObjectNode response = AwsJson.object();
        response.put("CiphertextBlob", base64(moved.ciphertextBlob()));
        response.put("SourceKeyId", moved.sourceKeyArn());
        response.put("KeyId", moved.keyArn());
        response.put("SourceEncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        response.put("DestinationEncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return response;
    }

    /** GenerateDataKey (with the plaintext) or GenerateDataKeyWithoutPlaintext: exactly one of KeySpec, NumberOfBytes. */
    private JsonNode generateDataKey(JsonInput request, RequestContext context, boolean withPlaintext) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        Map<String, String> encryptionContext = KmsInput.context(request, "EncryptionContext");
        Integer numberOfBytes = request.integer("NumberOfBytes", 1, 1024);
        String spec = KmsInput.enumValue(request, "KeySpec", DATA_KEY_SPECS);
        if (withPlaintext && request.has("Recipient")) {
            throw KmsErrors.unsupported("Recipient (Nitro Enclaves attestation) is not supported by Glaux");
        }
        if ((numberOfBytes == null) == (spec == null)) {
            throw KmsErrors.validation("Please specify either number of bytes or key spec.");
        }
        boolean dryRun = KmsInput.dryRun(request);
        KeyStore store = KmsInput.store(kms, context);
        KmsInput.grantTokens(request, store);
        DataKey dataKey = store.generateDataKey(keyId, encryptionContext,
                spec != null ? DataKeySpec.valueOf(spec).bytes() : numberOfBytes);
        refuseDryRun(dryRun);
        ObjectNode response = AwsJson.object();
        response.put("CiphertextBlob", base64(dataKey.ciphertextBlob()));
        if (withPlaintext) {
            response.put("Plaintext", base64(dataKey.plaintext()));
        }
        response.put("KeyId", dataKey.keyArn());
        return response;
    }

    private JsonNode generateRandom(JsonInput request, RequestContext context) {
        Integer numberOfBytes = request.integer("NumberOfBytes", 1, 1024);
        String customKeyStore = request.string("CustomKeyStoreId", 1, 64);
        if (request.has("Recipient")) {
            throw KmsErrors.unsupported("Recipient (Nitro Enclaves attestation) is not supported by Glaux");
        }
        if (numberOfBytes == null) {
            throw request.violation(null, "NumberOfBytes", "Member must not be null");
        }
        if (customKeyStore != null) {
            throw KmsErrors.customKeyStoreNotFound(customKeyStore);
        }
        return AwsJson.object().put("Plaintext", base64(KmsInput.store(kms, context).generateRandom(numberOfBytes)));
    }

    private static void refuseDryRun(boolean dryRun) {
        if (dryRun) {
            throw KmsErrors.dryRun();
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
