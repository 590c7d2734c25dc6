package io.glaux.aws.auth;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Verifies an AWS Signature Version 4: computes the canonical request and string to sign of a request as its
 * signature says it was signed, derives the signing key from the secret
 * ({@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}) and compares the
 * signature. Which headers are signed, and the payload hash, come from the caller: S3 signs its
 * {@code x-amz-content-sha256} header's value, other services the SHA-256 of the body. Times are not judged here
 * (the {@link Authenticator} does that), only the signature.
 */
public final class SigV4Verifier {

    /** Whether the path is signed as sent (S3) or normalized and encoded again (every other service). */
    private final CanonicalRequest.PathStyle style;

    private SigV4Verifier(CanonicalRequest.PathStyle style) {
        this.style = style;
    }

    /** S3's rules: the canonical URI is the path as sent. */
    public static SigV4Verifier s3() {
        return new SigV4Verifier(CanonicalRequest.PathStyle.AS_SENT);
    }

    /** Every other service's rules: the canonical URI's segments are encoded again. */
    public static SigV4Verifier service() {
        return new SigV4Verifier(CanonicalRequest.PathStyle.NORMALIZED_ENCODED_AGAIN);
    }

    /** Whether {@code signature} is what {@code secret} gives for {@code request} with {@code payloadHash}. */
    public Verification verify(SignedRequest request, SigV4Signature signature, String secret, String payloadHash) {
        String canonical = CanonicalRequest.of(request, signature, payloadHash, style);
        String toSign = CanonicalRequest.stringToSign(signature, canonical);
        byte[] key = signingKey(secret, signature.scopeDate(), signature.region(), signature.service());
        String expected = HexFormat.of().formatHex(SigV4Crypto.hmacSha256(key, toSign));
        return new Verification(SigV4Crypto.sameSignature(expected, signature.signature()), canonical, toSign,
                expected, key);
    }

    /** The signing key of a secret for one day, region and service. */
    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = SigV4Crypto.hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = SigV4Crypto.hmacSha256(key, region);
        key = SigV4Crypto.hmacSha256(key, service);
        return SigV4Crypto.hmacSha256(key, "aws4_request");
    }

    /**
     * The outcome of a check.
     *
     * @param matches whether the signature sent is the one computed
     * @param canonicalRequest the canonical request computed (S3 echoes it in SignatureDoesNotMatch)
     * @param stringToSign the string to sign computed
     * @param expectedSignature the signature computed
     * @param signingKey the signing key, which also signs an aws-chunked body's chunks
     */
    public record Verification(boolean matches, String canonicalRequest, String stringToSign,
            String expectedSignature, byte[] signingKey) {
    }
}
