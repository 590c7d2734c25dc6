package io.glaux.kms;

/**
 * What {@link KeyStore#encrypt} gives back.
 *
 * @param ciphertextBlob the ciphertext in Glaux's blob format ({@link CiphertextBlob})
 * @param keyArn the ARN of the key that encrypted it
 */
public record Encrypted(byte[] ciphertextBlob, String keyArn) {
}
