package io.glaux.aws.protocol;

import io.glaux.aws.auth.Authentication;
import io.glaux.aws.auth.AuthenticationFailure;
import io.glaux.aws.auth.Authenticator;
import io.glaux.aws.auth.SignedRequest;
import io.glaux.iam.Principal;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authentication step every protocol calls before it dispatches a request, and the builder of each request's
 * {@link RequestContext}. A protocol first takes the request's {@linkplain #of context} (its id, region and
 * endpoint, which even a refusal is answered with), reads the body, then {@linkplain #authenticate authenticates}
 * it: the {@link Authenticator} verifies the signature (when enforcing) and names the caller, or the failure is
 * answered as the protocol's {@link AuthenticationErrors} shape it. S3, whose bodies stream, authenticates with
 * {@link #authenticateS3} and maps failures itself.
 */
public final class CallerIdentity {

    /** The account Glaux plays unless configured otherwise. */
    public static final String DEFAULT_ACCOUNT_ID = "000000000000";
    /** The region of unsigned requests. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern SCOPE = Pattern.compile(
            "Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final Authenticator authenticator;

    /** Enforcement off, the account's root key {@code test}/{@code test} known: any caller is let in. */
    public CallerIdentity(String accountId) {
        this(Authenticator.lenient(requireAccount(accountId)));
    }

    public CallerIdentity(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        requireAccount(authenticator.accountId());
    }

    private static String requireAccount(String accountId) {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, not '" + accountId + "'");
        }
        return accountId;
    }

    public String accountId() {
        return authenticator.accountId();
    }

    /** Whether signatures are verified. */
    public boolean enforcing() {
        return authenticator.enforcing();
    }

    /**
     * The context of a request to {@code service} before it is authenticated: its id, region, access key and
     * endpoint, with the anonymous principal. Use it to answer a refusal that comes before authentication (a body
     * too large), and hand it to {@link #authenticate} for the caller.
     */
    public RequestContext of(HttpServletRequest request, String service) {
        String authorization = request.getHeader("Authorization");
        String credential = authorization != null ? authorization : request.getParameter("X-Amz-Credential") == null
                ? null : "Credential=" + request.getParameter("X-Amz-Credential");
        String accessKey = null;
        String region = DEFAULT_REGION;
        if (credential != null) {
            Matcher matcher = SCOPE.matcher(credential);
            if (matcher.find()) {
                accessKey = matcher.group(1);
                region = matcher.group(2);
            }
        }
        String host = request.getHeader("Host");
        String endpoint = request.getScheme() + "://" + (host != null ? host
                : request.getServerName() + ":" + request.getServerPort());
        return new RequestContext(service, accountId(), region, accessKey, Principal.anonymous(),
                UUID.randomUUID().toString(), endpoint, GlobalConditionKeys.of(request));
    }

    /**
     * Authenticates a request whose body the protocol has read (every service but S3): the signature covers the
     * body's SHA-256.
     *
     * @param context the request's context from {@link #of}
     * @param body the body's bytes as received (empty when none)
     * @param errors how the protocol answers a failure
     * @return the context with the caller's principal
     * @throws ServiceError the failure, shaped by {@code errors}
     */
    public RequestContext authenticate(RequestContext context, HttpServletRequest request, byte[] body,
            AuthenticationErrors errors) {
        try {
            return context.withPrincipal(authenticator.authenticate(SignedRequest.of(request), body).principal());
        } catch (AuthenticationFailure failure) {
            throw errors.toError(failure);
        }
    }

    /**
     * Authenticates an S3 request before its body is read; the result carries what checks an aws-chunked body's
     * chunk signatures.
     *
     * @throws AuthenticationFailure when the request cannot be authenticated (S3 answers it in its XML)
     */
    public Authentication authenticateS3(HttpServletRequest request) {
        return authenticator.authenticateS3(SignedRequest.of(request));
    }
}
