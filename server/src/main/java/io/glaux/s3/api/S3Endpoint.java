package io.glaux.s3.api;

import io.glaux.Glaux;
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

    private final transient S3Backend backend;
    private final transient S3Routes routes;
    private final transient S3Interceptor interceptor;
    private final transient SecureRandom random = new SecureRandom();

    S3Endpoint(S3Backend backend) {
        this(backend, S3Interceptor.NONE);
    }

    S3Endpoint(S3Backend backend, S3Interceptor interceptor) {
        this.backend = backend;
        this.routes = new S3Routes(backend);
        this.interceptor = interceptor;
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
        Path metadata = glaux.dataFolder().resolve(".glaux");
        return new S3Endpoint(new S3Backend(glaux.store(), new BucketSettingsStore(metadata.resolve("buckets"),
                syncWrites), new MultipartStaging(metadata.resolve("multipart"), syncWrites)), interceptor);
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
            beforeDispatch(request);
            dispatched = true;
            routes.route(request).handle(request, response);
        } catch (Throwable error) {
            S3Exception s3 = ErrorMapping.toS3(error, request, backend.store().name());
            if (s3.status() >= 500 && dispatched) {
                LOG.error("S3 {} {} failed ({}): {}", http.getMethod(), request == null ? "" : request.resource(),
                        requestId, s3, error);
            }
            if (httpResponse.isCommitted()) {
                // The body already started: cut the connection so the client sees a failure, not a short object.
                throw new IOException("S3 request " + requestId + " failed after its answer started: " + s3);
            }
            httpResponse.reset();
            httpResponse.setHeader("x-amz-request-id", requestId);
            httpResponse.setHeader("x-amz-id-2", HOST_ID);
            ErrorDocument.write(response, s3, request == null ? http.getRequestURI() : request.resource(), requestId,
                    head);
        }
    }

    /**
     * The one place every S3 request passes before it is dispatched to its operation: where authorisation and fault
     * injection belong. Glaux accepts any credentials for now; the interceptor may delay or answer the request.
     */
    private void beforeDispatch(S3Request request) {
        interceptor.beforeDispatch(new S3Interceptor.S3Call(request.method(), request.bucket(), request.key(),
                S3OperationNames.of(request)));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
