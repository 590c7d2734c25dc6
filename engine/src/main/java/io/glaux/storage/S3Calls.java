package io.glaux.storage;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Runs MinIO client calls and turns their many checked exceptions into the typed IOExceptions the store promises:
 * a missing bucket or object, a bucket not empty, a store that does not answer (connection failures, timeouts, 5xx
 * answers), each naming the store and the object.
 */
final class S3Calls {

    private static final Set<String> UNAVAILABLE = Set.of("InternalError", "ServiceUnavailable", "SlowDown",
            "RequestTimeout", "ServerSideEncryptionConfigurationNotFoundError-never");

    /** A MinIO client call. */
    interface S3Call<T> {
        T run() throws MinioException, GeneralSecurityException, IOException, ExecutionException,
                InterruptedException;
    }

    private final String storeName;

    S3Calls(String storeName) {
        this.storeName = storeName;
    }

    <T> T call(String bucket, String key, S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (MinioException | GeneralSecurityException e) {
            throw toIOException(e, bucket, key);
        } catch (ExecutionException | CompletionException e) {
            throw toIOException(e.getCause() == null ? e : e.getCause(), bucket, key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while calling " + storeName + " for "
                    + location(bucket, key));
        } catch (IOException e) {
            throw toIOException(e, bucket, key);
        }
    }

    /** The S3 error code, or null when the failure is not an S3 error response. */
    static String errorCode(Throwable e) {
        Throwable cause = e instanceof ExecutionException || e instanceof CompletionException ? e.getCause() : e;
        if (cause instanceof IOException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ErrorResponseException response ? response.errorResponse().code() : null;
    }

    IOException toIOException(Throwable e, String bucket, String key) {
        String where = location(bucket, key);
        if (e instanceof ErrorResponseException response) {
            String code = response.errorResponse().code();
            String message = response.errorResponse().message();
            int status = response.response() == null ? 0 : response.response().code();
            if ("NoSuchBucket".equals(code)) {
                return withCause(new NoSuchBucketException(bucket), e);
            }
            if ("NoSuchKey".equals(code)) {
                return withCause(new NoSuchObjectException(bucket, key), e);
            }
            if ("BucketNotEmpty".equals(code)) {
                return withCause(new BucketNotEmptyException(bucket), e);
            }
            if (UNAVAILABLE.contains(code) || status >= 500) {
                return new StoreUnavailableException(storeName + " failed on " + where + ": " + code + " ("
                        + message + ")", e);
            }
            return new IOException(storeName + " refused " + where + ": " + code + " (" + message + ")", e);
        }
        if (e instanceof ServerException server) {
            return new StoreUnavailableException(storeName + " failed on " + where + ": HTTP "
                    + server.statusCode(), e);
        }
        if (e instanceof InvalidResponseException) {
            return new StoreUnavailableException(storeName + " gave an answer that is not S3's on " + where, e);
        }
        if (e instanceof StoreUnavailableException || e instanceof java.nio.file.NoSuchFileException
                || e instanceof BucketNotEmptyException || e instanceof InterruptedIOException
                && !(e instanceof java.net.SocketTimeoutException)) {
            return (IOException) e;
        }
        if (e instanceof IOException io) {
            // Connection refused or reset, timeouts, unknown host: the store did not answer.
            return new StoreUnavailableException(storeName + " did not answer for " + where + ": " + describe(io),
                    io);
        }
        return new IOException(storeName + ": the request for " + where + " failed: " + e, e);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static IOException withCause(IOException exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }

    private static String location(String bucket, String key) {
        if (bucket == null || bucket.isEmpty()) {
            return "the list of buckets";
        }
        return new S3Location(bucket, key == null ? "" : key).toString();
    }
}
