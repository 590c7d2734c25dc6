package io.glaux.s3.api;

/**
 * Consulted by the {@link S3Endpoint} once for every request it has read, before the request is dispatched to its
 * operation. It may delay the request, or answer it with the {@link S3Exception} it throws (written as S3's XML error
 * with the request's id, as any other).
 */
@FunctionalInterface
public interface S3Interceptor {

    /** Lets every request through at once. */
    S3Interceptor NONE = call -> { };

    void beforeDispatch(S3Call call);

    /**
     * One S3 request as an interceptor sees it.
     *
     * @param method the HTTP method
     * @param bucket the bucket, or null for the service ({@code GET /})
     * @param key the object key, or null for a request on the bucket itself
     * @param operation the S3 API operation it is, e.g. {@code GetObject}, {@code ListObjectsV2},
     *     {@code UploadPart} ({@link S3OperationNames})
     */
    record S3Call(String method, String bucket, String key, String operation) {
    }
}
