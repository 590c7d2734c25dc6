package io.glaux.kms;

/**
 * What {@link KeyStore#reEncrypt} gives back.
 *
 * @param ciphertextBlob the data encrypted under the destination key
 * @param sourceKeyArn the key the given ciphertext was encrypted under
 * @param keyArn the destination key
 */
public record ReEncrypted(byte[] ciphertextBlob, String sourceKeyArn, String keyArn) {
}
