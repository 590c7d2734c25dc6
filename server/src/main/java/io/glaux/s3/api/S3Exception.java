package io.glaux.s3.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error: its code, HTTP status and message as S3 answers them, plus the extra elements some errors carry
 * ({@code <BucketName>}, {@code <Key>}, {@code <ClientComputedContentSHA256>}...). Thrown anywhere while handling a
 * request and written once, as S3's XML, by {@link S3Endpoint}.
 */
public final class S3Exception extends RuntimeException {

    private final String code;
    private final int status;
    private final Map<String, String> details = new LinkedHashMap<>();

    public S3Exception(int status, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** Adds an element written after {@code <Message>}; null values are left out. */
    public S3Exception with(String element, Object value) {
        if (value != null) {
            details.put(element, String.valueOf(value));
        }
        return this;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, String> details() {
        return details;
    }

    @Override
    public String toString() {
        return status + " " + code + ": " + getMessage();
    }
}
