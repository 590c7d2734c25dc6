package io.glaux.connectors.federation;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/**
 * Spilled blocks as the SDK's AesGcmBlockCrypto writes them: AES-GCM with the split's EncryptionKey (a 256-bit key
 * and a 12-byte nonce), a 128-bit tag after the ciphertext. A split without a key spills in the clear.
 */
final class SpillCrypto {

    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;

    private SpillCrypto() {
    }

    static byte[] decrypt(byte[] key, byte[] nonce, byte[] encrypted) throws GeneralSecurityException {
        if (nonce.length != NONCE_BYTES) {
            throw new GeneralSecurityException("the nonce has " + nonce.length + " bytes, not " + NONCE_BYTES);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher.doFinal(encrypted);
    }
}
