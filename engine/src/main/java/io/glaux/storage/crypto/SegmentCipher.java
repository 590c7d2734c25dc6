package io.glaux.storage.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one segment of an object with the object's data key. Each segment has a fresh random IV, and its
 * index and whether it is the last are authenticated with it, so a segment moved, dropped, repeated or cut off at
 * the end is refused like a changed byte.
 */
final class SegmentCipher {

    private final SecretKeySpec key;
    private final SecureRandom random;

    SegmentCipher(byte[] dataKey, SecureRandom random) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("A data key for AES-256 is 32 bytes, not " + dataKey.length);
        }
        this.key = new SecretKeySpec(dataKey, "AES");
        this.random = random;
    }

    /** IV, ciphertext and tag of {@code length} plaintext bytes as segment {@code index}. */
    byte[] seal(long index, boolean last, byte[] plain, int length) {
        byte[] iv = new byte[SegmentLayout.IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(SegmentLayout.TAG_BYTES * 8, iv));
            cipher.updateAAD(aad(index, last));
            byte[] out = new byte[SegmentLayout.IV_BYTES + length + SegmentLayout.TAG_BYTES];
            System.arraycopy(iv, 0, out, 0, iv.length);
            cipher.doFinal(plain, 0, length, out, SegmentLayout.IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    /**
     * The plaintext of a stored segment.
     *
     * @throws AEADBadTagException when the segment is not the one sealed as {@code index} (changed, moved, cut off)
     */
    byte[] open(long index, boolean last, byte[] stored, int length) throws AEADBadTagException {
        if (length < SegmentLayout.OVERHEAD) {
            throw new AEADBadTagException("segment " + index + " is shorter than its IV and tag");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(SegmentLayout.TAG_BYTES * 8, stored, 0,
                    SegmentLayout.IV_BYTES));
            cipher.updateAAD(aad(index, last));
            return cipher.doFinal(stored, SegmentLayout.IV_BYTES, length - SegmentLayout.IV_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    private static byte[] aad(long index, boolean last) {
        return ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array();
    }
}
