package io.glaux.kms;

/**
 * A data key from {@link KeyStore#generateDataKey}: the key itself (use it, then forget it) and the same key encrypted
 * under the KMS key (store it beside the data; {@link KeyStore#decrypt} gives the key back).
 *
 * @param plaintext the data key's bytes
 * @param ciphertextBlob the data key encrypted under {@code keyArn}, with the encryption context bound to it
 * @param keyArn the ARN of the KMS key that encrypted it
 */
public record DataKey(byte[] plaintext, byte[] ciphertextBlob, String keyArn) {
}
