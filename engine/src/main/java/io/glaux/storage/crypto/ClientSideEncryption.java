package io.glaux.storage.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.kms.DataKey;
import io.glaux.storage.NoSuchObjectException;
import io.glaux.storage.ObjectInfo;
import io.glaux.storage.ObjectMetadata;
import io.glaux.storage.ObjectStore;
import io.glaux.storage.ObjectUpload;
import io.glaux.storage.S3Location;
import io.glaux.storage.StoredObject;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client-side encryption with a KMS key (Athena's {@code CSE_KMS}), in the envelope the Amazon S3 Encryption Client
 * (v2) writes and reads, so any client that reads such objects reads Glaux's: the body is the whole object encrypted
 * with AES-256-GCM under a fresh data key (the 16-byte tag appended), and the object's user metadata carries the
 * envelope: {@code x-amz-key-v2} (the data key as KMS wrapped it, base64), {@code x-amz-iv} (the 12-byte IV, base64),
 * {@code x-amz-matdesc} (the encryption context the data key is bound to, JSON, with
 * {@code "aws:x-amz-cek-alg": "AES/GCM/NoPadding"}), {@code x-amz-wrap-alg} {@code kms+context},
 * {@code x-amz-cek-alg} {@code AES/GCM/NoPadding} and {@code x-amz-tag-len} {@code 128}.
 *
 * <p>The store keeps such an object as it gets it (its bytes are ciphertext already); reading it back needs
 * {@code kms:Decrypt} on the key, asked of the reader ({@link KeyUser}) or of Glaux itself. A read from the start
 * decrypts and authenticates the whole body; a read from an offset decrypts from there with the same key stream
 * (AES-CTR at the GCM counter of that block), as the encryption client does for ranged gets.
 */
public final class ClientSideEncryption {

    public static final String KEY = "x-amz-key-v2";
    public static final String IV = "x-amz-iv";
    public static final String MATERIALS = "x-amz-matdesc";
    public static final String WRAP_ALGORITHM = "x-amz-wrap-alg";
    public static final String CONTENT_ALGORITHM = "x-amz-cek-alg";
    public static final String TAG_LENGTH = "x-amz-tag-len";
    static final String KMS_CONTEXT = "kms+context";
    static final String AES_GCM = "AES/GCM/NoPadding";
    /** The encryption-context entry the v2 client binds the content algorithm with. */
    static final String CEK_CONTEXT = "aws:x-amz-cek-alg";
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final int IV_BYTES = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataKeys keys;
    private final SecureRandom random;

    public ClientSideEncryption(DataKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** Whether an object's metadata carries a client-side envelope. */
    public static boolean isEnvelope(ObjectMetadata metadata) {
        return metadata != null && metadata.userMetadata().containsKey(KEY)
                && metadata.userMetadata().containsKey(IV);
    }

    /**
     * Starts writing {@code bucket/key} encrypted under {@code kmsKey} (id, ARN or alias): the data key is generated
     * now, as {@code user} (null: Glaux itself), so a refusal comes before any byte is written.
     */
    public ObjectUpload startUpload(ObjectStore store, String bucket, String key, ObjectMetadata metadata,
            String kmsKey, KeyUser user) throws IOException {
        Map<String, String> context = Map.of(CEK_CONTEXT, AES_GCM);
        DataKey dataKey = keys.generate(kmsKey, context, user);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = cipher(Cipher.ENCRYPT_MODE, dataKey.plaintext(), new GCMParameterSpec(TAG_BITS, iv));
        Map<String, String> envelope = new TreeMap<>(metadata.userMetadata());
        envelope.put(KEY, Base64.getEncoder().encodeToString(dataKey.ciphertextBlob()));
        envelope.put(IV, Base64.getEncoder().encodeToString(iv));
        envelope.put(MATERIALS, JSON.writeValueAsString(new TreeMap<>(context)));
        envelope.put(WRAP_ALGORITHM, KMS_CONTEXT);
        envelope.put(CONTENT_ALGORITHM, AES_GCM);
        envelope.put(TAG_LENGTH, Integer.toString(TAG_BITS));
        ObjectMetadata sealed = new ObjectMetadata(metadata.contentType(), metadata.contentEncoding(),
                metadata.contentDisposition(), metadata.contentLanguage(), metadata.cacheControl(), metadata.expires(),
                envelope, Map.of(), metadata.tags());
        return new EncryptingUpload(store.startUpload(bucket, key, sealed), cipher);
    }

    /**
     * The plaintext of {@code bucket/key} from {@code offset} on: decrypted as {@code user} (null: Glaux itself) when
     * the object is a client-side envelope, read as stored otherwise.
     */
    public InputStream open(ObjectStore store, String bucket, String key, long offset, KeyUser user)
            throws IOException {
        StoredObject stored = store.stat(bucket, key).orElseThrow(() -> new NoSuchObjectException(bucket, key));
        Map<String, String> envelope = stored.metadata().userMetadata();
        if (!isEnvelope(stored.metadata())) {
            return store.get(bucket, key, offset, -1);
        }
        S3Location location = new S3Location(bucket, key);
        if (!KMS_CONTEXT.equals(envelope.get(WRAP_ALGORITHM)) || !AES_GCM.equals(envelope.get(CONTENT_ALGORITHM))) {
            throw new IOException("The object " + location + " is encrypted client-side with "
                    + envelope.get(WRAP_ALGORITHM) + " / " + envelope.get(CONTENT_ALGORITHM) + "; Glaux reads "
                    + KMS_CONTEXT + " / " + AES_GCM + " envelopes only");
        }
        byte[] wrapped;
        byte[] iv;
        Map<String, String> context;
        try {
            wrapped = Base64.getDecoder().decode(envelope.get(KEY));
            iv = Base64.getDecoder().decode(envelope.get(IV));
            context = JSON.readValue(envelope.getOrDefault(MATERIALS, "{}"), new TypeReference<HashMap<String,
                    String>>() { });
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new ObjectIntegrityException(location, "its client-side envelope is malformed: " + e.getMessage());
        }
        if (iv.length != IV_BYTES) {
            throw new ObjectIntegrityException(location, "its client-side IV is " + iv.length + " bytes, not 12");
        }
        byte[] dataKey = keys.decrypt(wrapped, null, context, user);
        long cipherBytes = stored.info().size() - TAG_BYTES;
        if (cipherBytes < 0) {
            throw new ObjectIntegrityException(location, "it is shorter than its authentication tag");
        }
        if (offset <= 0) {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
            return new AuthenticatedStream(new CipherInputStream(store.get(bucket, key, 0, -1), cipher), location);
        }
        if (offset >= cipherBytes) {
            return InputStream.nullInputStream();
        }
        long block = offset / 16;
        Cipher ctr = cipher(Cipher.DECRYPT_MODE, dataKey, new IvParameterSpec(counterBlock(iv, block)),
                "AES/CTR/NoPadding");
        InputStream plain = new CipherInputStream(store.get(bucket, key, block * 16, cipherBytes - block * 16), ctr);
        plain.skipNBytes(offset - block * 16);
        return plain;
    }

    /** GCM's counter block for ciphertext block {@code block}: the IV, then 2 + block (J0 + 1 is the first). */
    private static byte[] counterBlock(byte[] iv, long block) {
        byte[] counter = new byte[16];
        System.arraycopy(iv, 0, counter, 0, IV_BYTES);
        int value = (int) (2 + block);
        counter[12] = (byte) (value >>> 24);
        counter[13] = (byte) (value >>> 16);
        counter[14] = (byte) (value >>> 8);
        counter[15] = (byte) value;
        return counter;
    }

    private static Cipher cipher(int mode, byte[] key, java.security.spec.AlgorithmParameterSpec parameters) {
        return cipher(mode, key, parameters, AES_GCM);
    }

    private static Cipher cipher(int mode, byte[] key, java.security.spec.AlgorithmParameterSpec parameters,
            String transformation) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(mode, new SecretKeySpec(key, "AES"), parameters);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is missing from this Java runtime", e);
        }
    }

    /** An upload whose bytes are encrypted on their way; the tag is written when it is committed. */
    private static final class EncryptingUpload extends ObjectUpload {

        private final ObjectUpload upload;
        private final Cipher cipher;

        EncryptingUpload(ObjectUpload upload, Cipher cipher) {
            this.upload = upload;
            this.cipher = cipher;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            byte[] out = cipher.update(bytes, offset, length);
            if (out != null) {
                upload.write(out);
            }
        }

        @Override
        public void flush() throws IOException {
            upload.flush();
        }

        @Override
        public ObjectInfo commit(String etag) throws IOException {
            try {
                upload.write(cipher.doFinal());
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not finish the client-side encryption: " + e.getMessage(), e);
            }
            return upload.commit(null);
        }

        @Override
        public void close() throws IOException {
            upload.close();
        }
    }

    /** Turns a tag that does not verify at the end of the body into Glaux's integrity error. */
    private static final class AuthenticatedStream extends java.io.FilterInputStream {

        private final S3Location location;

        AuthenticatedStream(InputStream in, S3Location location) {
            super(in);
            this.location = location;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof javax.crypto.AEADBadTagException) {
                    return new ObjectIntegrityException(location, "its client-side authentication tag does not"
                            + " verify");
                }
            }
            return e;
        }
    }
}
