package io.glaux.aws.auth;

import io.glaux.aws.auth.AuthenticationFailure.Kind;
import io.glaux.iam.CredentialStore;
import io.glaux.iam.Principal;
import io.glaux.iam.SigningCredentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request into its {@link Principal}, the one authentication step in front of every service.
 *
 * <p>Enforcement off (the default): no signature is checked; the access key the request names is looked up, and a
 * known, active key is its principal, anything else (an unknown key, an unsigned request) the account's root.
 *
 * <p>Enforcement on: the SigV4 signature is verified against the key's secret ({@link SigV4Verifier}); an unknown or
 * Inactive key, a temporary key without its session token or with another, an expired temporary key, a wrong
 * signature, a signing time more than 15 minutes from the server's clock and an expired presigned URL are each an
 * {@link AuthenticationFailure} of its own kind. An unsigned request is refused (MISSING), except by S3, where it is
 * the anonymous principal (a bucket policy may allow it). SigV2, which only old S3 clients still speak, is refused
 * (UNSUPPORTED).
 */
public final class Authenticator {

    /** How far a request's signing time may be from the server's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    private static final Pattern SIGV2 = Pattern.compile("AWS ([^:\\s]+):.*");
    private static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    private static final String STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

    private final CredentialStore store;
    private final boolean enforce;
    private final String accountId;
    private final Clock clock;

    public Authenticator(CredentialStore store, boolean enforce, String accountId, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.enforce = enforce;
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Enforcement off, over a store that knows only the root key {@code test}/{@code test}. */
    public static Authenticator lenient(String accountId) {
        return new Authenticator(FixedCredentialStore.rootKey(accountId), false, accountId, Clock.systemUTC());
    }

    public boolean enforcing() {
        return enforce;
    }

    public String accountId() {
        return accountId;
    }

    /**
     * Authenticates a request to a service other than S3, whose body the protocol has read: its signature covers
     * the SHA-256 of {@code body} and the path as the SDKs sign it for those services.
     *
     * @throws AuthenticationFailure with enforcement on, when the request cannot be authenticated
     */
    public Authentication authenticate(SignedRequest request, byte[] body) {
        return authenticate(request, false, () -> SigV4Crypto.sha256Hex(body == null ? new byte[0] : body));
    }

    /**
     * Authenticates an S3 request, whose body has not been read: its signature covers the
     * {@code x-amz-content-sha256} header's value ({@code UNSIGNED-PAYLOAD} for a presigned URL), which the body is
     * checked against as it streams. An unsigned request is the anonymous principal with enforcement on.
     *
     * @throws AuthenticationFailure with enforcement on, when the request cannot be authenticated
     */
    public Authentication authenticateS3(SignedRequest request) {
        return authenticate(request, true, null);
    }

    private Authentication authenticate(SignedRequest request, boolean s3, PayloadHash bodyHash) {
        String sigV2Key = sigV2Key(request);
        boolean sigV4 = SigV4Signature.present(request);
        if (!enforce) {
            String key = sigV4 ? lenientKey(request) : sigV2Key;
            Principal principal = Optional.ofNullable(key).flatMap(store::find).filter(SigningCredentials::active)
                    .map(SigningCredentials::principal).orElseGet(() -> Principal.root(accountId));
            return new Authentication(principal, key, false, null);
        }
        if (!sigV4 && sigV2Key != null) {
            throw AuthenticationFailure.of(Kind.UNSUPPORTED, "The authorization mechanism you have provided is not"
                    + " supported. Please use AWS4-HMAC-SHA256.").accessKeyId(sigV2Key).build();
        }
        if (!sigV4) {
            if (s3 && request.header("Authorization") == null) {
                return new Authentication(Principal.anonymous(), null, true, null);
            }
            throw AuthenticationFailure.of(Kind.MISSING, null).build();
        }
        SigV4Signature signature = SigV4Signature.of(request);
        SigningCredentials credentials = credentialsOf(signature);
        String payloadHash = s3 ? s3PayloadHash(request, signature) : bodyHash.get();
        SigV4Verifier verifier = s3 ? SigV4Verifier.s3() : SigV4Verifier.service();
        SigV4Verifier.Verification verification = verifier.verify(request, signature,
                credentials.secretAccessKey(), payloadHash);
        if (!verification.matches()) {
            throw AuthenticationFailure.of(Kind.SIGNATURE_MISMATCH, null).presigned(signature.presigned())
                    .accessKeyId(signature.accessKeyId()).signature(signature.signature(),
                            verification.canonicalRequest(), verification.stringToSign()).build();
        }
        checkTime(signature);
        ChunkSignatureChain.Seed chunks = null;
        if (s3 && (payloadHash.equals(STREAMING_SIGNED) || payloadHash.equals(STREAMING_SIGNED_TRAILER))) {
            chunks = new ChunkSignatureChain.Seed(verification.signingKey(), signature.timestamp(), signature.scope(),
                    verification.expectedSignature(), payloadHash.equals(STREAMING_SIGNED_TRAILER));
        }
        return new Authentication(credentials.principal(), signature.accessKeyId(), true, chunks);
    }

    /** The key's credentials, checked for being known, active, unexpired and sent with their session token. */
    private SigningCredentials credentialsOf(SigV4Signature signature) {
        SigningCredentials credentials = store.find(signature.accessKeyId()).filter(SigningCredentials::active)
                .orElse(null);
        if (credentials == null || credentials.sessionToken() != null && signature.securityToken() == null) {
            throw failure(Kind.UNKNOWN_KEY, signature);
        }
        if (credentials.sessionToken() != null && !credentials.sessionToken().equals(signature.securityToken())) {
            throw failure(Kind.INVALID_TOKEN, signature);
        }
        if (credentials.expiredAt(clock.instant())) {
            throw failure(Kind.EXPIRED_TOKEN, signature);
        }
        return credentials;
    }

    private void checkTime(SigV4Signature signature) {
        Instant now = clock.instant();
        Instant signedAt = signature.signedAt();
        if (signature.presigned()) {
            Instant expires = signedAt.plusSeconds(signature.expiresSeconds());
            if (now.isAfter(expires)) {
                throw AuthenticationFailure.of(Kind.PRESIGNED_EXPIRED, "Request has expired").presigned(true)
                        .accessKeyId(signature.accessKeyId()).times(signature.timestamp(), now)
                        .expiry(expires, signature.expiresSeconds()).build();
            }
        } else if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw skewed(signature, now, "Signature expired: " + signature.timestamp() + " is now earlier than "
                    + format(now.minus(MAX_SKEW)) + " (" + format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw skewed(signature, now, "Signature not yet current: " + signature.timestamp()
                    + " is still later than " + format(now.plus(MAX_SKEW)) + " (" + format(now) + " + 15 min.)");
        }
    }

    private static AuthenticationFailure skewed(SigV4Signature signature, Instant now, String message) {
        return AuthenticationFailure.of(Kind.SKEWED, message).presigned(signature.presigned())
                .accessKeyId(signature.accessKeyId()).times(signature.timestamp(), now).build();
    }

    private static String format(Instant instant) {
        return SigV4Signature.AMZ_DATE.format(instant);
    }

    private static String s3PayloadHash(SignedRequest request, SigV4Signature signature) {
        if (signature.presigned()) {
            return "UNSIGNED-PAYLOAD";
        }
        String hash = request.header("x-amz-content-sha256");
        if (hash == null) {
            throw AuthenticationFailure.of(Kind.MALFORMED, "Missing required header for this request:"
                    + " x-amz-content-sha256").accessKeyId(signature.accessKeyId()).build();
        }
        return hash;
    }

    private AuthenticationFailure failure(Kind kind, SigV4Signature signature) {
        return AuthenticationFailure.of(kind, null).presigned(signature.presigned())
                .accessKeyId(signature.accessKeyId()).times(signature.timestamp(), clock.instant()).build();
    }

    /** The access key a SigV4 request names, read without judging the rest of its signature. */
    private static String lenientKey(SignedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            Matcher matcher = CREDENTIAL.matcher(authorization);
            return matcher.find() ? matcher.group(1) : null;
        }
        String credential = request.queryParameter("X-Amz-Credential");
        if (credential == null) {
            return null;
        }
        int slash = credential.indexOf('/');
        return slash < 0 ? credential : credential.substring(0, slash);
    }

    /** The access key of a SigV2 request ({@code Authorization: AWS key:signature}, {@code AWSAccessKeyId=}). */
    private static String sigV2Key(SignedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            Matcher matcher = SIGV2.matcher(authorization);
            return matcher.matches() ? matcher.group(1) : null;
        }
        return request.queryParameter("AWSAccessKeyId");
    }

    @FunctionalInterface
    private interface PayloadHash {
        String get();
    }
}
