package io.glaux.s3.api;

import io.glaux.Glaux;
import io.glaux.aws.auth.Authentication;
import io.glaux.aws.auth.AuthenticationFailure;
import io.glaux.aws.protocol.CallerIdentity;
import io.glaux.iam.Authorizer;
import io.glaux.kms.KmsAccess;
import io.glaux.storage.bucket.BucketSettingsStore;
import io.glaux.storage.multipart.MultipartStaging;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Glaux's S3 REST endpoint over the engine's own object store (the embedded folder or any S3-compatible endpoint),
 * so S3 clients see exactly the buckets and objects the engine queries. Every S3 request passes through
 * {@link #service}: it is read ({@link S3Request}), checked before dispatch ({@link #beforeDispatch}), routed by
 * method, bucket/key and subresource ({@link S3Routes}) to one operation, and any failure is answered once as S3's
 * XML error.
 */
public final class S3Endpoint extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(S3Endpoint.class);
    private static final String HOST_ID = "glaux";
    private static final long DISCARD_LIMIT = 1024 * 1024;

    private final transient S3Backend backend;
    private final transient S3Routes routes;
    private final transient S3Interceptor interceptor;
    private final transient CallerIdentity identity;
    private final transient S3Authorization authorization;
    private final transient SecureRandom random = new SecureRandom();

    S3Endpoint(S3Backend backend) {
        this(backend, S3Interceptor.NONE);
    }

    S3Endpoint(S3Backend backend, S3Interceptor interceptor) {
        this(backend, interceptor, new CallerIdentity(CallerIdentity.DEFAULT_ACCOUNT_ID));
    }

    S3Endpoint(S3Backend backend, S3Interceptor interceptor, CallerIdentity identity) {
        this(backend, interceptor, identity, Authorizer.ALLOW_ALL);
    }

    S3Endpoint(S3Backend backend, S3Interceptor interceptor, CallerIdentity identity, Authorizer authorizer) {
        this.backend = backend;
        this.routes = new S3Routes(backend);
        this.interceptor = interceptor;
        this.identity = identity;
        this.authorization = new S3Authorization(authorizer, identity.accountId());
    }

    /**
     * The endpoint for {@code glaux}'s store. Bucket settings and multipart uploads are kept under the data folder's
     * {@code .glaux/buckets} and {@code .glaux/multipart}, whichever store holds the objects.
     */
    public static S3Endpoint over(Glaux glaux, boolean syncWrites) throws IOException {
        return over(glaux, syncWrites, S3Interceptor.NONE);
    }

    /** As {@link #over(Glaux, boolean)}, consulting {@code interceptor} before each request is dispatched. */
    public static S3Endpoint over(Glaux glaux, boolean syncWrites, S3Interceptor interceptor) throws IOException {
        return over(glaux, syncWrites, interceptor, new CallerIdentity(CallerIdentity.DEFAULT_ACCOUNT_ID));
    }

    /**
     * As {@link #over(Glaux, boolean, S3Interceptor)}, authenticating every request with {@code identity} before
     * it is dispatched.
     */
    public static S3Endpoint over(Glaux glaux, boolean syncWrites, S3Interceptor interceptor,
            CallerIdentity identity) throws IOException {
        return over(glaux, syncWrites, interceptor, identity, Authorizer.ALLOW_ALL);
    }

    /**
     * As {@link #over(Glaux, boolean, S3Interceptor, CallerIdentity)}, authorizing every authenticated request with
     * {@code authorizer} before it is dispatched: each permission its operation needs ({@code s3:GetObject} on
     * {@code arn:aws:s3:::bucket/key}, ...) with the request's condition keys. Give the authorizer
     * {@link #bucketPolicies(Glaux)} as S3's resource policies so bucket policies take part.
     */
    public static S3Endpoint over(Glaux glaux, boolean syncWrites, S3Interceptor interceptor,
            CallerIdentity identity, Authorizer authorizer) throws IOException {
        Path metadata = glaux.dataFolder().resolve(".glaux");
        return new S3Endpoint(new S3Backend(glaux.store(), settingsOf(glaux, syncWrites),
                new MultipartStaging(metadata.resolve("multipart"), syncWrites), new KmsAccess(glaux.kms(), authorizer)),
                interceptor, identity, authorizer);
    }

    /**
     * The bucket policies of {@code glaux}'s buckets, as kept by the endpoint's PutBucketPolicy: the {@code s3}
     * entry of the server's resource policies.
     */
    public static BucketPolicies bucketPolicies(Glaux glaux) {
        return new BucketPolicies(settingsOf(glaux, false));
    }

    private static BucketSettingsStore settingsOf(Glaux glaux, boolean syncWrites) {
        return new BucketSettingsStore(glaux.dataFolder().resolve(".glaux").resolve("buckets"), syncWrites);
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse httpResponse) throws IOException {
        String requestId = HexFormat.of().withUpperCase().formatHex(randomBytes());
        httpResponse.setHeader("x-amz-request-id", requestId);
        httpResponse.setHeader("x-amz-id-2", HOST_ID);
        boolean head = "HEAD".equals(http.getMethod());
        S3Response response = new S3Response(httpResponse, head);
        S3Request request = null;
        boolean dispatched = false;
        try {
            request = S3Request.of(http, requestId);
            request = request.authenticated(authenticate(http));
            request = beforeDispatch(request);
            dispatched = true;
            routes.route(request).handle(request, response);
        } catch (RuntimeException | IOException error) {
            if (httpResponse.isCommitted()) {
                // The body already started: cut the connection so the client sees a failure, not a short object.
                if (!clientWentAway(error)) {
                    LOG.error("S3 {} {} failed after its answer started ({})", http.getMethod(),
                            request == null ? "" : request.resource(), requestId, error);
                }
                throw new IOException("S3 request " + requestId + " failed after its answer started", error);
            }
            S3Exception s3 = ErrorMapping.toS3(error, request, backend.store().name());
            // Injected faults (answered before dispatch) and 501s are not failures of the server.
            if (s3.status() >= 500 && s3.status() != 501 && dispatched) {
                LOG.error("S3 {} {} failed ({}): {}", http.getMethod(), request == null ? "" : request.resource(),
                        requestId, s3, error);
            }
            httpResponse.reset();
            httpResponse.setHeader("x-amz-request-id", requestId);
            httpResponse.setHeader("x-amz-id-2", HOST_ID);
            if (!discardBody(http)) {
                httpResponse.setHeader("Connection", "close");
            }
            ErrorDocument.write(response, s3, request == null ? http.getRequestURI() : request.resource(), requestId,
                    head);
        }
    }

    /**
     * Reads what is left of a refused request's body (up to 1 MiB) so the connection can serve the next request;
     * false when the rest is larger, unreadable, or still held back by {@code Expect: 100-continue}, and the
     * connection must be closed after the answer.
     */
    private static boolean discardBody(HttpServletRequest http) {
        String expect = http.getHeader("Expect");
        if (expect != null && expect.toLowerCase(java.util.Locale.ROOT).contains("100-continue")) {
            return true; // the client sends nothing before a 100 Continue, which a refusal never sends
        }
        if (http.getContentLengthLong() > DISCARD_LIMIT) {
            return false; // not worth waiting for: close after the answer, as S3 does
        }
        try {
            java.io.InputStream in = http.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long discarded = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                discarded += n;
                if (discarded > DISCARD_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether writing the answer failed because the client closed the connection (an EOF on the way out). */
    private static boolean clientWentAway(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    /** Who sent the request, its signature verified when the server enforces authentication. */
    private Authentication authenticate(HttpServletRequest http) {
        try {
            return identity.authenticateS3(http);
        } catch (AuthenticationFailure failure) {
            throw S3Errors.authentication(failure);
        }
    }

    /**
     * The one place every S3 request passes before it is dispatched to its operation: the authenticated request is
     * authorized (AccessDenied for a permission it lacks), then the fault interceptor may delay or answer it.
     *
     * @return the request carrying what its caller may do
     */
    private S3Request beforeDispatch(S3Request request) {
        String operation = S3OperationNames.of(request);
        S3Request authorized = authorization.authorize(request, operation);
        interceptor.beforeDispatch(new S3Interceptor.S3Call(request.method(), request.bucket(), request.key(),
                operation));
        return authorized;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
