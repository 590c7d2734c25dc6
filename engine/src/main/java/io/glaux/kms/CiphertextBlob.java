package io.glaux.kms;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Glaux's ciphertext blob: what Encrypt and GenerateDataKey answer and Decrypt takes. Like AWS's, it names the key
 * that made it, so Decrypt needs no KeyId. Layout (big-endian):
 *
 * <pre>
 *   1 byte   version (1)
 *  16 bytes  the key id (a UUID's two longs)
 *  12 bytes  the AES-GCM IV (random per blob)
 *   n bytes  AES-256-GCM ciphertext of the plaintext, followed by its 16-byte tag
 * </pre>
 *
 * The additional authenticated data is the 29-byte header followed by the encryption context in a canonical form
 * (pairs sorted by key, each key and value as a 4-byte length and its UTF-8 bytes), so a blob opened with another
 * context, or whose header or body was changed, fails its tag check.
 */
final class CiphertextBlob {

    static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + 16 + IV_BYTES;
    /** The shortest blob: a header and the tag of an empty plaintext. */
    private static final int MIN_BYTES = HEADER_BYTES + TAG_BITS / 8;

    private CiphertextBlob() {
    }

    /** Encrypts {@code plaintext} under {@code material} (32 bytes), binding {@code context} to it. */
    static byte[] seal(byte[] material, UUID keyId, byte[] plaintext, Map<String, String> context,
            SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(VERSION).putLong(keyId.getMostSignificantBits())
                .putLong(keyId.getLeastSignificantBits()).put(iv).array();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, material, iv);
            cipher.updateAAD(aad(header, context));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(header).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The id of the key a blob names; an InvalidCiphertextException for anything that is not a blob of this format. */
    static UUID keyIdOf(byte[] blob) {
        if (blob == null || blob.length < MIN_BYTES || blob[0] != VERSION) {
            throw invalid();
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob, 1, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** Decrypts a blob of the key whose material is given; a changed blob or another context is invalid. */
    static byte[] open(byte[] material, byte[] blob, Map<String, String> context) {
        keyIdOf(blob);
        byte[] header = Arrays.copyOf(blob, HEADER_BYTES);
        byte[] iv = Arrays.copyOfRange(blob, 1 + 16, HEADER_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, material, iv);
            cipher.updateAAD(aad(header, context));
            return cipher.doFinal(blob, HEADER_BYTES, blob.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw invalid();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static Cipher cipher(int mode, byte[] material, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(material, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return cipher;
    }

    /** The header, then the context's pairs sorted by key, each string length-prefixed. */
    private static byte[] aad(byte[] header, Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (Map.Entry<String, String> pair : new TreeMap<>(context == null ? Map.of() : context).entrySet()) {
            writeString(out, pair.getKey());
            writeString(out, pair.getValue());
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static KmsException invalid() {
        return new KmsException(KmsException.Code.INVALID_CIPHERTEXT,
                "The ciphertext is not valid: it was not made by this key service, was changed, or was made with"
                        + " another encryption context");
    }
}
