package io.glaux.storage.crypto;

import io.glaux.persist.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SSE-S3's master key: 32 random bytes kept in the data folder ({@code .glaux/sse-s3/master.key}), created the first
 * time an object is encrypted, which wraps every SSE-S3 object's data key with AES-256-GCM (a fresh IV each time; the
 * object's ARN authenticated with it, so a wrapped key only opens its own object).
 */
final class MasterKey {

    private static final int IV_BYTES = 12;

    private final Path file;
    private final boolean sync;
    private final SecureRandom random;
    private SecretKeySpec key;

    MasterKey(Path dataFolder, boolean sync, SecureRandom random) {
        this.file = dataFolder.resolve(".glaux").resolve("sse-s3").resolve("master.key");
        this.sync = sync;
        this.random = random;
    }

    /** IV, wrapped key and tag. */
    byte[] wrap(byte[] dataKey, String objectArn) throws IOException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, objectArn);
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    /** The data key; {@link AEADBadTagException} when the wrapped key is not one this key wrapped for the object. */
    byte[] unwrap(byte[] wrapped, String objectArn) throws IOException, AEADBadTagException {
        if (wrapped.length <= IV_BYTES) {
            throw new AEADBadTagException("the wrapped key is too short");
        }
        try {
            byte[] iv = java.util.Arrays.copyOf(wrapped, IV_BYTES);
            return cipher(Cipher.DECRYPT_MODE, iv, objectArn).doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String objectArn) throws IOException, GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(128, iv));
        cipher.updateAAD(objectArn.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private synchronized SecretKeySpec key() throws IOException {
        if (key == null) {
            byte[] material;
            try {
                material = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                material = new byte[32];
                random.nextBytes(material);
                Files.createDirectories(file.getParent());
                AtomicFiles.write(file, material, sync);
            }
            if (material.length != 32) {
                throw new IOException("SSE-S3's master key (.glaux/sse-s3/master.key in the data folder) is "
                        + material.length + " bytes instead of 32: objects encrypted with it cannot be read");
            }
            key = new SecretKeySpec(material, "AES");
        }
        return key;
    }
}
