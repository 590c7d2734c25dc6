package io.glaux.aws.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a request could not be authenticated, in terms every protocol can answer in its own words (AWS JSON's
 * {@code UnrecognizedClientException}, S3's {@code InvalidAccessKeyId}, the query protocol's
 * {@code InvalidClientTokenId}, ...). The message is the detail AWS puts in its answer where the wording depends on
 * the request (a malformed header, the times of a skewed signature); the other fields are what S3 echoes back.
 */
public final class AuthenticationFailure extends RuntimeException {

    /** The kinds of failure AWS tells apart. */
    public enum Kind {
        /** No signature at all where one is required. */
        MISSING,
        /** A signature whose header or query parameters are incomplete or malformed. */
        MALFORMED,
        /** A signature scheme Glaux does not verify (SigV2, SigV4a). */
        UNSUPPORTED,
        /** An access key no one has, or one set Inactive, or a temporary key sent without its session token. */
        UNKNOWN_KEY,
        /** A temporary key sent with a session token that is not its own. */
        INVALID_TOKEN,
        /** A temporary key past its expiration. */
        EXPIRED_TOKEN,
        /** The signature is not the one the key's secret gives. */
        SIGNATURE_MISMATCH,
        /** The signing time is more than 15 minutes away from the server's clock. */
        SKEWED,
        /** A presigned URL used after {@code X-Amz-Date + X-Amz-Expires}. */
        PRESIGNED_EXPIRED
    }

    private final Kind kind;
    private final boolean presigned;
    private final String accessKeyId;
    private final String signatureProvided;
    private final String canonicalRequest;
    private final String stringToSign;
    private final String requestTime;
    private final Instant serverTime;
    private final Instant expires;
    private final Long expiresSeconds;

    private AuthenticationFailure(Builder builder) {
        super(builder.message);
        this.kind = Objects.requireNonNull(builder.kind);
        this.presigned = builder.presigned;
        this.accessKeyId = builder.accessKeyId;
        this.signatureProvided = builder.signatureProvided;
        this.canonicalRequest = builder.canonicalRequest;
        this.stringToSign = builder.stringToSign;
        this.requestTime = builder.requestTime;
        this.serverTime = builder.serverTime;
        this.expires = builder.expires;
        this.expiresSeconds = builder.expiresSeconds;
    }

    /** A failure of {@code kind} described by {@code message} (null when AWS's fixed wording says it all). */
    public static Builder of(Kind kind, String message) {
        return new Builder(kind, message);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the signature came in the query string (a presigned URL) rather than the Authorization header. */
    public boolean presigned() {
        return presigned;
    }

    /** The access key the request named, or null. */
    public String accessKeyId() {
        return accessKeyId;
    }

    public String signatureProvided() {
        return signatureProvided;
    }

    /** The canonical request the server computed (SIGNATURE_MISMATCH), or null. */
    public String canonicalRequest() {
        return canonicalRequest;
    }

    /** The string to sign the server computed (SIGNATURE_MISMATCH), or null. */
    public String stringToSign() {
        return stringToSign;
    }

    /** The request's signing time as sent ({@code 20150830T123600Z}), or null. */
    public String requestTime() {
        return requestTime;
    }

    /** The server's time when it refused the request. */
    public Instant serverTime() {
        return serverTime;
    }

    /** When a presigned URL stopped working (PRESIGNED_EXPIRED), or null. */
    public Instant expires() {
        return expires;
    }

    /** A presigned URL's {@code X-Amz-Expires} (PRESIGNED_EXPIRED), or null. */
    public Long expiresSeconds() {
        return expiresSeconds;
    }

    @Override
    public String toString() {
        return "AuthenticationFailure[" + kind + (getMessage() == null ? "" : ": " + getMessage()) + "]";
    }

    /** The details of a failure, set by the check that found it. */
    public static final class Builder {
        private final Kind kind;
        private final String message;
        private boolean presigned;
        private String accessKeyId;
        private String signatureProvided;
        private String canonicalRequest;
        private String stringToSign;
        private String requestTime;
        private Instant serverTime;
        private Instant expires;
        private Long expiresSeconds;

        private Builder(Kind kind, String message) {
            this.kind = kind;
            this.message = message;
        }

        public Builder presigned(boolean value) {
            this.presigned = value;
            return this;
        }

        public Builder accessKeyId(String value) {
            this.accessKeyId = value;
            return this;
        }

        public Builder signature(String provided, String canonical, String toSign) {
            this.signatureProvided = provided;
            this.canonicalRequest = canonical;
            this.stringToSign = toSign;
            return this;
        }

        public Builder times(String request, Instant server) {
            this.requestTime = request;
            this.serverTime = server;
            return this;
        }

        public Builder expiry(Instant at, long seconds) {
            this.expires = at;
            this.expiresSeconds = seconds;
            return this;
        }

        public AuthenticationFailure build() {
            return new AuthenticationFailure(this);
        }
    }
}
