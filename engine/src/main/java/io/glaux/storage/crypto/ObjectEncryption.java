package io.glaux.storage.crypto;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How an object is (to be) encrypted at rest, as S3 names it. A writer asks with {@link #sseS3()} or
 * {@link #sseKms(String, Map)}; the {@link EncryptingStore} keeps the sealed form with the object: the KMS key's ARN,
 * the encryption context the data key is bound to, the data key wrapped by its key ({@code wrappedKey}, base64) and
 * the plaintext size of the AES-256-GCM segments the body is cut into ({@code segmentSize}).
 *
 * @param algorithm {@value #AES256} (SSE-S3) or {@value #AWS_KMS} (SSE-KMS)
 * @param kmsKeyId SSE-KMS: the key asked for (id, ARN or alias; null: {@code alias/aws/s3}); once sealed, its ARN
 * @param context SSE-KMS: the encryption context beyond S3's own {@code aws:s3:arn} (when asked for), or all of it
 *     (once sealed)
 * @param wrappedKey the data key wrapped by the master key or the KMS key, base64; null until sealed
 * @param segmentSize plaintext bytes per segment; 0 until sealed
 */
public record ObjectEncryption(String algorithm, String kmsKeyId, Map<String, String> context, String wrappedKey,
        int segmentSize) {

    public static final String AES256 = "AES256";
    public static final String AWS_KMS = "aws:kms";

    public ObjectEncryption {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.equals(AES256) && !algorithm.equals(AWS_KMS)) {
            throw new IllegalArgumentException("Server-side encryption is AES256 or aws:kms, not " + algorithm);
        }
        context = context == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(context));
    }

    /** SSE-S3: a data key per object, wrapped by Glaux's master key. */
    public static ObjectEncryption sseS3() {
        return new ObjectEncryption(AES256, null, Map.of(), null, 0);
    }

    /** SSE-KMS under {@code keyId} (null: the AWS managed key {@code alias/aws/s3}), with extra context. */
    public static ObjectEncryption sseKms(String keyId, Map<String, String> context) {
        return new ObjectEncryption(AWS_KMS, keyId, context, null, 0);
    }

    /** Whether a KMS key protects the data key. */
    public boolean usesKms() {
        return algorithm.equals(AWS_KMS);
    }

    /** The request this encryption was made from, for writing another object the same way (a copy, a rewrite). */
    public ObjectEncryption asRequest() {
        return new ObjectEncryption(algorithm, kmsKeyId, usesKms() ? withoutS3Arn(context) : Map.of(), null, 0);
    }

    private static Map<String, String> withoutS3Arn(Map<String, String> context) {
        Map<String, String> rest = new TreeMap<>(context);
        rest.remove(EnvelopeKeys.S3_ARN_CONTEXT);
        return rest;
    }
}
