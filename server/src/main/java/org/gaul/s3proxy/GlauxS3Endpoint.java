package org.gaul.s3proxy;

import jakarta.servlet.http.HttpServlet;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;

/**
 * Glaux's S3 endpoint: s3proxy's request handler over the data folder (one folder per bucket, objects as plain files),
 * so objects put through S3 are the same files the engine queries. Lives in s3proxy's package because the servlet's
 * constructor is package-private.
 */
public final class GlauxS3Endpoint {

    private static final long MAX_SINGLE_PART = 5L * 1024 * 1024 * 1024;
    private static final long V4_MAX_NON_CHUNKED = 128L * 1024 * 1024;
    private static final int V4_MAX_CHUNK = 16 * 1024 * 1024;
    private static final int MAX_TIME_SKEW_SECONDS = 15 * 60;

    private GlauxS3Endpoint() {
    }

    /** A servlet answering S3 requests for the buckets under {@code dataFolder}; any credentials are accepted. */
    public static HttpServlet servlet(Path dataFolder) {
        BlobStore folder = new FilesystemNio2BlobStore(dataFolder.toAbsolutePath().toString());
        return new S3ProxyHandlerJetty(withoutHiddenBuckets(folder), AuthenticationType.NONE, null, null, null,
                MAX_SINGLE_PART, V4_MAX_NON_CHUNKED, V4_MAX_CHUNK, true, null, null, MAX_TIME_SKEW_SECONDS, null);
    }

    /**
     * The folder's buckets without Glaux's own metadata folder ({@code .glaux}): bucket listings leave out folders
     * whose names start with a dot, which are never valid bucket names anyway.
     */
    static BlobStore withoutHiddenBuckets(BlobStore store) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof ListBucketsResponse buckets) {
                return buckets.toBuilder().buckets(buckets.buckets().stream()
                        .filter(bucket -> !bucket.name().startsWith(".")).toList()).build();
            }
            return result;
        };
        return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
                handler);
    }
}
