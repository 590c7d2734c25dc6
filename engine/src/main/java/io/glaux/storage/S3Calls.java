package io.glaux.storage;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Runs MinIO client calls and turns their many checked exceptions into the IOExceptions the store promises. */
final class S3Calls {

    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchBucket");

    /** A MinIO client call. */
    interface S3Call<T> {
        T run() throws MinioException, GeneralSecurityException, IOException, ExecutionException,
                InterruptedException;
    }

    private S3Calls() {
    }

    static <T> T call(String bucket, String key, S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (MinioException | GeneralSecurityException e) {
            throw toIOException(e, bucket, key);
        } catch (ExecutionException | CompletionException e) {
            throw toIOException(e.getCause() == null ? e : e.getCause(), bucket, key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while calling S3 for " + location(bucket, key));
        }
    }

    /** The S3 error code, or null when the failure is not an S3 error response. */
    static String errorCode(Throwable e) {
        Throwable cause = e instanceof ExecutionException || e instanceof CompletionException ? e.getCause() : e;
        return cause instanceof ErrorResponseException response ? response.errorResponse().code() : null;
    }

    static IOException toIOException(Throwable e, String bucket, String key) {
        if (e instanceof ErrorResponseException response) {
            String code = response.errorResponse().code();
            String message = response.errorResponse().message();
            if (MISSING.contains(code)) {
                return withCause(new NoSuchFileException(location(bucket, key), null, code + ": " + message), e);
            }
            return new IOException("S3 error " + code + " on " + location(bucket, key) + ": " + message, e);
        }
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException("S3 request for " + location(bucket, key) + " failed: " + e, e);
    }

    private static IOException withCause(IOException exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }

    private static String location(String bucket, String key) {
        if (bucket == null || bucket.isEmpty()) {
            return "the S3 endpoint";
        }
        return "s3://" + bucket + "/" + (key == null ? "" : key);
    }
}
