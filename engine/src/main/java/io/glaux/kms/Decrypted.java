package io.glaux.kms;

/**
 * What {@link KeyStore#decrypt} gives back.
 *
 * @param plaintext the decrypted bytes
 * @param keyArn the ARN of the key the ciphertext was encrypted under
 */
public record Decrypted(byte[] plaintext, String keyArn) {
}
