package io.glaux.aws.auth;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The signatures of an {@code aws-chunked} body signed with {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}:
 * each chunk's signature signs {@code AWS4-HMAC-SHA256-PAYLOAD}, the request's time and scope, the previous
 * signature (the request's own for the first chunk), the hash of nothing and the hash of the chunk's data; the final
 * empty chunk is signed the same way; a trailer's signature signs {@code AWS4-HMAC-SHA256-TRAILER}, the time and
 * scope, the last chunk's signature and the hash of the trailing headers ({@code name:value\n} each). One chain
 * checks one body, in order.
 */
public final class ChunkSignatureChain {

    private static final String EMPTY_HASH = SigV4Crypto.EMPTY_SHA256;

    private final byte[] signingKey;
    private final String timestamp;
    private final String scope;
    private String previous;

    /** A chain seeded with the request's own signature. */
    public ChunkSignatureChain(Seed seed) {
        this.signingKey = seed.signingKey().clone();
        this.timestamp = seed.timestamp();
        this.scope = seed.scope();
        this.previous = seed.seedSignature();
    }

    /**
     * Checks the next chunk's signature given the SHA-256 of its data, and moves on to it.
     *
     * @return whether {@code signature} is the one expected
     */
    public boolean nextChunk(byte[] dataSha256, String signature) {
        String expected = sign("AWS4-HMAC-SHA256-PAYLOAD\n" + timestamp + "\n" + scope + "\n" + previous + "\n"
                + EMPTY_HASH + "\n" + HexFormat.of().formatHex(dataSha256));
        previous = expected;
        return SigV4Crypto.sameSignature(expected, signature);
    }

    /** Checks the trailer's signature, given the trailing headers as signed ({@code name:value\n} each). */
    public boolean trailer(String canonicalTrailers, String signature) {
        String expected = sign("AWS4-HMAC-SHA256-TRAILER\n" + timestamp + "\n" + scope + "\n" + previous + "\n"
                + SigV4Crypto.sha256Hex(canonicalTrailers.getBytes(StandardCharsets.UTF_8)));
        previous = expected;
        return SigV4Crypto.sameSignature(expected, signature);
    }

    private String sign(String stringToSign) {
        return HexFormat.of().formatHex(SigV4Crypto.hmacSha256(signingKey, stringToSign));
    }

    /**
     * What a verified request hands on to its body's chunks.
     *
     * @param signingKey the request's signing key
     * @param timestamp its signing time, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param scope its credential scope
     * @param seedSignature its own signature, the first chunk's "previous"
     * @param trailer whether the body ends with signed trailing headers ({@code ...-PAYLOAD-TRAILER})
     */
    public record Seed(byte[] signingKey, String timestamp, String scope, String seedSignature, boolean trailer) {
    }
}
